import { formatNumber, Link, type OverviewDimension, type OverviewGroup, pickText, useLang } from '@facets/portal-kit';
import { Badge, DataTable, formatSigned } from '@facets/ui';
import { ExportButton } from '../export/ExportButton.tsx';
import {
  csvValue,
  dimensionPath,
  type Figure,
  FigureCell,
  GapFigure,
  programmeSelection,
  useCountWords,
  useHiddenReason,
} from '../figures/figures.tsx';
import { useWaveName } from '../figures/ProgrammePicker.tsx';
import { measuredEarlier } from '../figures/programme-waves.ts';
import { gapWording } from './gaps.ts';

type Initiative = OverviewGroup['initiatives'][number];

const figureOf = (c: OverviewDimension['lived']): Figure => ({ value: c.score, n: c.n, hidden: c.hidden });

/**
 * A facet the wave's survey does not ask: said in words, with no n (there is nothing to count). A group without any
 * wave yet has no survey to say this of: its cells say there is no data.
 */
function NotAsked() {
  const { t } = useLang();
  return (
    <span className="fx-score fx-score--empty">
      <span className="fx-score__value">{t('figures.notAsked')}</span>
      <span className="fx-score__detail">{t('figures.notAskedDetail')}</span>
    </span>
  );
}

/**
 * A group's dimensions, one row each: intended (target, priority) with the initiatives that propose it, expected,
 * lived, the trend and the three gaps; a dimension measured in an earlier wave than the current one (a pulse asked
 * the others only) names that wave. The first three data cells stay intended, expected, lived (browser tests read
 * them by position).
 */
