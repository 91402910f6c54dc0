// Local text analytics (`@facets/domain/text`): kept out of the main entry so that the console and the portals,
// which import `@facets/domain`, do not bundle the lexicons.
export * from './analyse.ts';
export * from './catalogue.ts';
export * from './language.ts';
export * from './lexicon.ts';
export * from './sentiment.ts';
export * from './themes.ts';
export { fold, stemOf, type Token, tokenize } from './tokens.ts';
