import { LOCALES, type Locale } from '@facets/domain';
import { useLang } from '@facets/portal-kit';
import { TextArea, TextInput } from '@facets/ui';
import { useOrgLanguages } from './languages.ts';
import type { Bilingual, Translate } from './types.ts';

export type BilingualErrors = Partial<Record<'fr' | 'en', string>>;

/** The French and English versions of one text, side by side on wide screens; only those the organisation writes in. */
export function BilingualFields(props: {
  label: string;
  value: Bilingual;
  onChange: (value: Bilingual) => void;
  errors?: BilingualErrors;
  max: number;
  multiline?: boolean;
  hint?: string;
}) {
  const { t } = useLang();
  const languages = useOrgLanguages();
  const field = (lang: 'fr' | 'en') => {
    const common = {
      label: t(lang === 'fr' ? 'form.inFrench' : 'form.inEnglish', { label: props.label }),
      lang,
      value: props.value[lang],
      maxLength: props.max,
      error: props.errors?.[lang],
      required: true,
    };
    return props.multiline ? (
      <TextArea
        key={lang}
        {...common}
        rows={3}
        onChange={(e) => props.onChange({ ...props.value, [lang]: e.currentTarget.value })}
      />
    ) : (
      <TextInput
        key={lang}
        {...common}
        onChange={(e) => props.onChange({ ...props.value, [lang]: e.currentTarget.value })}
      />
    );
  };
  return (
    <fieldset className="fx-fieldset">
      <legend className="fx-legend">{props.label}</legend>
      {props.hint ? <p className="fx-hint">{props.hint}</p> : null}
      <div className={languages.length > 1 ? 'fx-form-grid' : 'fx-stack'}>{languages.map((l) => field(l))}</div>
    </fieldset>
  );
}

/** Required in each of the organisation's languages and at most `max` characters, as the API checks. */
export function bilingualErrors(
  value: Bilingual,
  max: number,
  t: Translate,
  languages: readonly Locale[] = LOCALES,
): BilingualErrors | undefined {
  const errors: BilingualErrors = {};
  for (const lang of languages) {
    const text = value[lang].trim();
    if (!text) errors[lang] = t('form.required');
    else if (text.length > max) errors[lang] = t('form.tooLong', { max });
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** The text to send: the organisation's languages only, trimmed (the others are not asked, so not sent). */
export const trimmed = (
  value: { fr?: string | undefined; en?: string | undefined },
  languages: readonly Locale[] = LOCALES,
): { fr?: string; en?: string } => Object.fromEntries(languages.map((l) => [l, (value[l] ?? '').trim()]));
