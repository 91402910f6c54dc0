import { SURVEY_BUILDERS } from '@facets/domain';
import { ErrorAlert, Link, type Me, pickText, useLang, useRouter, useTRPC } from '@facets/portal-kit';
import { Alert, Badge, Button, Loading, PageHeader } from '@facets/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { can } from '../roles/roles.ts';
import { BreakdownSection } from './BreakdownSection.tsx';
import { CadenceSection } from './CadenceSection.tsx';
import { DetailsSection } from './DetailsSection.tsx';
import { useSurveyError } from './errors.ts';
import { STATUS_TONE } from './labels.ts';
import { PeriodSection } from './PeriodSection.tsx';
import { ProgrammeSection } from './ProgrammeSection.tsx';
import { QuestionsSection } from './QuestionsSection.tsx';
import { RemindersSection } from './RemindersSection.tsx';
import { TriggerSection } from './TriggerSection.tsx';
import { WavesSection } from './WavesSection.tsx';
import './surveys.css';

/** One survey: its texts, its questions and its waves; read-only for analysts and managers. */
export function SurveyEditor({ me, surveyId }: { me: Me; surveyId: string }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const { navigate } = useRouter();
  const surveyError = useSurveyError();
  const survey = useQuery(trpc.surveys.get.queryOptions({ surveyId }));
  const duplicate = useMutation(
    trpc.surveys.duplicate.mutationOptions({ onSuccess: ({ surveyId: copy }) => navigate(`surveys/${copy}`) }),
  );
  const queryClient = useQueryClient();
  const headline = useMutation(
    trpc.surveys.setHeadline.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.surveys.pathFilter());
        await queryClient.invalidateQueries(trpc.insights.pathFilter());
      },
    }),
  );
  const canBuild = can(me, SURVEY_BUILDERS);
  const s = survey.data;

  return (
    <div className="fx-stack">
      <p>
        <Link to="surveys">{t('surveyConsole.editor.back')}</Link>
      </p>
      {survey.isPending ? <Loading label={t('app.loading')} /> : null}
      {survey.isError ? <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} /> : null}
      {s ? (
        <>
          <PageHeader
            title={pickText(s.title, lang)}
            description={`${pickText(s.group.label, lang)} · ${t(`surveyConsole.kind.${s.kind}`)} · ${s.anonymous ? t('surveyConsole.anonymous') : t('surveyConsole.named')}`}
            actions={<Badge tone={STATUS_TONE[s.status]}>{t(`surveyConsole.status.${s.status}`)}</Badge>}
          />
          {s.locked ? (
            <Alert tone="info">
              <p>{t('surveyConsole.editor.locked')}</p>
              {canBuild ? (
                <div>
                  <Button
                    variant="secondary"
                    size="sm"
                    busy={duplicate.isPending}
                    onClick={() => duplicate.mutate({ surveyId: s.id })}
                  >
                    {t('surveyConsole.editor.duplicate')}
                  </Button>
                </div>
              ) : null}
            </Alert>
          ) : null}
          {duplicate.isError ? <Alert tone="error">{surveyError(duplicate.error)}</Alert> : null}
          <Alert tone="info">
            <p>
              {t(s.headline ? 'surveyConsole.headline.is' : 'surveyConsole.headline.isNot', {
                group: pickText(s.group.label, lang),
              })}
            </p>
            {canBuild ? (
              <div>
                <Button
                  variant="secondary"
                  size="sm"
                  busy={headline.isPending}
                  onClick={() => headline.mutate({ surveyId: s.id, headline: !s.headline })}
                >
                  {t(s.headline ? 'surveyConsole.headline.unmake' : 'surveyConsole.headline.make')}
                </Button>
              </div>
            ) : null}
          </Alert>
          {headline.isError ? <Alert tone="error">{surveyError(headline.error)}</Alert> : null}
          <ProgrammeSection key={`programme-${s.id}`} survey={s} canBuild={canBuild} />
          <PeriodSection survey={s} canBuild={canBuild} />
          <CadenceSection key={`cadence-${s.id}`} survey={s} canBuild={canBuild} />
          <TriggerSection key={`trigger-${s.id}`} survey={s} canBuild={canBuild} />
          <WavesSection survey={s} canBuild={canBuild} />
          <RemindersSection key={`reminders-${s.id}`} survey={s} canBuild={canBuild} />
          <DetailsSection key={`details-${s.id}`} survey={s} canBuild={canBuild} k={me.organization.kThreshold} />
          <BreakdownSection survey={s} canBuild={canBuild} k={me.organization.kThreshold} />
          <QuestionsSection key={`questions-${s.id}-${s.locked}`} survey={s} canBuild={canBuild} />
        </>
      ) : null}
    </div>
  );
}
