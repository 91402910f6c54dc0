import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KeyValueStore } from '../storage.ts';
import { type AppMessages, mergeMessages } from './keys.ts';
import { detectLanguage, LANGUAGE_STORAGE_KEY, type Language } from './language.ts';
import { commonMessages } from './messages.ts';

/**
 * One i18next instance per app: the shared messages with the app's laid over them. The language comes from the saved
 * choice or the browser; <html lang> and the document title follow every change.
 */
export function createI18n(app: AppMessages, store: KeyValueStore): I18n {
  const lng = detectLanguage(store.getItem(LANGUAGE_STORAGE_KEY), navigator.languages ?? [navigator.language]);
  const instance = i18next.createInstance();
  const reflect = (language: string) => {
    document.documentElement.lang = language;
    document.title = instance.t('app.documentTitle');
  };
  instance.on('initialized', () => reflect(instance.language));
  instance.on('languageChanged', reflect);
  void instance.use(initReactI18next).init({
    resources: {
      fr: { translation: mergeMessages(commonMessages.fr, app.fr) },
      en: { translation: mergeMessages(commonMessages.en, app.en) },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['fr', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  return instance;
}

export function setLanguage(instance: I18n, store: KeyValueStore, lang: Language): void {
  try {
    store.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this visit.
  }
  void instance.changeLanguage(lang);
}
