import { describe, expect, it } from 'vitest';
import { analyseComment, CommentAnalysis } from './analyse.ts';
import { detectLanguage } from './language.ts';
import { scoreSentiment } from './sentiment.ts';
import { THEME_CODES, THEMES, themesOf } from './themes.ts';
import { tokenize } from './tokens.ts';

describe('detectLanguage', () => {
  it('tells French from English by their function words', () => {
    expect(detectLanguage('Je ne suis pas du tout content de la charge de travail', 'en')).toBe('fr');
    expect(detectLanguage('The workload is far too heavy and nobody listens to us', 'fr')).toBe('en');
  });
  it('gives the fallback when the words do not tell', () => {
    expect(detectLanguage('Top !', 'en')).toBe('en');
    expect(detectLanguage('Top !', 'fr')).toBe('fr');
    expect(detectLanguage('', 'fr')).toBe('fr');
  });
});

describe('tokenize', () => {
  it('folds accents, splits elisions and turns English contractions into "not"', () => {
    expect(tokenize("L'équipe n'est pas là", 'fr').map((t) => t.word)).toEqual([
      'l',
      'equipe',
      'n',
      'est',
      'pas',
      'la',
    ]);
    expect(tokenize("I don't feel valued", 'en').map((t) => t.word)).toEqual(['i', 'do', 'not', 'feel', 'valued']);
  });
  it('marks where a clause ends', () => {
    const tokens = tokenize('pas de souci, content', 'fr');
    expect(tokens.map((t) => t.clauseEnd)).toEqual([false, false, true, false]);
  });
});

describe('scoreSentiment', () => {
  it('reads plain praise and plain complaint', () => {
    expect(scoreSentiment('Très bonne ambiance, une équipe bienveillante', 'fr').polarity).toBe('positive');
    expect(scoreSentiment('Great support, very responsive and friendly', 'en').polarity).toBe('positive');
    expect(scoreSentiment('Livraison en retard et produit abîmé', 'fr').polarity).toBe('negative');
    expect(scoreSentiment('The laptops are outdated and the VPN crashes', 'en').polarity).toBe('negative');
  });
  it('turns a sentiment word that a negation precedes in its clause', () => {
    expect(scoreSentiment('Je suis content', 'fr').polarity).toBe('positive');
    expect(scoreSentiment('Je ne suis pas content', 'fr').polarity).toBe('negative');
    expect(scoreSentiment('Jamais reconnu pour mon travail', 'fr').polarity).toBe('negative');
    expect(scoreSentiment('I am happy here', 'en').polarity).toBe('positive');
    expect(scoreSentiment('I am not happy here', 'en').polarity).toBe('negative');
    expect(scoreSentiment("I don't feel valued", 'en').polarity).toBe('negative');
  });
  it('does not carry a negation across a clause', () => {
    const across = scoreSentiment('Pas de souci, très content', 'fr');
    expect(across.polarity).toBe('positive');
  });
  it('strengthens a word after an intensifier and softens it after a diminisher', () => {
    const plain = scoreSentiment('content', 'fr').score;
    expect(scoreSentiment('très content', 'fr').score).toBeGreaterThan(plain);
    expect(scoreSentiment('plutôt content', 'fr').score).toBeLessThan(plain);
    expect(scoreSentiment('extremely slow', 'en').score).toBeLessThan(scoreSentiment('slow', 'en').score);
  });
  it('lets what follows "but" / "mais" weigh more', () => {
    expect(scoreSentiment('The product is good but the delivery was late and the box damaged', 'en').polarity).toBe(
      'negative',
    );
    expect(scoreSentiment('Quelques retards mais une équipe excellente et très réactive', 'fr').polarity).toBe(
      'positive',
    );
  });
  it('is neutral on a text without sentiment, unless the rating says otherwise', () => {
    const plain = scoreSentiment('Rien à signaler', 'fr');
    expect(plain).toEqual({ polarity: 'neutral', score: 0, fromText: false });
    expect(scoreSentiment('Rien à signaler', 'fr', 0).polarity).toBe('negative');
    expect(scoreSentiment('Rien à signaler', 'fr', 100).polarity).toBe('positive');
    expect(scoreSentiment('Rien à signaler', 'fr', 50).polarity).toBe('neutral');
  });
  it('weighs the rating as a strong prior on a text of mild sentiment', () => {
    const text = 'Un peu lent parfois';
    expect(scoreSentiment(text, 'fr').polarity).toBe('negative');
    expect(scoreSentiment(text, 'fr', 100).score).toBeGreaterThan(scoreSentiment(text, 'fr').score);
  });
  it('keeps the score within -1 and 1 however long the text', () => {
    const long = 'excellent '.repeat(500);
    expect(scoreSentiment(long, 'en').score).toBeLessThanOrEqual(1);
    expect(scoreSentiment('terrible '.repeat(500), 'en').score).toBeGreaterThanOrEqual(-1);
  });
});

describe('themesOf', () => {
  it('finds themes by stem, in both languages', () => {
    expect(themesOf('Les salaires ne suivent pas l’inflation', 'fr')).toEqual(['pay']);
    expect(themesOf('My manager never gives any recognition', 'en')).toEqual(['recognition', 'management']);
    expect(themesOf('Livraison en retard, colis abîmé', 'fr')).toEqual(['delivery', 'quality']);
  });
  it('matches keyword phrases', () => {
    expect(themesOf('Le service client est injoignable', 'fr')).toContain('support');
    expect(themesOf('Poor value for money', 'en')).toContain('price');
  });
  it('finds nothing in a text about nothing it knows', () => {
    expect(themesOf('Rien à signaler', 'fr')).toEqual([]);
  });
  it('names every theme in both languages', () => {
    for (const code of THEME_CODES) {
      expect(THEMES[code].label.fr.length).toBeGreaterThan(0);
      expect(THEMES[code].label.en.length).toBeGreaterThan(0);
    }
  });
});

describe('analyseComment', () => {
  it('detects the language when it is not given and reads the comment in it', () => {
    const a = analyseComment({ text: 'Mon manager ne me reconnaît jamais', fallback: 'en' });
    expect(a).toEqual(CommentAnalysis.parse(a));
    expect(a.language).toBe('fr');
    expect(a.polarity).toBe('negative');
    expect(a.themes).toContain('management');
  });
  it('takes the language it is given', () => {
    expect(analyseComment({ text: 'Top', language: 'en', fallback: 'fr' }).language).toBe('en');
  });
});
