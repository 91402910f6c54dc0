import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignCompanies,
  type CompanyContact,
  companyDomain,
  companyKey,
  isPublicMailDomain,
  type KnownCompany,
  mailDomain,
} from './companies.ts';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};
const assign = (known: KnownCompany[], contacts: CompanyContact[], byDomain = true) =>
  assignCompanies(known, contacts, { newId: ids(), byDomain });

const VERRERIE: KnownCompany = { id: 'c-verrerie', name: 'Verrerie du Rhône', domains: ['verrerie-rhone.fr'] };
const DURAND: KnownCompany = { id: 'c-durand', name: 'Atelier Durand', domains: [] };

describe('companyKey', () => {
  it('ignores accents, case, punctuation and legal forms', () => {
    for (const spelling of [
      'Verrerie du Rhône',
      'Verrerie du Rhone SA',
      'VERRERIE DU RHÔNE',
      'verrerie-du-rhone',
      '  Verrerie  du Rhône, S.A.  ',
      'SAS Verrerie du Rhône',
      'Verrerie du Rhône S.A.R.L.',
    ]) {
      expect(companyKey(spelling), spelling).toBe('verrerie_du_rhone');
    }
    expect(companyKey('Nord Express GmbH')).toBe('nord_express');
    expect(companyKey('Acme Ltd.')).toBe('acme');
    expect(companyKey('Acme, Inc.')).toBe('acme');
    expect(companyKey('Numérik Solutions SAS')).toBe('numerik_solutions');
    expect(companyKey('L’Atelier')).toBe(companyKey("L'Atelier"));
  });

  it('keeps what tells companies apart, and a name that is only a legal form', () => {
    expect(companyKey('Verrerie du Rhône')).not.toBe(companyKey('Verrerie de la Loire'));
    expect(companyKey('Transports Roussel')).not.toBe(companyKey('Roussel'));
    expect(companyKey('SA')).toBe('sa');
    expect(companyKey(' — ')).toBe('');
  });
});

describe('mail domains', () => {
  it('reads the domain of an address, and knows public providers', () => {
    expect(mailDomain('Lea.Martin@Verrerie-Rhone.FR')).toBe('verrerie-rhone.fr');
    expect(mailDomain('no-address')).toBeNull();
    expect(mailDomain(null)).toBeNull();
    expect(isPublicMailDomain('gmail.com')).toBe(true);
    expect(isPublicMailDomain('orange.fr')).toBe(true);
    expect(isPublicMailDomain('free.fr')).toBe(true);
    expect(isPublicMailDomain('OUTLOOK.COM')).toBe(true);
    expect(isPublicMailDomain('smtp.orange.fr')).toBe(true);
    expect(isPublicMailDomain('verrerie-rhone.fr')).toBe(false);
    // a company's domain that merely ends like a provider's is the company's
    expect(isPublicMailDomain('notfree.fr')).toBe(false);
    expect(companyDomain('jo@gmail.com')).toBeNull();
    expect(companyDomain('jo@verrerie-rhone.fr')).toBe('verrerie-rhone.fr');
  });
});

