import { describe, expect, it } from 'vitest';
import { languagesOf, OrganizationLanguages, textIn, WrittenText, writtenText } from './languages.ts';

describe('the languages an organisation writes in', () => {
  it('requires each of its languages, naming the field, and stores only those', () => {
    expect(writtenText('title', { fr: ' Accueil ', en: '  ' }, ['fr'], 200)).toEqual({ fr: 'Accueil' });
    expect(writtenText('title', { fr: ' Accueil ' }, ['fr'], 200)).toEqual({ fr: 'Accueil' });
    expect(() => writtenText('title', { fr: 'Accueil' }, ['fr', 'en'], 200)).toThrow(
      'title.en: is required: the organisation writes in French and English',
    );
    expect(() => writtenText('label', { en: '   ' }, ['en'], 200)).toThrow('label.en: is required');
    expect(() => writtenText('label', { en: 'x'.repeat(121) }, ['en'], 120)).toThrow(
      'label.en: must be between 1 and 120 characters',
    );
  });

  it('refuses a text in a language the organisation does not write in, rather than dropping it', () => {
    const refusal = (() => {
      try {
        writtenText('title', { fr: 'Accueil', en: 'Welcome' }, ['fr'], 200);
      } catch (error) {
        return error as { field?: string; reason?: string; message: string };
      }
      return null;
    })();
    expect(refusal?.field).toBe('title.en');
    expect(refusal?.reason).toBe('language_unused');
    expect(refusal?.message).toContain('does not write in English');
  });

  it('reads a text in both, the missing language taken from the one it has', () => {
    expect(textIn({ en: 'Welcome' })).toEqual({ fr: 'Welcome', en: 'Welcome' });
    expect(textIn({ fr: 'Accueil', en: 'Welcome' })).toEqual({ fr: 'Accueil', en: 'Welcome' });
  });

  it('accepts French, English or both, each once', () => {
    expect(OrganizationLanguages.safeParse(['en']).success).toBe(true);
    expect(OrganizationLanguages.safeParse([]).success).toBe(false);
    expect(OrganizationLanguages.safeParse(['fr', 'fr']).success).toBe(false);
    expect(languagesOf(['en', 'fr'])).toEqual(['fr', 'en']);
    expect(WrittenText(10).safeParse({}).success).toBe(false);
    expect(WrittenText(10).safeParse({ en: 'Hi' }).success).toBe(true);
  });
});
