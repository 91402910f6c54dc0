export * from './aggregates.ts';
export * from './errors.ts';
export * from './model.ts';
export * from './scales.ts';
