import type { ChainView } from '@facets/api';
import type { ChainMeasure } from '@facets/domain';
import { ErrorAlert, formatNumber, type Me, pickText, useLang, useTRPC } from '@facets/portal-kit';
import { Alert, Card, DataTable, EmptyState, Loading, PageHeader, ScatterChart, Select } from '@facets/ui';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ExportButton } from '../export/ExportButton.tsx';
import { useCountWords } from '../figures/figures.tsx';

/** A measure as a picker value: `d|<dimensionId>|lived`, `d|<dimensionId>|expected` or `o|<scale>`. */
const encode = (m: ChainMeasure) => (m.kind === 'dimension' ? `d|${m.dimensionId}|${m.facet}` : `o|${m.scale}`);
function decode(value: string): ChainMeasure | null {
  const [kind, a, b] = value.split('|');
  if (kind === 'd' && a && (b === 'lived' || b === 'expected')) return { kind: 'dimension', dimensionId: a, facet: b };
  if (kind === 'o' && (a === 'likert5' || a === 'nps11' || a === 'csat5' || a === 'ces7')) {
    return { kind: 'outcome', scale: a };
  }
  return null;
}

/**
 * The experience chain: two groups' published figures over the units they share (sites, stores, regions), the
 * correlation with its interval and n, and the warning that it is not cause. Units withheld in either group are only
 * counted (the API decides: `insights.chain`).
 */
