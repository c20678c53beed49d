// The scenario core: edits and their operations, undo/redo, named scenarios, replay,
// comparison, cost, and the scenario file. Pure: runs in Node, the worker and the browser.
export * from './edit';
export * from './history';
export * from './ops';
export * from './replay';
export * from './scenarios';
export * from './compare';
export * from './cost';
export * from './diff';
export { newId } from './ids';
export { scenarioEn, scenarioZh } from './messages';
