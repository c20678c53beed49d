// Checking a new residential site (新建住宅项目) against the area's rules: docs/site-check.md.
export * from './figures';
export * from './geometry';
export * from './build';
export * from './reach';
export * from './check';
export * from './records';
