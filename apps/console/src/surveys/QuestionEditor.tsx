import { QUESTION_FACETS, QUESTION_TYPES, SCALES } from '@facets/domain';
import { pickText, useLang } from '@facets/portal-kit';
import { Button, Select, TextArea, TextInput } from '@facets/ui';
import { useOrgLanguages } from '../forms/languages.ts';
import type { QuestionDraft, SurveyDetail } from './api.ts';

const emptyText = { fr: '', en: '' };

/** Keeps a question coherent when its type changes: ratings have a scale and a facet, choices have options. */
export function withType(q: QuestionDraft, type: QuestionDraft['type']): QuestionDraft {
  const rating = type === 'rating';
  const choice = type === 'single_choice' || type === 'multi_choice';
  return {
    ...q,
    type,
    scale: rating ? (q.scale ?? 'likert5') : null,
    facet: rating ? (q.facet ?? 'lived') : null,
    dimensionId: choice ? null : q.dimensionId,
    options: choice
      ? (q.options ?? [
          { value: 'option_1', label: emptyText },
          { value: 'option_2', label: emptyText },
        ])
      : null,
  };
}

export interface QuestionEditorProps {
  index: number;
  count: number;
  question: QuestionDraft;
  dimensions: SurveyDetail['dimensions'];
  disabled: boolean;
  error: string | null;
  onChange: (question: QuestionDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

export function QuestionEditor(props: QuestionEditorProps) {
  const { t, lang } = useLang();
  const languages = useOrgLanguages();
  const { question: q, index, disabled } = props;
  const n = index + 1;
  const set = (patch: Partial<QuestionDraft>) => props.onChange({ ...q, ...patch });
  const titleId = `question-${index}-title`;
  const choice = q.type === 'single_choice' || q.type === 'multi_choice';
  const options = q.options ?? [];
  const setOption = (j: number, lang: 'fr' | 'en', text: string) =>
    set({ options: options.map((o, k) => (k === j ? { ...o, label: { ...o.label, [lang]: text } } : o)) });
  const nextValue = () => {
    const used = new Set(options.map((o) => o.value));
    let k = options.length + 1;
    while (used.has(`option_${k}`)) k++;
    return `option_${k}`;
  };

  return (
    <section
      className="fx-survey-question fx-stack"
      aria-labelledby={titleId}
      data-error={props.error ? 'true' : undefined}
    >
      <div className="fx-row fx-row--between">
        <h3 id={titleId}>{t('surveyConsole.editor.question', { n })}</h3>
        {!disabled ? (
          <div className="fx-survey-actions">
            <Button
              variant="ghost"
              size="sm"
              disabled={index === 0}
              aria-label={t('surveyConsole.editor.moveUp', { n })}
              onClick={() => props.onMove(-1)}
            >
              {t('surveyConsole.editor.up')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={index === props.count - 1}
              aria-label={t('surveyConsole.editor.moveDown', { n })}
              onClick={() => props.onMove(1)}
            >
              {t('surveyConsole.editor.down')}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              aria-label={t('surveyConsole.editor.remove', { n })}
              onClick={props.onRemove}
            >
              {t('surveyConsole.editor.delete')}
            </Button>
          </div>
        ) : null}
      </div>
      {props.error ? (
        <p className="fx-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <div className="fx-survey-grid">
        <Select
          label={t('surveyConsole.editor.type')}
          value={q.type}
          disabled={disabled}
          onChange={(e) => props.onChange(withType(q, e.currentTarget.value as QuestionDraft['type']))}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: t(`surveyConsole.questionType.${type}`) }))}
        />
        {q.type === 'rating' ? (
          <>
            <Select
              label={t('surveyConsole.editor.scale')}
              value={q.scale ?? 'likert5'}
              disabled={disabled}
              onChange={(e) => set({ scale: e.currentTarget.value as QuestionDraft['scale'] })}
              options={SCALES.map((s) => ({ value: s, label: t(`surveyConsole.scale.${s}`) }))}
            />
            <Select
              label={t('surveyConsole.editor.facet')}
              value={q.facet ?? 'lived'}
              disabled={disabled}
              onChange={(e) => set({ facet: e.currentTarget.value as QuestionDraft['facet'] })}
              options={QUESTION_FACETS.map((f) => ({ value: f, label: t(`surveyConsole.facet.${f}`) }))}
            />
          </>
        ) : null}
        {!choice ? (
          <Select
            label={t('surveyConsole.editor.dimension')}
            value={q.dimensionId ?? ''}
            disabled={disabled}
            onChange={(e) => set({ dimensionId: e.currentTarget.value || null })}
            options={[
              { value: '', label: t('surveyConsole.editor.noDimension') },
              ...props.dimensions.map((d) => ({ value: d.id, label: pickText(d.label, lang) })),
            ]}
          />
        ) : null}
      </div>
      <div className="fx-survey-grid fx-survey-grid--two">
        {languages.includes('fr') ? (
          <TextArea
            rows={2}
            label={t('surveyConsole.editor.promptFr')}
            lang="fr"
            value={q.prompt.fr}
            maxLength={500}
            disabled={disabled}
            onChange={(e) => set({ prompt: { ...q.prompt, fr: e.currentTarget.value } })}
          />
        ) : null}
        {languages.includes('en') ? (
          <TextArea
            rows={2}
            label={t('surveyConsole.editor.promptEn')}
            lang="en"
            value={q.prompt.en}
            maxLength={500}
            disabled={disabled}
            onChange={(e) => set({ prompt: { ...q.prompt, en: e.currentTarget.value } })}
          />
        ) : null}
      </div>
      {choice ? (
        <fieldset className="fx-survey-options">
          <legend className="fx-label">{t('surveyConsole.editor.options')}</legend>
          {options.map((o, j) => (
            <div className="fx-survey-option" key={o.value}>
              {languages.includes('fr') ? (
                <TextInput
                  label={t('surveyConsole.editor.optionFr', { n: j + 1 })}
                  lang="fr"
                  value={o.label.fr}
                  maxLength={200}
                  disabled={disabled}
                  onChange={(e) => setOption(j, 'fr', e.currentTarget.value)}
                />
              ) : null}
              {languages.includes('en') ? (
                <TextInput
                  label={t('surveyConsole.editor.optionEn', { n: j + 1 })}
                  lang="en"
                  value={o.label.en}
                  maxLength={200}
                  disabled={disabled}
                  onChange={(e) => setOption(j, 'en', e.currentTarget.value)}
                />
              ) : null}
              {!disabled ? (
                <Button variant="ghost" size="sm" onClick={() => set({ options: options.filter((_, k) => k !== j) })}>
                  {t('surveyConsole.editor.removeOption', { n: j + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          {!disabled && options.length < 20 ? (
            <div>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => set({ options: [...options, { value: nextValue(), label: emptyText }] })}
              >
                {t('surveyConsole.editor.addOption')}
              </Button>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <label className="fx-survey-check">
        <input
          type="checkbox"
          checked={q.required}
          disabled={disabled}
          onChange={(e) => set({ required: e.currentTarget.checked })}
        />
        <span>{t('surveyConsole.editor.required')}</span>
      </label>
    </section>
  );
}
