import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commonMessages, flattenKeys, mergeMessages, missingKeys, translatedIn, usedKeys } from '@facets/portal-kit';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('console messages', () => {
  it('exist in both French and English', () => {
    expect(missingKeys(messages.en, messages.fr)).toEqual([]);
    expect(missingKeys(messages.fr, messages.en)).toEqual([]);
  });

  it('cover every key the console uses', () => {
    for (const lang of ['en', 'fr'] as const) {
      const translated = translatedIn(mergeMessages(commonMessages[lang], messages[lang]));
      const missing = sources(import.meta.dirname).flatMap((file) =>
        usedKeys(readFileSync(file, 'utf8'))
          .filter((key) => !translated(key))
          .map((key) => `${lang} ${file}: ${key}`),
      );
      expect(missing).toEqual([]);
    }
    // Reads every source file of the console: slow when the whole suite shares two cores.
  }, 120_000);

  it('word every gap, in both languages', () => {
    for (const lang of ['en', 'fr'] as const) {
      const keys = flattenKeys(messages[lang]);
      for (const kind of ['expectation', 'target']) {
        for (const wording of ['above', 'on_par', 'below']) expect(keys).toContain(`overview.gap.${kind}.${wording}`);
      }
    }
  });
});
