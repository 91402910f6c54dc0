import { formatDate, useErrorMessage, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, ChoiceGroup, TextArea } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { STAGES } from './stages.ts';

/** The questions leadership answers with its stage; the codes are what the API stores. */
export const QUESTIONS = ['strengths', 'obstacles', 'commitment'] as const;

interface Props {
  canAssess: boolean;
  latest: { stage: number; createdAt: string } | null;
  agreement: string;
  evidenceStage: number;
}

/** Leadership's own view of the stage: a form for leadership and admins, the latest answer for everyone else. */
export function SelfAssessment({ canAssess, latest, agreement, evidenceStage }: Props) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [stage, setStage] = useState<string[]>(latest ? [String(latest.stage)] : []);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const [saved, setSaved] = useState(false);
  const assess = useMutation(
    trpc.insights.maturity.assess.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        setAnswers({});
        void queryClient.invalidateQueries({ queryKey: trpc.insights.maturity.get.queryKey() });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (stage.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const filled = Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== ''));
    assess.mutate({ stage: Number(stage[0]), answers: filled });
  };
  const latestText = latest
    ? t('maturity.self.latest', {
        stage: latest.stage,
        name: t(`maturity.stage.${latest.stage}.name`),
        date: formatDate(latest.createdAt, lang),
      })
    : t('maturity.self.never');
  return (
    <Card title={t('maturity.self.title')}>
      <p>{latestText}</p>
      {latest ? <p className="fx-hint">{t(`maturity.agreement.${agreement}`, { stage: evidenceStage })}</p> : null}
      {!canAssess ? (
        <p className="fx-muted">{t('maturity.self.readOnly')}</p>
      ) : (
        <form className="fx-stack" noValidate onSubmit={submit}>
          <ChoiceGroup
            name="maturity-stage"
            type="radio"
            legend={t('maturity.self.stageLegend')}
            options={STAGES.map((s) => ({
              value: String(s),
              label: `${s}. ${t(`maturity.stage.${s}.name`)} — ${t(`maturity.stage.${s}.text`)}`,
            }))}
            value={stage}
            onChange={setStage}
            error={missing ? t('maturity.self.stageRequired') : null}
            required
          />
          {QUESTIONS.map((q) => (
            <TextArea
              key={q}
              label={t(`maturity.self.question.${q}`)}
              optionalText={t('maturity.self.optional')}
              rows={3}
              maxLength={2000}
              value={answers[q] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setAnswers((a) => ({ ...a, [q]: value }));
              }}
            />
          ))}
          {assess.isError ? <Alert tone="error">{errorMessage(assess.error)}</Alert> : null}
          {saved ? <Alert tone="success">{t('maturity.self.saved')}</Alert> : null}
          <div>
            <Button type="submit" busy={assess.isPending}>
              {t('maturity.self.submit')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
