import { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { Locale } from '../model.ts';
import { THEME_CODES, THEMES, type ThemeCode } from './themes.ts';

/**
 * An organisation's themes: the built-in taxonomy as its analysts named, merged and mapped it (db `comment_theme`),
 * applied when comments are read, never to the stored analyses: undoing a merge gives the figures back as they were.
 */

export const ThemeCodeInput = z.enum(THEME_CODES as [ThemeCode, ...ThemeCode[]]);

/** A theme's own name, in one language or both; a language left out keeps the built-in name. */
export const ThemeLabel = z.object({
  fr: z.string().trim().min(1).max(80).optional(),
  en: z.string().trim().min(1).max(80).optional(),
});
export type ThemeLabel = z.infer<typeof ThemeLabel>;

/** What an organisation changed of one theme. */
export interface ThemeSetting {
  code: ThemeCode;
  label: ThemeLabel | null;
  mergedInto: ThemeCode | null;
  dimensionId: string | null;
}

export interface CatalogueTheme {
  code: ThemeCode;
  /** The name shown, in both languages (the organisation's where it gave one). */
  label: Record<Locale, string>;
  builtInLabel: Record<Locale, string>;
  /** The theme this one is counted in; null when it is counted on its own. */
  mergedInto: ThemeCode | null;
  /** The dimension the organisation mapped it to; null: the group's dimension of `dimensionCode`, if any. */
  dimensionId: string | null;
  /** The code of the dimension the taxonomy gives it. */
  dimensionCode: string | null;
}

export interface ThemeCatalogue {
  themes: CatalogueTheme[];
  /** The theme a stored theme code is counted in. */
  resolve(code: string): ThemeCode | null;
  get(code: ThemeCode): CatalogueTheme;
}

export function themeCatalogue(settings: readonly ThemeSetting[]): ThemeCatalogue {
  const byCode = new Map(settings.map((s) => [s.code, s]));
  const themes: CatalogueTheme[] = THEME_CODES.map((code) => {
    const own = byCode.get(code);
    const builtIn = THEMES[code].label;
    return {
      code,
      label: { fr: own?.label?.fr ?? builtIn.fr, en: own?.label?.en ?? builtIn.en },
      builtInLabel: { fr: builtIn.fr, en: builtIn.en },
      mergedInto: own?.mergedInto ?? null,
      dimensionId: own?.dimensionId ?? null,
      dimensionCode: THEMES[code].dimension,
    };
  });
  const index = new Map(themes.map((t) => [t.code, t]));
  return {
    themes,
    resolve: (code) => {
      const theme = index.get(code as ThemeCode);
      return theme ? (theme.mergedInto ?? theme.code) : null;
    },
    get: (code) => index.get(code)!,
  };
}

/**
 * Checks a merge of `code` into `into`: merges are one level deep, so that undoing one never moves another theme's
 * count. Throws a DomainError naming the field.
 */
export function checkThemeMerge(catalogue: ThemeCatalogue, code: ThemeCode, into: ThemeCode): void {
  if (code === into) throw new DomainError('invalid', 'into: a theme cannot be merged into itself', 'into');
  if (catalogue.get(into).mergedInto !== null) {
    throw new DomainError('conflict', 'into: this theme is itself merged into another', 'into', 'conflict');
  }
  if (catalogue.themes.some((t) => t.mergedInto === code)) {
    throw new DomainError('conflict', 'code: other themes are merged into this one; unmerge them first', 'code');
  }
}