describe('assignCompanies', () => {
  it('matches a known company by its name however it is spelled', () => {
    const { matches, created } = assign(
      [VERRERIE, DURAND],
      [
        { company: 'VERRERIE DU RHONE SA', email: 'a@gmail.com' },
        { company: 'atelier durand', email: null },
      ],
    );
    expect(matches).toEqual([
      { how: 'name', companyId: 'c-verrerie', companyName: 'Verrerie du Rhône' },
      { how: 'name', companyId: 'c-durand', companyName: 'Atelier Durand' },
    ]);
    expect(created).toEqual([]);
  });

  it('matches by e-mail domain when the company is not given or names no known company', () => {
    const { matches, created } = assign(
      [VERRERIE],
      [
        { company: null, email: 'lea@verrerie-rhone.fr' },
        { company: '', email: 'max@Verrerie-Rhone.fr' },
        { company: 'Verrerie Rhône Logistique', email: 'zoe@verrerie-rhone.fr' },
      ],
    );
    expect(matches.map((m) => [m.how, m.companyId])).toEqual([
      ['domain', 'c-verrerie'],
      ['domain', 'c-verrerie'],
      ['domain', 'c-verrerie'],
    ]);
    expect(created).toEqual([]);
  });

  it('never matches nor defines a company by a public mail domain', () => {
    const known = [{ id: 'c-odd', name: 'Odd', domains: ['gmail.com'] }];
    const { matches, created } = assign(known, [
      { company: 'Scierie Martin', email: 'paul@gmail.com' },
      { company: null, email: 'anne@gmail.com' },
      { company: null, email: 'luc@orange.fr' },
    ]);
    expect(matches.map((m) => [m.how, m.companyName])).toEqual([
      ['new', 'Scierie Martin'],
      ['none', null],
      ['none', null],
    ]);
    expect(created).toEqual([{ id: 'new-1', name: 'Scierie Martin', domains: [] }]);
  });

  it('creates a new company once, with its domain, and places the file’s later rows in it', () => {
    const { matches, created } = assign(
      [VERRERIE],
      [
        { company: 'Cartonnages Béal', email: 'a@beal.example' },
        { company: 'CARTONNAGES BEAL SARL', email: 'b@gmail.com' },
        { company: null, email: 'c@beal.example' },
        { company: null, email: 'd@nouvelle.example' },
      ],
    );
    expect(matches.map((m) => [m.how, m.companyId])).toEqual([
      ['new', 'new-1'],
      ['name', 'new-1'],
      ['domain', 'new-1'],
      ['new', 'new-2'],
    ]);
    expect(created).toEqual([
      { id: 'new-1', name: 'Cartonnages Béal', domains: ['beal.example'] },
      { id: 'new-2', name: 'nouvelle.example', domains: ['nouvelle.example'] },
    ]);
  });

  it('gives a known company the new domain of a contact matched by name', () => {
    const { matches, domainsAdded } = assign(
      [DURAND],
      [
        { company: 'Atelier Durand', email: 'marc@durand.example' },
        { company: null, email: 'eve@durand.example' },
      ],
    );
    expect(matches.map((m) => [m.how, m.companyId])).toEqual([
      ['name', 'c-durand'],
      ['domain', 'c-durand'],
    ]);
    expect(domainsAdded).toEqual([{ companyId: 'c-durand', domains: ['durand.example'] }]);
  });

  it('does not guess between two companies sharing a domain', () => {
    const known = [
      { id: 'c-a', name: 'Groupe Alpha Transports', domains: ['alpha.example'] },
      { id: 'c-b', name: 'Groupe Alpha Emballages', domains: ['alpha.example'] },
    ];
    const { matches } = assign(known, [
      { company: null, email: 'x@alpha.example' },
      { company: 'Groupe Alpha Emballages', email: 'y@alpha.example' },
    ]);
    expect(matches.map((m) => [m.how, m.companyId])).toEqual([
      ['new', 'new-1'],
      ['name', 'c-b'],
    ]);
  });

  it('matches by name only when domains are not to be used', () => {
    const { matches } = assign([VERRERIE], [{ company: null, email: 'lea@verrerie-rhone.fr' }], false);
    expect(matches).toEqual([{ how: 'none', companyId: null, companyName: null }]);
  });
});

