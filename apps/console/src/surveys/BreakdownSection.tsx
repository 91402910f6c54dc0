import { primaryKeyOf } from '@facets/domain';
import { pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Card, Select } from '@facets/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SurveyDetail } from './api.ts';
import { useSurveyError } from './errors.ts';

/**
 * The survey's primary breakdown: the segment attribute whose segments its waves are published by first, exactly as
 * far as anonymity allows (docs/architecture.md, "The disclosure guarantee"). Fixed once a wave is published.
 */
export function BreakdownSection({ survey, canBuild, k }: { survey: SurveyDetail; canBuild: boolean; k: number }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const surveyError = useSurveyError();
  const update = useMutation(
    trpc.surveys.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
        await queryClient.invalidateQueries(trpc.insights.pathFilter());
      },
    }),
  );
  const attributes = survey.primaryBreakdowns;
  // What the survey is published by when it names nothing: department, when the group has it.
  const fallback = primaryKeyOf(
    null,
    attributes.map((a) => a.key),
  );
  const fallbackAttribute = attributes.find((a) => a.key === fallback);
  const defaultLabel = fallbackAttribute
    ? t('surveyConsole.breakdown.default', { attribute: pickText(fallbackAttribute.label, lang) })
    : t('surveyConsole.breakdown.defaultNone');
  const hint = survey.published
    ? t('surveyConsole.breakdown.published')
    : attributes.length === 0
      ? t('surveyConsole.breakdown.none')
      : undefined;

  return (
    <Card title={t('surveyConsole.breakdown.title')} titleAs="h2">
      <div className="fx-stack">
        <p className="fx-muted">{t('surveyConsole.breakdown.intro', { k })}</p>
        <Select
          label={t('surveyConsole.breakdown.label')}
          value={survey.primarySegmentKey ?? ''}
          disabled={!canBuild || survey.published || attributes.length === 0 || update.isPending}
          hint={hint}
          error={update.isError ? surveyError(update.error) : undefined}
          onChange={(e) =>
            update.mutate({
              surveyId: survey.id,
              title: survey.title,
              intro: survey.intro,
              anonymous: survey.anonymous,
              primarySegmentKey: e.currentTarget.value || null,
            })
          }
          options={[
            { value: '', label: defaultLabel },
            ...attributes.map((a) => ({ value: a.key, label: pickText(a.label, lang) })),
          ]}
        />
        {update.isSuccess ? <Alert tone="success">{t('surveyConsole.editor.saved')}</Alert> : null}
      </div>
    </Card>
  );
}
