export * from './summary';
export * from './record';
export * from './rounding';
