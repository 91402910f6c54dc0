import { Button, Card, Loading, ProgressBar } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { errorCode, type Me, type SurveyDetail, useTRPC } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { pickText } from '../i18n/language.ts';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { browserStore, newIdempotencyKey } from '../storage.ts';
import { QuestionView } from './QuestionView.tsx';
import { SurveyDone } from './SurveyDone.tsx';
import {
  type AnswerProblem,
  clearDraft,
  ensureIdempotencyKey,
  firstInvalidIndex,
  loadDraft,
  resumeDraft,
  type SurveyDraft,
  saveDraft,
  TEXT_MAX,
  toSubmission,
  validateAnswer,
  withAnswer,
  withIndex,
} from './state.ts';

export function SurveyRunner({ me, waveId }: { me: Me; waveId: string }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const survey = useQuery(trpc.portal.survey.get.queryOptions({ waveId }, { refetchOnWindowFocus: false }));
  if (survey.isPending) return <Loading label={t('app.loading')} />;
  if (survey.isError) {
    return (
      <div className="fx-stack">
        <BackToList />
        <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />
      </div>
    );
  }
  return <Runner survey={survey.data} me={me} />;
}

function BackToList() {
  const { t } = useLang();
  const { href } = useRouter();
  const click = useLinkClick();
  return (
    <p>
      <a href={href('')} onClick={(e) => click(href(''), e)}>
        <span aria-hidden="true">← </span>
        {t('runner.allSurveys')}
      </a>
    </p>
  );
}

/** One question per screen; the draft (answers, position, submission key) is saved on every change. */
function Runner({ survey, me }: { survey: SurveyDetail; me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = browserStore();
  const userId = me.user.id;
  const questions = useMemo(() => [...survey.questions].sort((a, b) => a.position - b.position), [survey]);
  const [draft, setDraft] = useState<SurveyDraft>(() =>
    resumeDraft(loadDraft(store, userId, survey.waveId), questions),
  );
  const [problem, setProblem] = useState<AnswerProblem | null>(null);
  const [done, setDone] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moved = useRef(false);

  const submit = useMutation(
    trpc.portal.survey.submit.mutationOptions({
      // Safe to retry: the same idempotency key makes the server record the response once.
      retry: (count, error) => count < 2 && errorCode(error) === 'NETWORK',
    }),
  );

  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [draft.index]);

  const update = (next: SurveyDraft) => {
    setDraft(next);
    saveDraft(store, userId, next);
  };

  const index = draft.index;
  const question = questions[index];
  const isLast = index === questions.length - 1;

  const goTo = (target: number) => {
    moved.current = true;
    setProblem(null);
    update(withIndex(draft, target, questions.length));
  };

  const focusControl = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus());

  const send = () => {
    if (submit.isPending) return;
    const invalid = firstInvalidIndex(questions, draft.answers);
    if (invalid !== -1) {
      const q = questions[invalid];
      goTo(invalid);
      setProblem(q ? validateAnswer(q, draft.answers[q.id]) : null);
      return;
    }
    const keyed = ensureIdempotencyKey(draft, newIdempotencyKey);
    update(keyed);
    submit.mutate(toSubmission(questions, keyed), {
      onSuccess: () => {
        clearDraft(store, userId, survey.waveId);
        void queryClient.invalidateQueries({ queryKey: trpc.portal.survey.list.queryKey() });
        setDone(true);
      },
    });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!question) return;
    const found = validateAnswer(question, draft.answers[question.id]);
    if (found) {
      setProblem(found);
      focusControl();
      return;
    }
    if (isLast) send();
    else goTo(index + 1);
  };

  if (done) {
    const closesAt = queryClient
      .getQueryData(trpc.portal.survey.list.queryKey())
      ?.find((s) => s.waveId === survey.waveId)?.closesAt;
    return <SurveyDone anonymous={survey.anonymous} k={me.organization.kThreshold} closesAt={closesAt ?? null} />;
  }

  const title = pickText(survey.title, lang);
  const intro = survey.intro ? pickText(survey.intro, lang) : '';
  const problemText =
    problem === 'required'
      ? t('runner.required')
      : problem === 'too_long'
        ? t('runner.tooLong', { max: TEXT_MAX })
        : null;

  return (
    <div className="fx-stack">
      <BackToList />
      <div>
        <h1>{title}</h1>
        <ProgressBar
          value={index + 1}
          max={questions.length}
          label={t('runner.progressLabel')}
          valueText={t('runner.progress', { current: index + 1, total: questions.length })}
        />
      </div>
      {index === 0 ? (
        <div className="fx-stack">
          {intro ? <p>{intro}</p> : null}
          <p className="fx-muted">{survey.anonymous ? t('runner.anonymousNote') : t('runner.confidentialNote')}</p>
        </div>
      ) : null}
      <Card>
        <form ref={formRef} className="fx-stack" noValidate onSubmit={onSubmit}>
          {question ? (
            <QuestionView
              key={question.id}
              question={question}
              answer={draft.answers[question.id]}
              onChange={(answer) => {
                setProblem(null);
                update(withAnswer(draft, question.id, answer));
              }}
              error={problemText}
              headingRef={headingRef}
            />
          ) : null}
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
