import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Card, Select } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/**
 * Which programme the survey's results are reported in: its own, or the programme another survey of its group leads
 * (a pulse with the quarterly survey: one list of waves, trends across both). Only surveys leading their own programme
 * can be chosen; a survey that others are part of stays their lead.
 */
export function ProgrammeSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const siblings = useQuery(trpc.surveys.list.queryOptions({ groupId: survey.group.id }));
  const setProgramme = useMutation(
    trpc.surveys.setProgramme.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
        await queryClient.invalidateQueries(trpc.insights.pathFilter());
      },
    }),
  );
  const others = (siblings.data ?? []).filter((s) => s.id !== survey.id);
  const leads = others.filter((s) => s.programmeSurveyId === null);
  const members = others.filter((s) => s.programmeSurveyId === survey.id);
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  return (
    <Card title={t('surveyConsole.programme.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-muted">{t('surveyConsole.programme.intro')}</p>
        <Select
          label={t('surveyConsole.programme.label')}
          value={survey.programmeSurveyId ?? ''}
          disabled={!canBuild || setProgramme.isPending || siblings.isPending || members.length > 0}
          hint={
            members.length > 0
              ? t('surveyConsole.programme.leads', {
                  count: members.length,
                  surveys: list.format(members.map((m) => pickText(m.title, lang))),
                })
              : undefined
          }
          error={setProgramme.isError ? surveyError(setProgramme.error) : undefined}
          onChange={(e) =>
            setProgramme.mutate({ surveyId: survey.id, programmeSurveyId: e.currentTarget.value || null })
          }
          options={[
            { value: '', label: t('surveyConsole.programme.own') },
            ...leads.map((s) => ({ value: s.id, label: pickText(s.title, lang) })),
          ]}
        />
      </div>
    </Card>
  );
}
