export * from './HeatLegend.tsx';
export * from './heat.ts';
