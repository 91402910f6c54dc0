import { useTranslation } from 'react-i18next';
import type { Language } from './language.ts';

/** The translation function and the current language, narrowed to the two we ship. */
export function useLang() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'fr' ? 'fr' : 'en';
  return { t, lang, i18n };
}
