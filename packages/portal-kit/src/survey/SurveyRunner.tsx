import { Loading } from '@facets/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type Me, useTRPC, useTRPCClient } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useLang } from '../i18n/useLang.ts';
import { useLinkClick, useRouter } from '../router.tsx';
import { Runner } from './Runner.tsx';
import { SurveyDone } from './SurveyDone.tsx';

/** A survey of the signed-in stakeholder's group, answered in their portal. */
export function SurveyRunner({ me, waveId }: { me: Me; waveId: string }) {
  const { t } = useLang();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
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
  const closesAt =
    queryClient.getQueryData(trpc.portal.survey.list.queryKey())?.find((s) => s.waveId === waveId)?.closesAt ?? null;
  return (
    <Runner
      survey={survey.data}
      owner={me.user.id}
      header={<BackToList />}
      k={me.organization.kThreshold}
      rulesTo="rules"
      send={async (submission) => {
        await client.portal.survey.submit.mutate(submission);
        void queryClient.invalidateQueries({ queryKey: trpc.portal.survey.list.queryKey() });
      }}
      done={<SurveyDone anonymous={survey.data.anonymous} k={me.organization.kThreshold} closesAt={closesAt} />}
    />
  );
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
