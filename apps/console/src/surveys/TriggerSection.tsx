import { DEFAULT_EXIT_DAYS, DEFAULT_ONBOARDING_DAYS, LifecycleTrigger } from '@facets/domain';
import { useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/**
 * When the directory's people get an onboarding survey (some days after their start date) or an exit survey (some
 * days before their end date): the server's minute job invites each into the current period's wave, once. Shown for
 * those two kinds only; it needs a reporting period, which the server checks too.
 */
export function TriggerSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const event = survey.kind === 'onboarding' ? 'start' : 'end';
  const stored = survey.lifecycleTrigger;
  const storedDays = stored === null ? null : stored.event === 'start' ? stored.daysAfter : stored.daysBefore;
  const [on, setOn] = useState(stored !== null);
  const [days, setDays] = useState(
    String(storedDays ?? (event === 'start' ? DEFAULT_ONBOARDING_DAYS : DEFAULT_EXIT_DAYS)),
  );
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(
    trpc.surveys.setTrigger.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()),
    }),
  );
  if (survey.kind !== 'onboarding' && survey.kind !== 'exit') return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!on) {
      setInvalid(false);
      save.mutate({ surveyId: survey.id, trigger: null });
      return;
    }
    const n = /^\d+$/.test(days.trim()) ? Number(days.trim()) : Number.NaN;
    const trigger = LifecycleTrigger.safeParse(event === 'start' ? { event, daysAfter: n } : { event, daysBefore: n });
    setInvalid(!trigger.success);
    if (trigger.success) save.mutate({ surveyId: survey.id, trigger: trigger.data });
  };
  const noPeriod = survey.period === null;
  return (
    <Card title={t('surveyConsole.trigger.title')} titleAs="h2">
      <form className="fx-stack" onSubmit={submit} noValidate>
        <p className="fx-muted">
          {t(event === 'start' ? 'surveyConsole.trigger.introStart' : 'surveyConsole.trigger.introEnd')}
        </p>
        <div className="fx-survey-grid fx-survey-grid--two">
          <Select
            label={t('surveyConsole.trigger.label')}
            value={on ? 'on' : 'off'}
            disabled={!canBuild || (noPeriod && stored === null)}
            onChange={(e) => setOn(e.currentTarget.value === 'on')}
            options={[
              { value: 'off', label: t('surveyConsole.trigger.off') },
              {
                value: 'on',
                label: t(event === 'start' ? 'surveyConsole.trigger.onStart' : 'surveyConsole.trigger.onEnd'),
              },
            ]}
          />
          {on ? (
            <TextInput
              label={t(event === 'start' ? 'surveyConsole.trigger.daysAfter' : 'surveyConsole.trigger.daysBefore')}
              hint={t(
                event === 'start' ? 'surveyConsole.trigger.daysAfterHint' : 'surveyConsole.trigger.daysBeforeHint',
              )}
              inputMode="numeric"
              value={days}
              disabled={!canBuild}
              onChange={(e) => setDays(e.currentTarget.value)}
            />
          ) : null}
        </div>
        {noPeriod ? <p className="fx-hint">{t('surveyConsole.trigger.needsPeriod')}</p> : null}
        <p className="fx-hint">{t('surveyConsole.trigger.rules')}</p>
        {invalid ? (
          <Alert tone="error">
            {t(event === 'start' ? 'surveyConsole.errors.triggerStart' : 'surveyConsole.errors.triggerEnd')}
          </Alert>
        ) : null}
        {save.isError ? <Alert tone="error">{surveyError(save.error)}</Alert> : null}
        {save.isSuccess && !invalid ? <Alert tone="success">{t('surveyConsole.trigger.saved')}</Alert> : null}
        {canBuild && !(noPeriod && stored === null) ? (
          <div>
            <Button type="submit" busy={save.isPending}>
              {t('surveyConsole.trigger.save')}
            </Button>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
