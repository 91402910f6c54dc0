export * from './runner.ts';
export * from './store.ts';
