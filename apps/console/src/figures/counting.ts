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
  /** The header of a column of counts. */
  column: string;
  /** A group's count withheld: `{ reason }`. */
  respondentsHidden: string;
  /** Beside a group's count of answers in a wave: `{ count, wave }`. */
  respondentsIn: string;
  /** How many commented: `{ n, count }`. */
  commenters: string;
  /** Too few answers for key drivers: `{ min, nText }`. */
  driversInsufficient: string;
  /** Enough answers for correlations, too few for weights: `{ min }`. */
  driversCorrelationOnly: string;
}

const PEOPLE: CountKeys = {
  n: 'figures.n',
  respondents: 'figures.respondents',
  anonymity: 'figures.anonymity',
  anonymityScores: 'figures.anonymityScores',
  column: 'groups.respondents',
  respondentsHidden: 'overview.respondentsHidden',
  respondentsIn: 'overview.summary.respondentsIn',
  commenters: 'dimension.comments.count',
  driversInsufficient: 'dimension.drivers.insufficient',
  driversCorrelationOnly: 'dimension.drivers.noteCorrelation',
};

const COMPANIES: CountKeys = {
  n: 'figures.nContacts',
  respondents: 'figures.contacts',
  anonymity: 'figures.anonymityCompanies',
  anonymityScores: 'figures.anonymityScoresCompanies',
  column: 'groups.contacts',
  respondentsHidden: 'overview.contactsHidden',
  respondentsIn: 'overview.summary.contactsIn',
  commenters: 'dimension.comments.countContacts',
  driversInsufficient: 'dimension.drivers.insufficientContacts',
  driversCorrelationOnly: 'dimension.drivers.noteCorrelationContacts',
};

/** The message keys of a group's counts and rule, by its kind (`null`: several kinds, or none known). */
export function countKeys(kind: string | null | undefined): CountKeys {
  return kind && countsCompanies(kind) ? COMPANIES : PEOPLE;
}

/**
 * The rules a page of several groups states, each once: people's for the groups counted in people (or when there is
 * no group), companies' for the supplier groups.
 */
export function ruleKeys(kinds: readonly string[]): CountKeys[] {
  const rules = new Set(kinds.map((kind) => countKeys(kind)));
  if (rules.size === 0) rules.add(PEOPLE);
  return [PEOPLE, COMPANIES].filter((keys) => rules.has(keys));
}
