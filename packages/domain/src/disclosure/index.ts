export * from './measures.ts';
export * from './publication.ts';
export * from './themes.ts';