export function ChainPage({ me }: { me: Me }) {
  const { t, lang } = useLang();
  const trpc = useTRPC();
  const overview = useQuery(trpc.insights.overview.queryOptions());
  const groups = overview.data?.groups ?? [];
  // By default the first employee group against the first customer group (the service–profit chain).
  const byKind = (kind: string, not?: string) => groups.find((g) => g.kind === kind && g.id !== not)?.id;
  const [chosenX, setX] = useState('');
  const [chosenY, setY] = useState('');
  const xId = chosenX || byKind('employee') || groups[0]?.id || '';
  const yId = chosenY || byKind('customer', xId) || groups.find((g) => g.id !== xId)?.id || '';
  const segments = useQueries({
    queries: [xId, yId].map((groupId) => ({
      ...trpc.insights.segments.queryOptions({ groupId }),
      enabled: groupId !== '',
    })),
  });
  const [xSegments, ySegments] = segments.map((s) => s.data?.segments ?? []);
  const sharedKeys = (xSegments ?? []).filter((a) => (ySegments ?? []).some((b) => b.key === a.key));
  const [chosenKey, setKey] = useState('');
  const attribute = sharedKeys.some((a) => a.key === chosenKey) ? chosenKey : (sharedKeys[0]?.key ?? '');

  const optionsOf = (groupId: string) => {
    const g = groups.find((x) => x.id === groupId);
    if (!g) return [];
    const outcomes = g.outcomes.map((o) => ({
      value: encode({ kind: 'outcome', scale: o.scale }),
      label: t(`overview.outcome.${o.metric}`, { context: g.kind === 'employee' ? 'employee' : undefined }),
    }));
    const dimensions = g.dimensions.flatMap((d) =>
      (['lived', 'expected'] as const)
        .filter((facet) => d.asked[facet])
        .map((facet) => ({
          value: encode({ kind: 'dimension', dimensionId: d.id, facet }),
          label: t(`chain.${facet}`, { dimension: pickText(d.label, lang) }),
        })),
    );
    return [...outcomes, ...dimensions];
  };
  const [chosenXMeasure, setXMeasure] = useState('');
  const [chosenYMeasure, setYMeasure] = useState('');
  const xOptions = optionsOf(xId);
  const yOptions = optionsOf(yId);
  // The first side defaults to a lived dimension, the second to its headline outcome (NPS, CSAT…).
  const pick = (chosen: string, options: { value: string }[], prefer: string) =>
    options.some((o) => o.value === chosen)
      ? chosen
      : (options.find((o) => o.value.startsWith(prefer))?.value ?? options[0]?.value ?? '');
  const xMeasure = decode(pick(chosenXMeasure, xOptions, 'd|'));
  const yMeasure = decode(pick(chosenYMeasure, yOptions, 'o|'));

  const ready = xId !== '' && yId !== '' && attribute !== '' && xMeasure !== null && yMeasure !== null;
  const chain = useQuery({
    ...trpc.insights.chain.queryOptions({
      attribute,
      x: { groupId: xId, measure: xMeasure ?? { kind: 'outcome', scale: 'nps11' } },
      y: { groupId: yId, measure: yMeasure ?? { kind: 'outcome', scale: 'nps11' } },
    }),
    enabled: ready,
    placeholderData: (p) => p,
  });

  const groupOptions = groups.map((g) => ({ value: g.id, label: pickText(g.label, lang) }));
  return (
    <div className="fx-stack">
      <PageHeader title={t('chain.title')} description={t('chain.intro')} />
      {overview.isPending ? <Loading label={t('app.loading')} /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} /> : null}
      {overview.data && groups.length < 2 ? <Alert tone="info">{t('chain.fewGroups')}</Alert> : null}
      {groups.length >= 2 ? (
        <search className="fx-filters" aria-label={t('chain.title')}>
          <Select
            label={t('chain.first')}
            value={xId}
            onChange={(e) => setX(e.currentTarget.value)}
            options={groupOptions.filter((o) => o.value !== yId)}
          />
          <Select
            label={`${t('chain.measure')} (${pickText(groups.find((g) => g.id === xId)?.label, lang)})`}
            value={xMeasure ? encode(xMeasure) : ''}
            onChange={(e) => setXMeasure(e.currentTarget.value)}
            options={xOptions}
          />
          <Select
            label={t('chain.second')}
            value={yId}
            onChange={(e) => setY(e.currentTarget.value)}
            options={groupOptions.filter((o) => o.value !== xId)}
          />
          <Select
            label={`${t('chain.measure')} (${pickText(groups.find((g) => g.id === yId)?.label, lang)})`}
            value={yMeasure ? encode(yMeasure) : ''}
            onChange={(e) => setYMeasure(e.currentTarget.value)}
            options={yOptions}
          />
          <Select
            label={t('chain.attribute')}
            value={attribute}
            disabled={sharedKeys.length === 0}
            onChange={(e) => setKey(e.currentTarget.value)}
            options={sharedKeys.map((a) => ({ value: a.key, label: pickText(a.label, lang) }))}
          />
        </search>
      ) : null}
      {segments.every((s) => s.isSuccess) && sharedKeys.length === 0 && groups.length >= 2 ? (
        <EmptyState title={t('chain.noAttributeTitle')}>{t('chain.noAttributeBody')}</EmptyState>
      ) : null}
      {chain.isError ? <ErrorAlert error={chain.error} onRetry={() => void chain.refetch()} /> : null}
      {ready && chain.isPending ? <Loading label={t('app.loading')} /> : null}
      {ready && chain.data ? <ChainResult view={chain.data} busy={chain.isFetching} me={me} /> : null}
    </div>
  );
}

