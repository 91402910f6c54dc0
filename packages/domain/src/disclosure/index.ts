export * from './measures.ts';
export * from './publication.ts';
