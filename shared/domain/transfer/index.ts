export * from './transfer';
export * from './serial';
export * from './validity';
export * from './warnings';
export * from './acceptance';
export * from './case-move';
export * from './leaving';
export * from './request';
