export * from './create.ts';
export * from './delete.ts';
export * from './tenant-tables.ts';
