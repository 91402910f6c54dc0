import { countsCompanies } from '@facets/domain';

/**
 * What a group's figures are counted in, for their words. Every n is people (for suppliers, contacts), but the
 * anonymity rule of suppliers counts distinct companies (architecture.md, the disclosure guarantee): their screens
 * say "n = 9 contacts" and "shown from 3 companies", never "respondents" as if k counted people.
 */
export interface CountKeys {
  /** The n beside a figure: `{ n, count }`. */
  n: string;
  /** A group's count of answers: `{ n, count }`. */
  respondents: string;
  /** The rule, with the comment threshold: `{ k, commentK }`. */
  anonymity: string;
  /** The rule of published waves: `{ k }`. */
  anonymityScores: string;
}

const PEOPLE: CountKeys = {
  n: 'figures.n',
  respondents: 'figures.respondents',
  anonymity: 'figures.anonymity',
  anonymityScores: 'figures.anonymityScores',
};

const COMPANIES: CountKeys = {
  n: 'figures.nContacts',
  respondents: 'figures.contacts',
  anonymity: 'figures.anonymityCompanies',
  anonymityScores: 'figures.anonymityScoresCompanies',
};

/** The message keys of a group's counts and rule, by its kind (`null`: several kinds, or none known). */
export function countKeys(kind: string | null | undefined): CountKeys {
  return kind && countsCompanies(kind) ? COMPANIES : PEOPLE;
}
