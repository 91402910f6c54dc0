import { INVITED_ONLY_KINDS } from '@facets/domain';
import { useLang, useTRPC } from '@facets/portal-kit';
import { Card, Select } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/**
 * How a continuous survey (onboarding, exit, after an interaction) reports: by calendar month or quarter, each period
 * a wave of its own that opens when the previous one ends and is published when it closes — or by waves scheduled by
 * hand. Shown for those kinds only: the server refuses a period for the others.
 */
export function PeriodSection({ survey, canBuild }: { survey: SurveyDetail; canBuild: boolean }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const setPeriod = useMutation(
    trpc.surveys.setPeriod.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
        await queryClient.invalidateQueries(trpc.insights.pathFilter());
      },
    }),
  );
  if (!INVITED_ONLY_KINDS.includes(survey.kind)) return null;
  return (
    <Card title={t('surveyConsole.period.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-muted">{t('surveyConsole.period.intro')}</p>
        <Select
          label={t('surveyConsole.period.label')}
          value={survey.period ?? ''}
          disabled={!canBuild || setPeriod.isPending}
          hint={survey.period ? t('surveyConsole.period.rolls') : undefined}
          error={setPeriod.isError ? surveyError(setPeriod.error) : undefined}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setPeriod.mutate({ surveyId: survey.id, period: value === 'month' || value === 'quarter' ? value : null });
          }}
          options={[
            { value: '', label: t('surveyConsole.period.none') },
            { value: 'month', label: t('surveyConsole.period.month') },
            { value: 'quarter', label: t('surveyConsole.period.quarter') },
          ]}
        />
      </div>
    </Card>
  );
}
