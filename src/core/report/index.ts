export * from './rows';
export * from './summary';
