export * from './BarChart.tsx';
export * from './BulletChart.tsx';
export * from './FavourabilityBar.tsx';
export * from './frame.ts';
export * from './HeatLegend.tsx';
export * from './heat.ts';
export * from './LineChart.tsx';
export * from './QuadrantChart.tsx';
