/**
 * Companies as records, not spellings. Suppliers are counted by company for anonymity, so "Verrerie du Rhône",
 * "VERRERIE DU RHONE SA" and a contact at @verrerie-rhone.fr with no company given must be one company, not three:
 * otherwise three contacts of one supplier pass for three companies. Matching is by normalised name first, then by
 * the contact's e-mail domain (never a public mail provider's), else a new company.
 */

import type { GroupKind } from './model.ts';

/** Groups whose results must stand on at least k distinct companies, not k contacts (architecture.md). */
export const COMPANY_COUNTED: readonly GroupKind[] = ['supplier'];

/** Whether a group's anonymity threshold counts companies (suppliers) rather than people. */
export const countsCompanies = (kind: string): boolean => (COMPANY_COUNTED as readonly string[]).includes(kind);

/** Legal forms ignored when comparing names (French, German, British, American, Benelux, Italian, Spanish…). */
export const LEGAL_SUFFIXES: readonly string[] = [
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sci',
  'snc',
  'sca',
  'scop',
  'scp',
  'selarl',
  'gie',
  'ei',
  'gmbh',
  'ag',
  'kg',
  'ug',
  'ohg',
  'ltd',
  'limited',
  'plc',
  'llp',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'bv',
  'nv',
  'sprl',
  'srl',
  'spa',
  'sl',
  'ab',
  'oy',
  'as',
];

/**
 * Mail providers anyone can have an address at: a contact's address there says nothing about their company, so these
 * domains never match or define one.
 */
export const PUBLIC_MAIL_DOMAINS: readonly string[] = [
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'outlook.fr',
  'hotmail.com',
  'hotmail.fr',
  'live.com',
  'live.fr',
  'msn.com',
  'yahoo.com',
  'yahoo.fr',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'aol.fr',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.fr',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.com',
  'zoho.com',
  'yandex.com',
  'yandex.ru',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'sfr.fr',
  'neuf.fr',
  'laposte.net',
  'bbox.fr',
  'numericable.fr',
  'club-internet.fr',
  'aliceadsl.fr',
  'tiscali.fr',
  'libero.it',
  'skynet.be',
  'bluewin.ch',
  'btinternet.com',
  'qq.com',
  '163.com',
];

const SUFFIXES = new Set(LEGAL_SUFFIXES);
const PUBLIC = new Set(PUBLIC_MAIL_DOMAINS);

/**
 * The key two spellings of one company share: no accents, case, punctuation or legal form
 * ('Verrerie du Rhône S.A.' and 'VERRERIE-DU-RHONE' → 'verrerie_du_rhone'); '' for a name with no letters or digits.
 */
export function companyKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/(?<=\b[a-z])\.(?=[a-z]\b)/g, '') // S.A.R.L. → SARL., G.m.b.H. → GmbH.
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  const core = [...words];
  while (core.length > 1 && SUFFIXES.has(core.at(-1)!)) core.pop();
  while (core.length > 1 && SUFFIXES.has(core[0]!)) core.shift();
  return core.join('_');
}

/** The domain of an e-mail address, lower case; null when there is none. */
export function mailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, '');
  return domain.includes('.') ? domain : null;
}

/** Whether a domain belongs to a public mail provider (or one of its subdomains). */
export function isPublicMailDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split('.');
  return labels.some((_, i) => i < labels.length - 1 && PUBLIC.has(labels.slice(i).join('.')));
}

/** The domain of an address when it can stand for a company (not a public provider's). */
export function companyDomain(email: string | null | undefined): string | null {
  const domain = mailDomain(email);
  return domain !== null && !isPublicMailDomain(domain) ? domain : null;
}

export interface KnownCompany {
  id: string;
  name: string;
  /** E-mail domains of the company's contacts, lower case. */
  domains: readonly string[];
}

export interface CompanyContact {
  /** The company as the file or the form names it; null or blank when not given. */
  company: string | null;
  email: string | null;
}

