export * from './id-number';
export * from './organization';
export * from './org-tree';
export * from './person';
export * from './attendance';
export * from './org-picker';
