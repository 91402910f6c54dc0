import { commonMessages, type MessageTree, mergeMessages } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages.ts';
import { type CountKeys, countKeys, ruleKeys } from './counting.ts';

/** The console's messages read as i18next reads them: the plural form by `count`, then `{{values}}` filled in. */
function translator(lng: 'fr' | 'en') {
  const tree = mergeMessages(commonMessages[lng], messages[lng]);
  const leaf = (key: string): string | undefined => {
    const value = key
      .split('.')
      .reduce<MessageTree | string | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        tree,
      );
    return typeof value === 'string' ? value : undefined;
  };
  return (key: string, options: Record<string, unknown>) => {
    const count = options.count;
    const plural = typeof count === 'number' ? leaf(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined;
    const text = plural ?? leaf(key) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
  };
}

/** A group's counts worded as the pages word them (useCountWords). */
function words(keys: CountKeys, lng: 'fr' | 'en') {
  const t = translator(lng);
  return {
    n: t(keys.n, { n: '9', count: 9 }),
    one: t(keys.n, { n: '1', count: 1 }),
    respondents: t(keys.respondents, { n: '9', count: 9 }),
    anonymity: t(keys.anonymity, { k: 3, commentK: 4 }),
    anonymityScores: t(keys.anonymityScores, { k: 3 }),
    column: t(keys.column, {}),
    respondentsHidden: t(keys.respondentsHidden, { reason: 'too few' }),
    respondentsIn: t(keys.respondentsIn, { count: 9, wave: 'W2' }),
    commenters: t(keys.commenters, { n: '9', count: 9 }),
    driversInsufficient: t(keys.driversInsufficient, { min: 30, nText: t(keys.n, { n: '9', count: 9 }) }),
    driversCorrelationOnly: t(keys.driversCorrelationOnly, { min: 50 }),
  };
}

describe('countKeys', () => {
  it('words a supplier group in contacts for its n and in companies for its rule', () => {
    const en = words(countKeys('supplier'), 'en');
    expect(en.n).toBe('n = 9 contacts');
    expect(en.one).toBe('n = 1 contact');
    expect(en.respondents).toBe('9 contacts answered');
    expect(en.anonymity).toContain('at least 3 companies');
    expect(en.anonymityScores).toContain('fewer than 3 companies');
    expect(en.column).toBe('Contacts');
    expect(en.respondentsHidden).toBe('Contacts hidden: too few');
    expect(en.respondentsIn).toBe('contacts in W2');
    expect(en.commenters).toBe('Comments of 9 contacts in the latest wave.');
    expect(en.driversInsufficient).toBe(
      'Not enough responses: key drivers need at least 30 contacts (n = 9 contacts).',
    );
    expect(en.driversCorrelationOnly).toContain('at least 50 contacts');
    const fr = words(countKeys('supplier'), 'fr');
    expect(fr.n).toBe('n = 9 contacts');
    expect(fr.respondents).toBe('9 contacts ont répondu');
    expect(fr.anonymity).toContain('au moins 3 entreprises');
    expect(fr.anonymityScores).toContain('moins de 3 entreprises');
    expect(fr.respondentsHidden).toBe('Contacts masqués : too few');
    expect(fr.respondentsIn).toBe('contacts en W2');
    expect(fr.commenters).toBe('Commentaires de 9 contacts lors de la dernière vague.');
    expect(fr.driversCorrelationOnly).toContain('au moins 50 contacts');
    for (const text of [...Object.values(en), ...Object.values(fr)]) {
      expect(text).not.toMatch(/respondent|répondant|\bpeople\b|personnes/);
    }
  });

  it.each(['employee', 'customer', 'shareholder', 'custom', null, undefined])('words %s groups in people', (kind) => {
    const en = words(countKeys(kind), 'en');
    expect(en.n).toBe('n = 9');
    expect(en.respondents).toBe('9 respondents');
    expect(en.anonymity).toContain('at least 3 people');
    expect(en.column).toBe('Respondents');
    expect(en.respondentsHidden).toBe('Respondents hidden: too few');
    expect(en.respondentsIn).toBe('respondents in W2');
    expect(en.commenters).toBe('Comments of 9 people in the latest wave.');
    expect(en.driversInsufficient).toBe('Not enough responses: key drivers need at least 30 respondents (n = 9).');
    const fr = words(countKeys(kind), 'fr');
    expect(fr.respondents).toBe('9 répondants');
    expect(fr.anonymity).toContain('au moins 3 personnes');
    expect(fr.column).toBe('Répondants');
    expect(fr.respondentsIn).toBe('répondants en W2');
    expect(fr.commenters).toBe('Commentaires de 9 personnes lors de la dernière vague.');
    for (const text of [...Object.values(en), ...Object.values(fr)]) expect(text).not.toMatch(/compan|entreprise/);
  });

  it('has every key in both languages', () => {
    for (const kind of ['supplier', 'employee']) {
      for (const lng of ['fr', 'en'] as const) {
        for (const text of Object.values(words(countKeys(kind), lng))) expect(text).not.toMatch(/^figures\./);
      }
    }
  });
});

describe('ruleKeys', () => {
  it('states the rule in people for groups counted in people, once', () => {
    expect(ruleKeys(['employee', 'customer'])).toEqual([countKeys('employee')]);
    expect(ruleKeys([])).toEqual([countKeys(null)]);
  });

  it('states the rule in companies for suppliers, beside the people rule when other groups are shown', () => {
    expect(ruleKeys(['supplier'])).toEqual([countKeys('supplier')]);
    expect(ruleKeys(['supplier', 'employee', 'supplier'])).toEqual([countKeys('employee'), countKeys('supplier')]);
  });
});
