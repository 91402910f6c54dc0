export * from './open.ts';
export * from './schedule.ts';
