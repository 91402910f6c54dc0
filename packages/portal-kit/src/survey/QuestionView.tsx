import { SCALES, type Scale } from '@facets/domain';
import { ChoiceGroup, RatingScale } from '@facets/ui';
import { type Ref, useId } from 'react';
import type { SurveyQuestion } from '../api.ts';
import { type Language, pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { TextWarning } from '../rules/notices.tsx';
import { usePasteLimit } from '../text-limit.ts';
import { type AnswerDraft, TEXT_MAX } from './state.ts';

interface QuestionViewProps {
  question: SurveyQuestion;
  answer: AnswerDraft | undefined;
  onChange: (answer: AnswerDraft) => void;
  error: string | null;
  /** The prompt's heading, focused when the person moves to this question. */
  headingRef?: Ref<HTMLHeadingElement> | undefined;
  /** 2 on a screen of its own, 3 inside a pair under the dimension's heading. */
  level?: 2 | 3;
}

/** One question: the prompt is a heading and names the control (fieldset legend or label). */
export function QuestionView({ question, answer, onChange, error, headingRef, level = 2 }: QuestionViewProps) {
  const { t, lang } = useLang();
  const Heading = level === 2 ? 'h2' : 'h3';
  const paste = usePasteLimit(TEXT_MAX);
  const textId = useId();
  const prompt = pickText(question.prompt, lang);
  // Some authored prompts already say "(optional)" or "(optional, anonymous)"; the marker is then not repeated.
  const saysOptional = prompt.toLowerCase().includes(t('app.optional').replace(/[()]/g, '').toLowerCase());
  const optional = question.required || saysOptional ? null : <span className="fx-optional"> {t('app.optional')}</span>;
  const heading = (
    <Heading className="fx-question" ref={headingRef} tabIndex={-1}>
      {prompt}
      {optional}
    </Heading>
  );

  if (question.type === 'rating' && question.scale && (SCALES as readonly string[]).includes(question.scale)) {
    const scale = question.scale as Scale;
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
  const warningId = `${textId}-warning`;
  const countId = `${textId}-count`;
  const errorId = `${textId}-error`;
  const length = answer?.text?.length ?? 0;
  const shown =
    paste.refused !== null
      ? t('runnerExtra.pasteTooLong', {
          length: paste.refused.toLocaleString(lang),
          max: TEXT_MAX.toLocaleString(lang),
        })
      : error;
  return (
    <div className="fx-field">
      <Heading className="fx-question" ref={headingRef} tabIndex={-1}>
        <label htmlFor={textId}>
          {prompt}
          {optional}
        </label>
      </Heading>
      {/* Comments are shown without their author in both modes, so both warn that the text can give one away. */}
      <TextWarning id={warningId} />
      <p className="fx-hint" id={hintId}>
        {t('runner.textHint', { max: TEXT_MAX.toLocaleString(lang) })}
      </p>
      {/* No maxLength: a pasted text is kept whole and refused with a message, never cut off silently. */}
      <textarea
        id={textId}
        className="fx-textarea"
        rows={6}
        value={answer?.text ?? ''}
        onChange={(e) => {
          paste.clear();
          onChange({ text: e.currentTarget.value });
        }}
        onPaste={paste.onPaste}
        required={question.required}
        aria-invalid={shown ? true : undefined}
        aria-describedby={[warningId, hintId, countId, shown ? errorId : ''].filter(Boolean).join(' ')}
      />
      <p className={length > TEXT_MAX ? 'fx-count fx-count--over' : 'fx-count'} id={countId}>
        {t('runnerExtra.count', { count: length.toLocaleString(lang), max: TEXT_MAX.toLocaleString(lang) })}
      </p>
      {shown ? (
        <p className="fx-error" id={errorId} role="alert">
          {shown}
        </p>
      ) : null}
    </div>
  );
}

function optionsOf(question: SurveyQuestion, lang: Language) {
  return (question.options ?? []).map((o) => ({ value: o.value, label: pickText(o.label, lang) }));
}
