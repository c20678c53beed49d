// The scenario core: edits and their operations, undo/redo, named scenarios, replay,
// comparison, cost, saved views and the scenario file. Pure: runs in Node, the worker and the browser.
export * from './edit';
export * from './history';
export * from './ops';
export * from './replay';
export * from './scenarios';
export * from './compare';
export * from './cost';
export * from './diff';
export * from './views';
export * from './defaults';
export * from './session';
export * from './kpi-rows';
export * from './file';
export * from './project-part';
export { fingerprint } from './fingerprint';
export { newId } from './ids';
