import type { Locale } from '@facets/domain';
import { useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { trimmed } from '../forms/BilingualFields.tsx';
import { useOrgLanguages } from '../forms/languages.ts';
import type { QuestionDraft, SurveyDetail } from './api.ts';
import { questionIndexOf, useSurveyError } from './errors.ts';
import { QuestionEditor } from './QuestionEditor.tsx';

const toDraft = ({ position: _position, ...q }: SurveyDetail['questions'][number]): QuestionDraft => q;

const blankQuestion = (): QuestionDraft => ({
  type: 'rating',
  scale: 'likert5',
  facet: 'lived',
  dimensionId: null,
  prompt: { fr: '', en: '' },
  options: null,
  required: false,
});

/** The survey's questions, edited here and saved together; frozen once a wave has responses. */
export function QuestionsSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t } = useLang();
  const languages = useOrgLanguages();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => survey.questions.map(toDraft));
  const [dirty, setDirty] = useState(false);
  const save = useMutation(
    trpc.surveys.questions.save.mutationOptions({
      onSuccess: async () => {
        setDirty(false);
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
      },
    }),
  );
  const disabled = !canBuild || survey.locked;
  const update = (next: QuestionDraft[]) => {
    setDrafts(next);
    setDirty(true);
    save.reset();
  };
  const failedAt = save.isError ? questionIndexOf(save.error) : null;

  return (
    <Card
      title={t('surveyConsole.editor.questions')}
      titleAs="h2"
      aside={dirty ? <span className="fx-hint">{t('surveyConsole.editor.unsaved')}</span> : null}
    >
      <div className="fx-stack">
        <p className="fx-hint">{t('surveyConsole.editor.questionsIntro')}</p>
        {drafts.length === 0 ? <p className="fx-muted">{t('surveyConsole.editor.noQuestions')}</p> : null}
        {drafts.map((q, i) => (
          <QuestionEditor
            // Questions have no id until saved; their position is their identity on this screen.
            key={q.id ?? `new-${i}`}
            index={i}
            count={drafts.length}
            question={q}
            dimensions={survey.dimensions}
            disabled={disabled}
            error={failedAt === i ? surveyError(save.error) : null}
            onChange={(next) => update(drafts.map((d, k) => (k === i ? next : d)))}
            onMove={(delta) => {
              const next = [...drafts];
              const [moved] = next.splice(i, 1);
              next.splice(i + delta, 0, moved!);
              update(next);
            }}
            onRemove={() => update(drafts.filter((_, k) => k !== i))}
          />
        ))}
        {save.isError && failedAt === null ? <Alert tone="error">{surveyError(save.error)}</Alert> : null}
        {save.isSuccess ? <Alert tone="success">{t('surveyConsole.editor.questionsSaved')}</Alert> : null}
        {!disabled ? (
          <div className="fx-row">
            <Button
              variant="secondary"
              onClick={() => update([...drafts, blankQuestion()])}
              disabled={drafts.length >= 100}
            >
              {t('surveyConsole.editor.addQuestion')}
            </Button>
            <Button
              busy={save.isPending}
              disabled={!dirty}
              onClick={() => save.mutate({ surveyId: survey.id, questions: drafts.map((q) => written(q, languages)) })}
            >
              {t('surveyConsole.editor.saveQuestions')}
            </Button>
          </div>
        ) : null}
      </div>
    </Card>
  );
}

type Text = { fr?: string | undefined; en?: string | undefined };

/** A question as sent: its texts in the organisation's languages only (the others are not asked). */
function written<Q extends { prompt: Text; options: { value: string; label: Text }[] | null }>(
  q: Q,
  languages: readonly Locale[],
): Q {
  return {
    ...q,
    prompt: trimmed(q.prompt, languages),
    options: q.options?.map((o) => ({ ...o, label: trimmed(o.label, languages) })) ?? null,
  };
}