function ChainResult({ view, busy, me }: { view: ChainView; busy: boolean; me: Me }) {
  const { t, lang } = useLang();
  const unitName = pickText(view.attribute.label, lang);
  const groupName = (side: ChainView['x']) => pickText(side.group.label, lang);
  const measureName = (side: ChainView['x']) =>
    side.measure.kind === 'dimension'
      ? t(`chain.${side.measure.facet}`, { dimension: pickText(side.measure.label ?? undefined, lang) })
      : t(`overview.outcome.${side.measure.metric}`, {
          context: side.group.kind === 'employee' ? 'employee' : undefined,
        });
  const axis = (side: ChainView['x']) => `${measureName(side)} — ${groupName(side)}`;
  const bounds = (side: ChainView['x']): [number, number] =>
    side.measure.kind === 'outcome' && side.measure.metric === 'nps' ? [-100, 100] : [0, 100];
  const c = view.correlation;
  const num = (v: number, digits = 2) => formatNumber(v, lang, digits);
  const title = t('chain.chartTitle', { x: measureName(view.x), y: measureName(view.y), unit: unitName });
  const xCounts = useCountWords(view.x.group.kind);
  const yCounts = useCountWords(view.y.group.kind);
  const waveLine = (side: ChainView['x']) =>
    side.wave
      ? t('chain.waveOf', { group: groupName(side), wave: side.wave.label })
      : t('chain.noWave', { group: groupName(side) });
  return (
    <>
      <Card>
        <div className="fx-stack">
          {c.pearson ? (
            <p>
              <strong>
                {t('chain.sentence', {
                  n: c.n,
                  unit: unitName,
                  r: num(c.pearson.r),
                  low: num(c.pearson.ci95.low),
                  high: num(c.pearson.ci95.high),
                  rho: c.spearman === null ? '—' : num(c.spearman),
                  strength: t(
                    c.strength === 'none' || c.strength === null
                      ? 'chain.strength.none'
                      : `chain.strength.${c.strength}_${c.direction ?? 'positive'}`,
                  ),
                })}
              </strong>
            </p>
          ) : c.caveats.includes('no_spread') ? (
            <p>{t('chain.noSpread')}</p>
          ) : (
            <p>{t('chain.noFigure', { count: c.n })}</p>
          )}
          <Alert tone="warning">{t('chain.notCause')}</Alert>
          {c.pearson
            ? c.caveats
                .filter((x) => x === 'few_units' || x === 'interval_includes_zero')
                .map((x) => (
                  <p key={x} className="fx-hint">
                    {t(`chain.caveat.${x}`)}
                  </p>
                ))
            : null}
          {view.excluded > 0 ? (
            <p className="fx-hint">{t('chain.excluded', { count: view.excluded, shared: view.shared })}</p>
          ) : null}
          <p className="fx-hint">
            {waveLine(view.x)} · {waveLine(view.y)} · {xCounts.anonymityScores(me.organization.kThreshold)}
          </p>
        </div>
      </Card>
      {view.units.length > 0 ? (
        <Card title={title}>
          <ScatterChart
            title={title}
            xLabel={axis(view.x)}
            yLabel={axis(view.y)}
            xBounds={bounds(view.x)}
            yBounds={bounds(view.y)}
            fit={c.pearson !== null}
            points={view.units.map((u) => ({
              id: u.value,
              label: pickText(u.label, lang),
              x: u.x.value ?? 0,
              y: u.y.value ?? 0,
            }))}
          />
          <div className="fx-row fx-row--between">
            <span />
            <ExportButton
              title={t('chain.tableTitle')}
              rows={view.units}
              columns={[
                { header: t('chain.unit'), value: (u) => pickText(u.label, lang) },
                { header: axis(view.x), value: (u) => u.x.value },
                { header: `${axis(view.x)} (${t('chain.n')})`, value: (u) => u.x.n },
                { header: axis(view.y), value: (u) => u.y.value },
                { header: `${axis(view.y)} (${t('chain.n')})`, value: (u) => u.y.n },
              ]}
            />
          </div>
          <DataTable title={t('chain.tableTitle')} busy={busy} columns={[unitName, axis(view.x), axis(view.y)]}>
            {view.units.map((u) => (
              <tr key={u.value}>
                <th scope="row">{pickText(u.label, lang)}</th>
                <td>
                  {formatNumber(u.x.value ?? 0, lang, 1)} <span className="fx-muted">({xCounts.n(u.x.n)})</span>
                </td>
                <td>
                  {formatNumber(u.y.value ?? 0, lang, 1)} <span className="fx-muted">({yCounts.n(u.y.n)})</span>
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ) : null}
    </>
  );
}
