import { Cadence, INVITED_ONLY_KINDS } from '@facets/domain';
import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Button, Card, ChoiceGroup, Select, TextInput } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The weekday's name in the reader's language (5 January 2026 was a Monday). */
const weekdayName = (weekday: number, lang: string) =>
  new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 0, 4 + weekday)),
  );

/**
 * A survey that recurs: every N weeks or months (that weekday of the month's first week), at an hour of the
 * organisation's time zone, each wave open some days and sent to the group's directory, all of it or some segments.
 * The server opens, invites and closes each wave by itself; the next openings are shown. Continuous surveys report by
 * calendar period instead (PeriodSection), so the section is not shown for them.
 */
export function CadenceSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const current = survey.cadence;
  const [unit, setUnit] = useState<'week' | 'month'>(current?.unit ?? 'month');
  const [every, setEvery] = useState(String(current?.every ?? 1));
  const [weekday, setWeekday] = useState(String(current?.weekday ?? 1));
  const [hour, setHour] = useState(String(current?.hour ?? 9));
  const [openDays, setOpenDays] = useState(String(current?.openDays ?? 10));
  const [startDate, setStartDate] = useState(current?.startDate ?? '');
  const [endDate, setEndDate] = useState(current?.endDate ?? '');
  const [segments, setSegments] = useState<Record<string, string[]>>(current?.audience.segments ?? {});
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation(
    trpc.surveys.setCadence.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.surveys.pathFilter()),
    }),
  );
  if (INVITED_ONLY_KINDS.includes(survey.kind)) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cadence = Cadence.safeParse({
      unit,
      every: Number(every),
      weekday: Number(weekday),
      hour: Number(hour),
      openDays: Number(openDays),
      startDate,
      endDate: endDate === '' ? null : endDate,
      audience: { segments: Object.fromEntries(Object.entries(segments).filter(([, values]) => values.length > 0)) },
    });
    const field = cadence.success ? null : String(cadence.error.issues[0]?.path[0] ?? 'every');
    setInvalid(field);
    if (cadence.success) save.mutate({ surveyId: survey.id, cadence: cadence.data });
  };
  const fieldError = (field: string) =>
    invalid === field ? t(`surveyConsole.recurrence.invalid.${field}`) : undefined;
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: survey.timeZone,
  });
  const choices = survey.invitationColumns.attributes.filter((a) => a.key !== 'company' && a.values.length > 0);

  return (
    <Card title={t('surveyConsole.recurrence.title')} titleAs="h2">
      <form className="fx-stack" onSubmit={submit} noValidate>
        <p className="fx-muted">{t('surveyConsole.recurrence.intro')}</p>
        <div className="fx-survey-grid fx-survey-grid--two">
          <Select
            label={t('surveyConsole.recurrence.unit')}
            value={unit}
            disabled={!canBuild}
            onChange={(e) => setUnit(e.currentTarget.value === 'week' ? 'week' : 'month')}
            options={[
              { value: 'week', label: t('surveyConsole.recurrence.weeks') },
              { value: 'month', label: t('surveyConsole.recurrence.months') },
            ]}
          />
          <TextInput
            label={t(unit === 'week' ? 'surveyConsole.recurrence.everyWeeks' : 'surveyConsole.recurrence.everyMonths')}
            inputMode="numeric"
            value={every}
            disabled={!canBuild}
            error={fieldError('every')}
            onChange={(e) => setEvery(e.currentTarget.value)}
          />
          <Select
            label={t(unit === 'week' ? 'surveyConsole.recurrence.weekday' : 'surveyConsole.recurrence.weekdayOfMonth')}
            value={weekday}
            disabled={!canBuild}
            onChange={(e) => setWeekday(e.currentTarget.value)}
            options={WEEKDAYS.map((d) => ({ value: String(d), label: weekdayName(d, lang) }))}
          />
          <Select
            label={t('surveyConsole.recurrence.hour', { zone: survey.timeZone })}
            value={hour}
            disabled={!canBuild}
            onChange={(e) => setHour(e.currentTarget.value)}
            options={HOURS.map((h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))}
          />
          <TextInput
            label={t('surveyConsole.recurrence.openDays')}
            hint={t('surveyConsole.recurrence.openDaysHint')}
            inputMode="numeric"
            value={openDays}
            disabled={!canBuild}
            error={fieldError('openDays')}
            onChange={(e) => setOpenDays(e.currentTarget.value)}
          />
          <TextInput
            label={t('surveyConsole.recurrence.startDate')}
            type="date"
            value={startDate}
            disabled={!canBuild}
            error={fieldError('startDate')}
            onChange={(e) => setStartDate(e.currentTarget.value)}
          />
          <TextInput
            label={t('surveyConsole.recurrence.endDate')}
            optionalText={t('surveyConsole.recurrence.optional')}
            type="date"
            value={endDate}
            disabled={!canBuild}
            error={fieldError('endDate')}
            onChange={(e) => setEndDate(e.currentTarget.value)}
          />
        </div>
        <p className="fx-hint">{t('surveyConsole.recurrence.audience')}</p>
        {choices.map((a) => (
          <ChoiceGroup
            key={a.key}
            name={`cadence-${a.key}`}
            type="checkbox"
            legend={pickText(a.label, lang)}
            hint={(segments[a.key] ?? []).length === 0 ? t('directory.invite.everyone') : undefined}
            options={a.values.map((v) => ({ value: v.value, label: pickText(v.label, lang) }))}
            value={segments[a.key] ?? []}
            onChange={(values) => canBuild && setSegments({ ...segments, [a.key]: values })}
          />
        ))}
        {current ? (
          <div className="fx-stack">
            <h3>{t('surveyConsole.recurrence.next')}</h3>
            {survey.nextOpenings.length > 0 ? (
              <ul className="fx-list">
                {survey.nextOpenings.map((o) => (
                  <li key={o.opensAt}>
                    {t('surveyConsole.recurrence.opening', {
                      opens: when.format(new Date(o.opensAt)),
                      closes: when.format(new Date(o.closesAt)),
                    })}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t('surveyConsole.recurrence.ended')}</p>
            )}
            <p className="fx-hint">{t('surveyConsole.recurrence.rules')}</p>
          </div>
        ) : (
          <p className="fx-hint">{t('surveyConsole.recurrence.none')}</p>
        )}
        {save.isError ? <Alert tone="error">{surveyError(save.error)}</Alert> : null}
        {save.isSuccess && !invalid ? <Alert tone="success">{t('surveyConsole.recurrence.saved')}</Alert> : null}
        {canBuild ? (
          <div className="fx-row">
            <Button type="submit" busy={save.isPending && save.variables?.cadence !== null}>
              {t('surveyConsole.recurrence.save')}
            </Button>
            {current ? (
              <Button
                variant="secondary"
                busy={save.isPending && save.variables?.cadence === null}
                onClick={() => save.mutate({ surveyId: survey.id, cadence: null })}
              >
                {t('surveyConsole.recurrence.stop')}
              </Button>
            ) : null}
          </div>
        ) : null}
      </form>
    </Card>
  );
}
