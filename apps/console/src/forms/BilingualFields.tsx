import { useLang } from '@facets/portal-kit';
import { TextArea, TextInput } from '@facets/ui';
import type { Bilingual, Translate } from './types.ts';

export type BilingualErrors = Partial<Record<'fr' | 'en', string>>;

/** The French and English versions of one text, side by side on wide screens. */
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
        {...common}
        rows={3}
        onChange={(e) => props.onChange({ ...props.value, [lang]: e.currentTarget.value })}
      />
    ) : (
      <TextInput {...common} onChange={(e) => props.onChange({ ...props.value, [lang]: e.currentTarget.value })} />
    );
  };
  return (
    <fieldset className="fx-fieldset">
      <legend className="fx-legend">{props.label}</legend>
      {props.hint ? <p className="fx-hint">{props.hint}</p> : null}
      <div className="fx-form-grid">
        {field('fr')}
        {field('en')}
      </div>
    </fieldset>
  );
}

/** Required in both languages and at most `max` characters, as the API checks. */
export function bilingualErrors(value: Bilingual, max: number, t: Translate): BilingualErrors | undefined {
  const errors: BilingualErrors = {};
  for (const lang of ['fr', 'en'] as const) {
    const text = value[lang].trim();
    if (!text) errors[lang] = t('form.required');
    else if (text.length > max) errors[lang] = t('form.tooLong', { max });
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

export const trimmed = (value: Bilingual): Bilingual => ({ fr: value.fr.trim(), en: value.en.trim() });