/** How a contact was placed: by the company's name, by their e-mail domain, in a company made for them, or in none. */
export type CompanyMatchKind = 'name' | 'domain' | 'new';
export const COMPANY_MATCH_KINDS: readonly CompanyMatchKind[] = ['name', 'domain', 'new'];

export type CompanyMatch =
  | { how: CompanyMatchKind; companyId: string; companyName: string }
  | { how: 'none'; companyId: null; companyName: null };

export interface CompanyAssignment {
  /** One match per contact, in order. */
  matches: CompanyMatch[];
  /** Companies to create (ids from `newId`). */
  created: KnownCompany[];
  /** Known companies that gain domains (the domains to add), e.g. a contact matched by name brings theirs. */
  domainsAdded: { companyId: string; domains: string[] }[];
}

/**
 * Places each contact in a company, in order, each new company known to the rows after it (so one file spelling a
 * new supplier three ways creates it once):
 * 1. a non-blank company name whose key is a known company's → that company, by name;
 * 2. otherwise, when `byDomain`, a company domain (not a public provider's) that exactly one company has → by domain;
 * 3. otherwise a new company named as given (or, with no name and `byDomain`, after the domain) with that domain;
 * 4. no name and no usable domain → no company.
 * A private domain that no company has yet is added to the company a contact lands in, and a name placed by domain
 * stands for that company in the later rows.
 */
export function assignCompanies(
  known: readonly KnownCompany[],
  contacts: readonly CompanyContact[],
  options: { newId: () => string; byDomain: boolean },
): CompanyAssignment {
  const companies = known.map((c) => ({ id: c.id, name: c.name, domains: [...c.domains], isNew: false }));
  const byKey = new Map<string, (typeof companies)[number]>();
  for (const c of companies) {
    const key = companyKey(c.name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, c);
  }
  const byDomain = new Map<string, (typeof companies)[number][]>();
  const addDomain = (company: (typeof companies)[number], domain: string) => {
    if (!company.domains.includes(domain)) company.domains.push(domain);
    byDomain.set(domain, [...(byDomain.get(domain) ?? []).filter((c) => c !== company), company]);
  };
  for (const c of companies) for (const d of c.domains) addDomain(c, d);
  const added = new Map<string, Set<string>>();

  const matches = contacts.map((contact): CompanyMatch => {
    const name = contact.company?.trim() ?? '';
    const key = companyKey(name);
    const domain = options.byDomain ? companyDomain(contact.email) : null;
    const land = (company: (typeof companies)[number], how: CompanyMatchKind): CompanyMatch => {
      // A name placed by domain stands for that company in the rest of the file, so its spellings stay together.
      if (key !== '' && !byKey.has(key)) byKey.set(key, company);
      if (domain !== null && !byDomain.has(domain)) {
        addDomain(company, domain);
        if (!company.isNew) added.set(company.id, (added.get(company.id) ?? new Set()).add(domain));
      }
      return { how, companyId: company.id, companyName: company.name };
    };
    const named = key !== '' ? byKey.get(key) : undefined;
    if (named) return land(named, 'name');
    const owners = domain !== null ? (byDomain.get(domain) ?? []) : [];
    if (owners.length === 1) return land(owners[0]!, 'domain');
    if (key === '' && domain === null) return { how: 'none', companyId: null, companyName: null };
    const fresh = { id: options.newId(), name: key !== '' ? name : domain!, domains: [] as string[], isNew: true };
    companies.push(fresh);
    if (key === '') byKey.set(companyKey(fresh.name), fresh);
    return land(fresh, 'new');
  });

  return {
    matches,
    created: companies.filter((c) => c.isNew).map(({ id, name, domains }) => ({ id, name, domains })),
    domainsAdded: [...added].map(([companyId, domains]) => ({ companyId, domains: [...domains] })),
  };
}
