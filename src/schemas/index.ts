// Zod at the edges: GeoJSON features and project files → the model in src/core/model.ts.
export * from './features';
export * from './fields';
export * from './params';
export * from './project';
export * from './ledger';
