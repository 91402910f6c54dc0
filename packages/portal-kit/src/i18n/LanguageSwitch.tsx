import { SegmentedControl } from '@facets/ui';
import { browserStore } from '../storage.ts';
import { setLanguage } from './i18n.ts';
import { LANGUAGES } from './language.ts';
import { useLang } from './useLang.ts';

/** "English | Français" toggle buttons; each name is in its own language, so it reads right on either page. */
export function LanguageSwitch() {
  const { t, lang, i18n } = useLang();
  return (
    <SegmentedControl
      label={t('lang.label')}
      value={lang}
      onChange={(value) => setLanguage(i18n, browserStore(), value === 'fr' ? 'fr' : 'en')}
      segments={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`), lang: l }))}
    />
  );
}
