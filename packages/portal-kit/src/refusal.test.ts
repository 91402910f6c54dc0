import { ErrorReason } from '@facets/domain';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { commonMessages } from './i18n/messages.ts';
import { fieldName, type Refusal, refusalSentence, type Translate } from './refusal.ts';

function translator(lng: 'fr' | 'en'): Translate {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { [lng]: { translation: commonMessages[lng] } },
    lng,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, options) => instance.t(key, options ?? {});
}

const fr = translator('fr');
const en = translator('en');

/** Words of the server's English messages and of the English copy that a French sentence must not contain. */
const ENGLISH =
  /\b(must|is|are|the|this|field|invalid|too|characters?|items?|required|already|expected|at most|at least)\b/i;

const refusal = (reason: ErrorReason, more: Partial<Refusal> = {}): Refusal => ({
  code: 'BAD_REQUEST',
  field: null,
  reason,
  ...more,
});

describe('refusalSentence', () => {
  const variants: [string, Partial<Refusal>][] = [
    ['no field', {}],
    ['a known field', { field: 'answers.0.text' }],
    ['an unknown field', { field: 'somethingElse' }],
    ['limits', { field: 'body', minimum: 2, maximum: 2000 }],
  ];

  it.each(ErrorReason.map((r) => [r]))('words %s in French and English, with no English in French', (reason) => {
    for (const [, more] of variants) {
      const french = refusalSentence(fr, refusal(reason, more));
      const english = refusalSentence(en, refusal(reason, more));
      for (const sentence of [french, english]) {
        expect(sentence).not.toMatch(/errorReason|fields\.|errors\.|\{\{|undefined/);
        expect(sentence.length).toBeGreaterThan(10);
      }
      expect(french).not.toBe(english);
      expect(french).not.toMatch(ENGLISH);
    }
  });

  it('names the field through its label and says the limit, formatted for the language', () => {
    const long = refusal('too_long', { field: 'body', maximum: 2000 });
    expect(refusalSentence(fr, long)).toBe('Le champ « Votre avis » doit compter au plus 2\u202f000 caractères.');
    expect(refusalSentence(en, long)).toBe('“Your feedback” must have at most 2,000 characters.');
    const range = refusal('out_of_range', { field: 'answers.3.value', minimum: 1, maximum: 5 });
    expect(refusalSentence(fr, range)).toBe('Le champ « Votre réponse » doit être un nombre entier de 1 à 5.');
    expect(refusalSentence(en, refusal('required', { field: 'email' }))).toBe('“Email” is required.');
    expect(refusalSentence(fr, refusal('required', { field: 'kThreshold' }))).toBe('Ce champ est obligatoire.');
    expect(refusalSentence(fr, refusal('too_few', { field: 'answers', minimum: 1 }))).toBe(
      'Le champ « Réponses » doit contenir au moins 1 élément.',
    );
  });

  it('falls back on the tRPC code when the server sends no reason, and never shows its message', () => {
    expect(refusalSentence(fr, { code: 'NOT_FOUND', field: null, reason: null })).toBe(
      'Nous n’avons pas trouvé ce que vous cherchiez.',
    );
    expect(refusalSentence(fr, { code: 'BAD_REQUEST', field: 'body', reason: null })).toBe(
      'Le champ « Votre avis » contient une valeur qui n’est pas acceptée.',
    );
    expect(refusalSentence(en, { code: 'NETWORK', field: null, reason: null })).toBe(
      'We could not reach Facets. Check your connection and try again.',
    );
    expect(refusalSentence(en, { code: 'SOMETHING_NEW', field: null, reason: null })).toBe(
      'Something went wrong. Please try again.',
    );
  });
});

describe('fieldName', () => {
  it('keeps the last part of a path that is neither an index nor a language', () => {
    expect(fieldName('questions.2.prompt.fr')).toBe('prompt');
    expect(fieldName('answers.0.text')).toBe('text');
    expect(fieldName('email')).toBe('email');
    expect(fieldName('0')).toBeNull();
  });
});
