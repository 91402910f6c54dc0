import { ChoiceGroup, RatingScale, type RatingScaleKind } from '@facets/ui';
import { type Ref, useId } from 'react';
import type { SurveyQuestion } from '../api.ts';
import { type Language, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { type AnswerDraft, TEXT_MAX } from './state.ts';

const SCALES: readonly string[] = ['likert5', 'csat5', 'ces7', 'nps11'];

interface QuestionViewProps {
  question: SurveyQuestion;
  answer: AnswerDraft | undefined;
  onChange: (answer: AnswerDraft) => void;
  error: string | null;
  /** The prompt's heading, focused when the person moves to this question. */
  headingRef: Ref<HTMLHeadingElement>;
}

/** One question on its own screen: the prompt is a heading and names the control (fieldset legend or label). */
export function QuestionView({ question, answer, onChange, error, headingRef }: QuestionViewProps) {
  const { t, lang } = useLang();
  const textId = useId();
  const prompt = pickText(question.prompt, lang);
  // Some authored prompts already say "(optional)"; the marker is then not repeated.
  const optional =
    question.required || prompt.includes(t('app.optional')) ? null : (
      <span className="fx-optional"> {t('app.optional')}</span>
    );
  const heading = (
    <h2 className="fx-question" ref={headingRef} tabIndex={-1}>
      {prompt}
      {optional}
    </h2>
  );

  if (question.type === 'rating' && question.scale && SCALES.includes(question.scale)) {
    const scale = question.scale as RatingScaleKind;
    return (
      <RatingScale
        name={`q-${question.id}`}
        scale={scale}
        value={answer?.value ?? null}
        onChange={(value) => onChange({ value })}
        legend={heading}
        lowLabel={t(`scale.${scale}.low`)}
        highLabel={t(`scale.${scale}.high`)}
        error={error}
        required={question.required}
      />
    );
  }

  if (question.type === 'single_choice' || question.type === 'multi_choice') {
    const multi = question.type === 'multi_choice';
    return (
      <ChoiceGroup
        name={`q-${question.id}`}
        type={multi ? 'checkbox' : 'radio'}
        legend={heading}
        hint={multi ? t('runner.choiceHintMulti') : undefined}
        options={optionsOf(question, lang)}
        value={answer?.choices ?? []}
        onChange={(choices) => onChange({ choices })}
        error={error}
        required={question.required}
      />
    );
  }

  const hintId = `${textId}-hint`;
  const errorId = `${textId}-error`;
  return (
    <div className="fx-field">
      <h2 className="fx-question" ref={headingRef} tabIndex={-1}>
        <label htmlFor={textId}>
          {prompt}
          {optional}
        </label>
      </h2>
      <p className="fx-hint" id={hintId}>
        {t('runner.textHint', { max: TEXT_MAX.toLocaleString(lang) })}
      </p>
      <textarea
        id={textId}
        className="fx-textarea"
        rows={6}
        maxLength={TEXT_MAX}
        value={answer?.text ?? ''}
        onChange={(e) => onChange({ text: e.currentTarget.value })}
        required={question.required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      />
      {error ? (
        <p className="fx-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function optionsOf(question: SurveyQuestion, lang: Language) {
  return (question.options ?? []).map((o) => ({ value: o.value, label: pickText(o.label, lang) }));
}
