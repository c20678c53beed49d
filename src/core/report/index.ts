export * from './rows';
export * from './summary';
export * from './record';