export function DimensionTable({ group, k }: { group: OverviewGroup; k: number }) {
  const { t, lang } = useLang();
  const name = pickText(group.label, lang);
  const initiativesOf = (d: OverviewDimension) => group.initiatives.filter((i) => i.dimensionIds.includes(d.id));
  const gapText = (kind: 'expectation' | 'target' | 'calibration', value: number | null) => {
    const wording = gapWording(value);
    return wording === 'none' ? t('overview.gap.none') : t(`overview.gap.${kind}.${wording}`);
  };
  const title = t('overview.tableCaption', { group: name });
  // A dimension the current wave does not ask shows its latest measurement in the programme, and says which wave.
  const waveName = useWaveName();
  const programme = group.programmes.find((p) => p.surveyId === group.programme?.surveyId);
  const measuredIn = (d: OverviewDimension) => (d.measuredIn ? waveName(programme, d.measuredIn) : '');
  return (
    <>
      {/* A focusable region lets keyboard users scroll the table sideways on small screens. */}
      <DataTable
        title={title}
        className="fx-table--fixed fx-table--overview"
        columns={[
          t('overview.col.dimension'),
          t('overview.col.intended'),
          t('overview.col.expected'),
          t('overview.col.lived'),
          t('overview.col.trend'),
          t('overview.col.expectationGap'),
          t('overview.col.targetGap'),
          t('overview.col.calibrationGap'),
        ]}
      >
        {group.dimensions.map((d) => (
          <tr key={d.id}>
            <th scope="row">
              <Link to={dimensionPath(group.id, d.id, null, programmeSelection(group.programme))}>
                {pickText(d.label, lang)}
              </Link>
              {d.shared ? (
                <div>
                  <Badge tone="neutral">{t('overview.shared')}</Badge>
                </div>
              ) : null}
              {measuredEarlier(d.measuredIn, group.wave) ? (
                <div className="fx-score__detail">{t('overview.measuredIn', { wave: measuredIn(d) })}</div>
              ) : null}
            </th>
            <td>
              <Intended dimension={d} initiatives={initiativesOf(d)} />
            </td>
            <td>
              {!group.wave || d.asked.expected || d.expected.n > 0 ? (
                <FigureCell figure={figureOf(d.expected)} k={k} groupKind={group.kind} />
              ) : (
                <NotAsked />
              )}
            </td>
            <td>
              {!group.wave || d.asked.lived || d.lived.n > 0 ? (
                <FigureCell figure={figureOf(d.lived)} k={k} groupKind={group.kind} />
              ) : (
                <NotAsked />
              )}
            </td>
            <td>
              <Trend trend={d.trend} k={k} groupKind={group.kind} />
            </td>
            <td>
              <GapFigure value={d.expectationGap} text={gapText('expectation', d.expectationGap)} />
            </td>
            <td>
              <GapFigure value={d.targetGap} text={gapText('target', d.targetGap)} />
            </td>
            <td>
              <GapFigure value={d.calibrationGap} text={gapText('calibration', d.calibrationGap)} inverted />
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="fx-row fx-row--end">
        <ExportButton
          title={title}
          rows={group.dimensions}
          columns={[
            { header: t('overview.col.dimension'), value: (d) => pickText(d.label, lang) },
            { header: t('overview.csv.measuredIn'), value: (d) => measuredIn(d) },
            { header: t('overview.csv.target'), value: (d) => d.intended?.target },
            { header: t('overview.csv.priority'), value: (d) => d.intended?.priority },
            { header: t('overview.csv.initiatives'), value: (d) => initiativesOf(d).length },
            { header: t('overview.csv.coverage'), value: (d) => t(`overview.coverage.${d.coverage}`) },
            { header: t('overview.col.expected'), value: (d) => csvValue(figureOf(d.expected)) },
            { header: t('overview.csv.expectedN'), value: (d) => d.expected.n },
            { header: t('overview.col.lived'), value: (d) => csvValue(figureOf(d.lived)) },
            { header: t('overview.csv.livedN'), value: (d) => d.lived.n },
            { header: t('overview.col.trend'), value: (d) => csvValue(d.trend) },
            { header: t('overview.col.expectationGap'), value: (d) => d.expectationGap },
            { header: t('overview.col.targetGap'), value: (d) => d.targetGap },
            { header: t('overview.col.calibrationGap'), value: (d) => d.calibrationGap },
          ]}
        />
      </div>
    </>
  );
}

/** The organisation's two facets: the intended target and priority, then the initiatives that propose it. */
function Intended({ dimension: d, initiatives }: { dimension: OverviewDimension; initiatives: Initiative[] }) {
  const { t, lang } = useLang();
  return (
    <div className="fx-intended">
      {d.intended ? (
        <span className="fx-score">
          <span className="fx-score__value">{formatNumber(d.intended.target, lang)}</span>
          <span className="fx-score__detail">{t('overview.priority', { priority: d.intended.priority })}</span>
        </span>
      ) : (
        <span className="fx-muted">{t('overview.notSet')}</span>
      )}
      {d.coverage === 'uncovered' ? <Badge tone="warning">{t('overview.coverage.uncovered')}</Badge> : null}
      {initiatives.length > 0 ? (
        <ul className="fx-initiative-list">
          {initiatives.map((i) => (
            <li key={i.id}>
              {pickText(i.title, lang)} <span className="fx-muted">({t(`overview.status.${i.status}`)})</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Trend({ trend, k, groupKind }: { trend: OverviewDimension['trend']; k: number; groupKind: string }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(groupKind);
  if (trend.value === null) {
    const why = reason(trend.hidden, k);
    return (
      <span className="fx-score fx-score--empty">
        <span className="fx-score__value">{why ? t('figures.hidden') : '—'}</span>
        <span className="fx-score__detail">{why ?? (trend.since ? t('figures.noData') : t('overview.firstWave'))}</span>
      </span>
    );
  }
  // Under a point either way is noise at these n: shown, but not flagged as a move.
  const direction = trend.value >= 1 ? 'up' : trend.value <= -1 ? 'down' : 'flat';
  return (
    <span className={`fx-trend fx-trend--${direction}`}>
      <span className="fx-trend__value">
        <span aria-hidden="true">{direction === 'up' ? '▲ ' : direction === 'down' ? '▼ ' : '■ '}</span>
        {formatSigned(trend.value, lang)}
      </span>
      <span className="fx-score__detail">
        {trend.since ? t('figures.since', { wave: trend.since.label }) : ''} · {counts.n(trend.n)}
      </span>
    </span>
  );
}
