import { Button, Card, ProgressBar } from '@facets/ui';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { errorCode, type PortalSurvey } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { SurveyModeNotice } from '../rules/notices.tsx';
import { browserStore, newIdempotencyKey } from '../storage.ts';
import { QuestionView } from './QuestionView.tsx';
import {
  type AnswerProblem,
  clearDraft,
  ensureIdempotencyKey,
  loadDraft,
  resumeDraft,
  type Submission,
  type SurveyDraft,
  saveDraft,
  TEXT_MAX,
  toSubmission,
  validateAnswer,
  withAnswer,
  withIndex,
} from './state.ts';
import { firstInvalidStep, stepsOf } from './steps.ts';

export interface RunnerProps {
  survey: PortalSurvey;
  /** Whose draft this is on the device: the signed-in user, or the invitation. */
  owner: string;
  /** Sends the answers; resolves once the server has recorded them (or recognised a retry). */
  send: (submission: Submission) => Promise<unknown>;
  /** Shown after the server accepted the answers. */
  done: ReactNode;
  /** Above the title: a way back, or who invited the person. */
  header?: ReactNode;
  /** The organisation's threshold, stated on the first screen of a confidential survey. */
  k: number;
  /** The route of the reporting rules page the first screen links to. */
  rulesTo: string;
}

/**
 * One screen at a time (an expected/lived pair shares one), progress bar, back and next. The draft — answers,
 * position and the submission's idempotency key — is saved on every change, so closing the tab loses nothing and a
 * retried submission (double click, lost reply, reload) is recorded once.
 */
export function Runner({ survey, owner, send, done, header, k, rulesTo }: RunnerProps) {
  const { t, lang } = useLang();
  const store = browserStore();
  const questions = useMemo(() => [...survey.questions].sort((a, b) => a.position - b.position), [survey]);
  const steps = useMemo(() => stepsOf(questions), [questions]);
  const [draft, setDraft] = useState<SurveyDraft>(() => {
    const resumed = resumeDraft(loadDraft(store, owner, survey.waveId), questions);
    return withIndex(resumed, resumed.index, steps.length);
  });
  const [problems, setProblems] = useState<Record<string, AnswerProblem>>({});
  const [finished, setFinished] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moved = useRef(false);

  const submit = useMutation({
    mutationFn: send,
    // Safe to retry: the same idempotency key makes the server record the response once.
    retry: (count, error) => count < 2 && errorCode(error) === 'NETWORK',
  });

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [draft.index]);

  const update = (next: SurveyDraft) => {
    setDraft(next);
    saveDraft(store, owner, next);
  };

  const index = draft.index;
  const step = steps[index] ?? [];
  const isLast = index === steps.length - 1;

  const problemsOf = (indexOfStep: number) => {
    const found: Record<string, AnswerProblem> = {};
    for (const q of steps[indexOfStep] ?? []) {
      const problem = validateAnswer(q, draft.answers[q.id]);
      if (problem) found[q.id] = problem;
    }
    return found;
  };

  const goTo = (target: number, found: Record<string, AnswerProblem> = {}) => {
    moved.current = true;
    setProblems(found);
    update(withIndex(draft, target, steps.length));
  };

  const focusFirstProblem = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], input, textarea, select')?.focus(),
    );

  const sendAll = () => {
    if (submit.isPending) return;
    const invalid = firstInvalidStep(steps, draft.answers);
    if (invalid !== -1) return goTo(invalid, problemsOf(invalid));
    const keyed = ensureIdempotencyKey(draft, newIdempotencyKey);
    update(keyed);
    submit.mutate(toSubmission(questions, keyed), {
      onSuccess: () => {
        clearDraft(store, owner, survey.waveId);
        setFinished(true);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = problemsOf(index);
    if (Object.keys(found).length > 0) {
      setProblems(found);
      focusFirstProblem();
      return;
    }
    if (isLast) sendAll();
    else goTo(index + 1);
  };

  if (finished) return <>{done}</>;

  const textOf = (problem: AnswerProblem | undefined, length: number) =>
    problem === 'required'
      ? t('runner.required')
      : problem === 'too_long'
        ? t('runnerExtra.tooLong', { length: length.toLocaleString(lang), max: TEXT_MAX.toLocaleString(lang) })
        : null;
  const intro = survey.intro ? pickText(survey.intro, lang) : '';
  const pair = step.length === 2 ? step : null;

  return (
    <div className="fx-stack">
      {header}
      <div>
        <h1>{pickText(survey.title, lang)}</h1>
        <ProgressBar
          value={index + 1}
          max={steps.length}
          label={t('runner.progressLabel')}
          valueText={t('runner.progress', { current: index + 1, total: steps.length })}
        />
      </div>
      {index === 0 ? (
        <div className="fx-stack">
          {intro ? <p>{intro}</p> : null}
          <SurveyModeNotice anonymous={survey.anonymous} k={k} rulesTo={rulesTo} />
        </div>
      ) : null}
      <Card>
        <form ref={formRef} className="fx-stack" noValidate onSubmit={onSubmit}>
          {pair ? (
            <div className="fx-pair">
              <h2 className="fx-pair__title" ref={headingRef} tabIndex={-1}>
                {pickText(pair[0]?.dimension?.label, lang)}
              </h2>
              <p className="fx-hint">{t('pair.intro')}</p>
            </div>
          ) : null}
          {step.map((question, i) => (
            <QuestionView
              key={question.id}
              question={question}
              answer={draft.answers[question.id]}
              onChange={(answer) => {
                setProblems((p) => ({ ...p, [question.id]: undefined }) as Record<string, AnswerProblem>);
                update(withAnswer(draft, question.id, answer));
              }}
              error={textOf(problems[question.id], draft.answers[question.id]?.text?.trim().length ?? 0)}
              headingRef={!pair && i === 0 ? headingRef : undefined}
              level={pair ? 3 : 2}
            />
          ))}
          {submit.isError ? <ErrorAlert title={t('runner.submitError')} error={submit.error} /> : null}
          <div className="fx-row fx-row--between">
            <Button variant="secondary" onClick={() => goTo(index - 1)} disabled={index === 0 || submit.isPending}>
              {t('runner.back')}
            </Button>
            <Button type="submit" busy={submit.isPending}>
              {isLast ? t('runner.submit') : t('runner.next')}
            </Button>
          </div>
        </form>
      </Card>
      <p className="fx-hint">{t('runner.savedLocally')}</p>
    </div>
  );
}
