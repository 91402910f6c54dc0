import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenKeys, hasKey, mergeMessages, missingKeys, portalMessageProblems, usedKeys } from './keys.ts';
import { detectLanguage, pickText } from './language.ts';
import { commonMessages } from './messages.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('shared messages', () => {
  it('exist in both French and English', () => {
    expect(missingKeys(commonMessages.en, commonMessages.fr)).toEqual([]);
    expect(missingKeys(commonMessages.fr, commonMessages.en)).toEqual([]);
  });

  it('have no empty translation', () => {
    for (const lang of ['fr', 'en'] as const) {
      const tree = commonMessages[lang];
      const empty = flattenKeys(tree).filter(
        (k) => k.split('.').reduce<unknown>((n, p) => (n as never)[p], tree) === '',
      );
      expect(empty).toEqual([]);
    }
  });

  it('cover every key the kit uses', () => {
    const src = join(import.meta.dirname, '..');
    const missing = sources(src).flatMap((file) =>
      usedKeys(readFileSync(file, 'utf8'))
        .filter((key) => !hasKey(commonMessages.en, key))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('keys built at run time', () => {
  it('exist for every category, status, scale end and language', () => {
    const keys = [
      ...['praise', 'suggestion', 'problem', 'question'].map((c) => `category.${c}`),
      ...['received', 'acknowledged', 'in_progress', 'resolved'].map((s) => `status.${s}`),
      ...['likert5', 'csat5', 'ces7', 'nps11'].flatMap((s) => [`scale.${s}.low`, `scale.${s}.high`]),
      'lang.fr',
      'lang.en',
    ];
    for (const lang of ['fr', 'en'] as const) {
      expect(keys.filter((k) => !hasKey(commonMessages[lang], k))).toEqual([]);
    }
  });
});

describe('message helpers', () => {
  it('says what is wrong with a portal’s messages', () => {
    const common = { en: { app: { productName: 'P', documentTitle: 'D' } }, fr: {} };
    const portal = {
      en: { app: { productName: 'Supplier space', tilte: 'typo' } },
      fr: { app: { productName: 'Espace' } },
    };
    expect(portalMessageProblems(portal, common)).toEqual([
      'missing in French: app.tilte',
      'not a shared key: app.tilte',
      'required but not set: app.documentTitle',
      'required but not set: portal.signInIntro',
      'required but not set: feedback.reference',
    ]);
  });

  it('lists what a translation lacks', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['a.c']);
  });

  it('lets an app override one key and keep the others', () => {
    const merged = mergeMessages(
      { feedback: { reference: 'Reference', title: 'Give feedback' } },
      {
        feedback: { reference: 'Order number' },
      },
    );
    expect(merged).toEqual({ feedback: { reference: 'Order number', title: 'Give feedback' } });
  });

  it('finds literal keys in source and accepts plural forms', () => {
    expect(usedKeys("t('surveys.questions', { count }); t(key); t('auth.email')")).toEqual([
      'auth.email',
      'surveys.questions',
    ]);
    expect(hasKey(commonMessages.en, 'surveys.questions')).toBe(true);
  });
});

describe('language', () => {
  it('prefers the saved choice, then the browser, then English', () => {
    expect(detectLanguage('fr', ['en-US'])).toBe('fr');
    expect(detectLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(detectLanguage('xx', ['EN-gb'])).toBe('en');
    expect(detectLanguage(null, ['de'])).toBe('en');
  });

  it('picks localized text', () => {
    expect(pickText({ fr: 'Bonjour', en: 'Hello' }, 'fr')).toBe('Bonjour');
    expect(pickText('plain', 'en')).toBe('plain');
    expect(pickText(null, 'en')).toBe('');
    // An organisation that writes in one language: the reader gets the one the text has.
    expect(pickText({ en: 'Hello' }, 'fr')).toBe('Hello');
    expect(pickText({ fr: 'Bonjour' }, 'en')).toBe('Bonjour');
  });
});