/** A spelling of `name` as people type it: case, accents dropped, punctuation, spaces, a legal form. */
const spellingOf = (name: string) =>
  fc
    .record({
      upper: fc.constantFrom('as is', 'upper', 'lower'),
      ascii: fc.boolean(),
      separator: fc.constantFrom(' ', '  ', '-', ' - ', '.', ', '),
      suffix: fc.constantFrom('', ' SA', ' S.A.', ' SAS', ', SARL', ' GmbH', ' Ltd.', ' Inc.', ' sarl'),
      prefix: fc.constantFrom('', 'SAS ', 'SARL '),
      pad: fc.constantFrom('', ' ', '  '),
    })
    .map(({ upper, ascii, separator, suffix, prefix, pad }) => {
      let s = name.split(' ').join(separator);
      if (ascii) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      s = `${pad}${prefix}${s}${suffix}${pad}`;
      return upper === 'upper' ? s.toUpperCase() : upper === 'lower' ? s.toLowerCase() : s;
    });

const WORDS = ['Verrerie', 'Rhône', 'Scierie', 'Béal', 'Transports', 'Numérik', 'Nord', 'Alpin', 'Émaux', 'Tissages'];
const companyName = fc
  .uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .map((words) => words.join(' '));
const domain = fc.constantFrom('verrerie.example', 'beal.example', 'nord-express.example', 'alpin.example');
const publicDomain = fc.constantFrom('gmail.com', 'orange.fr', 'free.fr', 'outlook.com');

describe('assignCompanies (properties)', () => {
  it('puts every spelling of one name in one company, whatever else the file holds', () => {
    fc.assert(
      fc.property(
        companyName,
        fc.array(fc.tuple(fc.boolean(), fc.oneof(domain, publicDomain)), { minLength: 2, maxLength: 12 }),
        fc.array(fc.record({ name: companyName, domain }), { maxLength: 4 }),
        fc.gen(),
        (name, rows, known, g) => {
          const companies = known.map((k, i) => ({ id: `k${i}`, name: k.name, domains: [k.domain] }));
          const contacts = rows.map(([named, d], i) => ({
            company: named || i === 0 ? g(() => spellingOf(name)) : 'Autre Fournisseur',
            email: `p${i}@${d}`,
          }));
          const { matches } = assign(companies, contacts);
          const ofName = matches.filter((_, i) => contacts[i]!.company !== 'Autre Fournisseur');
          expect(new Set(ofName.map((m) => m.companyId)).size).toBe(1);
        },
      ),
    );
  });

  it('puts every contact of one company domain who names no company in one company', () => {
    fc.assert(
      fc.property(
        domain,
        fc.array(fc.oneof(fc.constant(null), fc.constant(''), fc.constant('  ')), { minLength: 2, maxLength: 10 }),
        fc.array(fc.record({ name: companyName, domain }), { maxLength: 4 }),
        fc.array(fc.tuple(companyName, publicDomain), { maxLength: 4 }),
        (d, blanks, known, others) => {
          // known companies never share a domain here (a shared domain is ambiguous by design)
          const seen = new Set<string>();
          const companies = known
            .filter((k) => !seen.has(k.domain) && seen.add(k.domain))
            .map((k, i) => ({ id: `k${i}`, name: k.name, domains: [k.domain] }));
          const contacts = [
            ...blanks.map((company, i) => ({ company, email: `p${i}@${d}` })),
            ...others.map(([company, pd], i) => ({ company, email: `o${i}@${pd}` })),
          ];
          const { matches } = assign(companies, contacts);
          const ofDomain = matches.slice(0, blanks.length);
          expect(ofDomain.every((m) => m.companyId !== null)).toBe(true);
          expect(new Set(ofDomain.map((m) => m.companyId)).size).toBe(1);
        },
      ),
    );
  });

  it('assigns the same way when the known companies include those a first pass created', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.option(companyName), d: fc.oneof(domain, publicDomain) }), { maxLength: 10 }),
        (rows) => {
          const contacts = rows.map((r, i) => ({ company: r.name, email: `p${i}@${r.d}` }));
          const first = assign([], contacts);
          const again = assignCompanies(first.created, contacts, { newId: ids(), byDomain: true });
          expect(again.created).toEqual([]);
          expect(again.matches.map((m) => m.companyId)).toEqual(first.matches.map((m) => m.companyId));
        },
      ),
    );
  });
});
