import { MAX_REMINDERS, ReminderSchedule } from '@facets/domain';
import { useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/** "3, 7" → [3, 7]; null when a part is not a whole number. */
function days(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/**
 * When the invited who have not answered are reminded by e-mail: some days after a wave opens, some days before it
 * closes. The server sends each person at most one reminder a day, with a fresh link, never once they answered.
 */
export function RemindersSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const [afterOpening, setAfterOpening] = useState(survey.reminders.afterOpening.join(', '));
  const [beforeClosing, setBeforeClosing] = useState(survey.reminders.beforeClosing.join(', '));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(
    trpc.surveys.setReminders.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const schedule = ReminderSchedule.safeParse({
      afterOpening: days(afterOpening),
      beforeClosing: days(beforeClosing),
    });
    setInvalid(!schedule.success);
    if (schedule.success) save.mutate({ surveyId: survey.id, ...schedule.data });
  };
  const none = survey.reminders.afterOpening.length === 0 && survey.reminders.beforeClosing.length === 0;

  return (
    <Card title={t('surveyConsole.reminders.title')} titleAs="h2">
      <form className="fx-stack" onSubmit={submit} noValidate>
        <p className="fx-muted">{t('surveyConsole.reminders.intro')}</p>
        <div className="fx-survey-grid fx-survey-grid--two">
          <TextInput
            label={t('surveyConsole.reminders.afterOpening')}
            hint={t('surveyConsole.reminders.daysHint', { max: MAX_REMINDERS })}
            inputMode="numeric"
            value={afterOpening}
            disabled={!canBuild}
            onChange={(e) => setAfterOpening(e.currentTarget.value)}
          />
          <TextInput
            label={t('surveyConsole.reminders.beforeClosing')}
            hint={t('surveyConsole.reminders.daysHint', { max: MAX_REMINDERS })}
            inputMode="numeric"
            value={beforeClosing}
            disabled={!canBuild}
            onChange={(e) => setBeforeClosing(e.currentTarget.value)}
          />
        </div>
        <p className="fx-hint">{t(none ? 'surveyConsole.reminders.none' : 'surveyConsole.reminders.rules')}</p>
        {invalid ? <Alert tone="error">{t('surveyConsole.errors.reminders', { max: MAX_REMINDERS })}</Alert> : null}
        {save.isError ? <Alert tone="error">{surveyError(save.error)}</Alert> : null}
        {save.isSuccess && !invalid ? <Alert tone="success">{t('surveyConsole.reminders.saved')}</Alert> : null}
        {canBuild ? (
          <div>
            <Button type="submit" busy={save.isPending}>
              {t('surveyConsole.reminders.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
