export * from './columns';
export * from './dates';
export * from './row';
export * from './person-change';
export * from './plan';
export * from './table';
