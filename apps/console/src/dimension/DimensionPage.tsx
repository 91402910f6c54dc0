import { ErrorAlert, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Badge, Loading, PageHeader } from '@facets/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PendingWaves, useSelection } from '../figures/figures.tsx';
import { ManagerScope, useManagerSegment } from '../figures/ManagerScope.tsx';
import { ProgrammePicker, useWaveName } from '../figures/ProgrammePicker.tsx';
import { measuredEarlier } from '../figures/programme-waves.ts';
import { Themes } from '../themes/Themes.tsx';
import { Comments } from './Comments.tsx';
import { Distribution } from './Distribution.tsx';
import { Drivers } from './Drivers.tsx';
import { Ipa } from './Ipa.tsx';
import { Questions } from './Questions.tsx';
import { SegmentFilter } from './SegmentFilter.tsx';
import { Trend } from './Trend.tsx';

export interface Segment {
  key: string;
  value: string;
}

/**
 * One dimension of one group, optionally filtered to a segment: trend across waves, distribution of the latest wave,
 * each of its questions (against the whole group for a segment), its place in the group's importance–performance
 * matrix, the group's key drivers, the comments' themes and sentiment, and the comments.
 */
export function DimensionPage(props: { me: Me; groupId: string; dimensionId: string; segment?: Segment }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const [segment, setSegment] = useState<Segment | undefined>(props.segment);
  const whole = props.me.role !== 'manager';
  const selection = useSelection();
  const own = useManagerSegment(props.me);
  const asked = whole ? segment : own;
  const view = useQuery({
    ...trpc.insights.dimension.queryOptions({
      groupId: props.groupId,
      dimensionId: props.dimensionId,
      ...(asked ? { segment: asked } : {}),
      ...selection,
    }),
    placeholderData: (previous) => previous,
  });
  const data = view.data;
  const k = data?.kThreshold ?? props.me.organization.kThreshold;
  const waveName = useWaveName();
  // The wave the page reports on (the chosen one, else the programme's latest), and the one this dimension's figures
  // come from: an earlier one when the later waves of the programme (pulses) do not ask it.
  const programme = data?.programmes.find((p) => p.surveyId === data.programme?.surveyId);
  const reported = data?.programme?.chosenWave
    ? programme?.waves.find((w) => w.id === data.programme?.chosenWave)
    : programme?.waves.at(-1);
  const measured = data?.measuredIn ?? null;
  return (
    <div className="fx-stack">
      <PageHeader
        title={data ? pickText(data.dimension.label, lang) : t('dimension.title')}
        description={
          data ? (
            <>
              {pickText(data.group.label, lang)}
              {data.dimension.shared ? (
                <>
                  {' '}
                  <Badge tone="neutral">{t('overview.shared')}</Badge>
                </>
              ) : null}
              {data.intended ? <span className="fx-statement">{pickText(data.intended.statement, lang)}</span> : null}
            </>
          ) : undefined
        }
      />
      {whole ? (
        <SegmentFilter groupId={props.groupId} segment={segment} onChange={setSegment} />
      ) : (
        <ManagerScope me={props.me} segment={data?.segment} k={k} departmentText={t('dimension.managerScope')} />
      )}
      {data ? (
        <ProgrammePicker
          groupName={pickText(data.group.label, lang)}
          programme={data.programme}
          programmes={data.programmes}
        />
      ) : null}
      {measured && measuredEarlier(measured, reported ?? null) ? (
        <p className="fx-hint" role="note">
          {t('dimension.measuredIn', { wave: waveName(programme, measured) })}
        </p>
      ) : null}
      {view.isPending ? <Loading label={t('app.loading')} /> : null}
      {view.isError ? <ErrorAlert error={view.error} onRetry={() => void view.refetch()} /> : null}
      {data && !view.isError ? (
        <div className="fx-dimension-grid" aria-busy={view.isFetching}>
          {data.pendingWaves.length > 0 ? (
            <div className="fx-dimension-grid__wide">
              <PendingWaves pending={data.pendingWaves} k={k} surveyId={data.programme?.surveyId} />
            </div>
          ) : null}
          <Trend view={data} k={k} />
          <div className="fx-dimension-grid__wide">
            <Questions view={data} k={k} />
          </div>
          <Distribution view={data} k={k} />
          <Ipa view={data} />
          <Drivers view={data} k={k} />
          <Themes view={data} me={props.me} />
          <Comments view={data} k={data.commentThreshold} />
        </div>
      ) : null}
    </div>
  );
}
