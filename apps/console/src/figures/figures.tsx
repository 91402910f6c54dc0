import { formatNumber, pickText, useLang, useSearchParam } from '@facets/portal-kit';
import { formatSigned, Gap, gapTone, ScoreCell } from '@facets/ui';
import type { CsvColumn } from '../export/csv.ts';
import { countKeys } from './counting.ts';

/** A figure as the API sends it: the value (null when withheld), the n it stands on, and why it is withheld. */
export interface Figure {
  value: number | null;
  n: number;
  hidden: string | null;
}

/** The reason a figure is withheld, in words (null when it is shown or simply has no data). */
export function useHiddenReason(): (hidden: string | null, k: number) => string | null {
  const { t } = useLang();
  return (hidden, k) => (hidden && hidden !== 'no_data' ? t(`figures.reason.${hidden}`, { k }) : null);
}

/**
 * A group's counts in words, by what its anonymity rule counts (counting.ts): "n = 9" and "at least 5 people", or for
 * suppliers "n = 9 contacts" and "at least 3 companies".
 */
export function useCountWords(groupKind?: string | null) {
  const { t, lang } = useLang();
  const keys = countKeys(groupKind);
  return {
    n: (n: number) => t(keys.n, { n: formatNumber(n, lang), count: n }),
    respondents: (n: number) => t(keys.respondents, { n: formatNumber(n, lang), count: n }),
    anonymity: (k: number, commentK: number) => t(keys.anonymity, { k, commentK }),
    anonymityScores: (k: number) => t(keys.anonymityScores, { k }),
    column: () => t(keys.column),
    respondentsHidden: (reason: string | null) => t(keys.respondentsHidden, { reason }),
    respondentsIn: (n: number, wave: string) => t(keys.respondentsIn, { count: n, wave }),
    commenters: (n: number) => t(keys.commenters, { n: formatNumber(n, lang), count: n }),
    driversInsufficient: (min: number, n: number) =>
      t(keys.driversInsufficient, { min, nText: t(keys.n, { n: formatNumber(n, lang), count: n }) }),
    driversCorrelationOnly: (min: number) => t(keys.driversCorrelationOnly, { min }),
  };
}

/** A 0–100 score (or a share in %) with its n, or "Hidden" with the reason in words. */
export function FigureCell({ figure, k, groupKind }: { figure: Figure; k: number; groupKind?: string | null }) {
  const { t, lang } = useLang();
  const reason = useHiddenReason();
  const counts = useCountWords(groupKind);
  return (
    <ScoreCell
      score={figure.value}
      nText={counts.n(figure.n)}
      hiddenReason={reason(figure.hidden, k)}
      hiddenText={t('figures.hidden')}
      emptyText={t('figures.noData')}
      locale={lang}
    />
  );
}

/**
 * A signed gap with its words. `inverted` reads a positive value as the risk (calibration: expectations above the
 * intended target), so that the colour follows what is good, not the sign.
 */
export function GapFigure({ value, text, inverted }: { value: number | null; text: string; inverted?: boolean }) {
  const { lang } = useLang();
  if (!inverted) return <Gap value={value} text={text} locale={lang} />;
  return (
    <span className={`fx-gap fx-gap--${gapTone(value === null ? null : -value)}`}>
      <span className="fx-gap__value">{value === null ? '—' : formatSigned(value, lang)}</span>
      <span className="fx-gap__text">{text}</span>
    </span>
  );
}

/** The padlock beside a withheld figure (decorative: the words say it). */
export function Lock() {
  return (
    <svg className="fx-lock" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a4 4 0 0 0-4 4v2H3a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-1V5a4 4 0 0 0-4-4Zm-2 6V5a2 2 0 1 1 4 0v2H6Z"
      />
    </svg>
  );
}

/** The value of a figure for a CSV cell: empty when hidden, as on screen. */
export const csvValue = (f: Figure | null | undefined) => (f && f.hidden === null ? f.value : null);

/** Two CSV columns per dimension — its figure and its n — for a table of rows × dimensions (empty when hidden). */
export function figureColumns<R>(
  dimensions: readonly { id: string; name: string }[],
  nHeader: (name: string) => string,
  cellOf: (row: R, dimensionId: string) => Figure | null | undefined,
): CsvColumn<R>[] {
  return dimensions.flatMap((d) => [
    { header: d.name, value: (row: R) => csvValue(cellOf(row, d.id)) },
    { header: nHeader(d.name), value: (row: R) => (cellOf(row, d.id)?.hidden ? null : cellOf(row, d.id)?.n) },
  ]);
}

/**
 * What a results page reports on, as its link says (`?survey=…&wave=…`): a survey of a group and optionally one of
 * its waves; empty for the group's headline survey and latest published wave.
 */
export interface Selection {
  surveyId?: string;
  waveId?: string;
}

/** The selection of the current page's link. */
export function useSelection(): Selection {
  const surveyId = useSearchParam('survey');
  const waveId = useSearchParam('wave');
  return { ...(surveyId ? { surveyId } : {}), ...(waveId ? { waveId } : {}) };
}

/** The query string that carries a selection ('' for none). */
export function selectionSearch(selection: Selection | null | undefined): string {
  const params = new URLSearchParams();
  if (selection?.surveyId) params.set('survey', selection.surveyId);
  if (selection?.waveId) params.set('wave', selection.waveId);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The selection a view reported on (its programme as the API names it), for the links it offers. */
export function programmeSelection(programme: { surveyId: string; chosenWave: string | null } | null): Selection {
  if (!programme) return {};
  return { surveyId: programme.surveyId, ...(programme.chosenWave ? { waveId: programme.chosenWave } : {}) };
}

/** Where the console shows one dimension of one group (optionally filtered to a segment, in a chosen survey). */
export function dimensionPath(
  groupId: string,
  dimensionId: string,
  segment?: { key: string; value: string } | null,
  selection?: Selection | null,
) {
  const base = `groups/${encodeURIComponent(groupId)}/dimensions/${encodeURIComponent(dimensionId)}`;
  const path = segment
    ? `${base}/segment/${encodeURIComponent(segment.key)}/${encodeURIComponent(segment.value)}`
    : base;
  return `${path}${selectionSearch(selection)}`;
}

/** A newer wave not shown yet, as the API sends it. */
export interface PendingWave {
  wave: { id: string; label: string };
  survey: { id: string; title: { fr: string; en: string } };
  respondents: { n: number; hidden: string | null };
  countsCompanies: boolean;
}

/**
 * Says which waves are under way: their results are published when they close; until then the figures stay those
 * of the latest published wave, and how many answered is said only from k on.
 */
export function PendingWaves({
  pending,
  k,
  surveyId,
}: {
  pending: readonly PendingWave[];
  k: number;
  /** The survey the page reports on: a wave of another survey is named with its survey. */
  surveyId?: string | undefined;
}) {
  const { t, lang } = useLang();
  if (pending.length === 0) return null;
  const labelOf = (p: PendingWave) =>
    p.survey.id === surveyId
      ? p.wave.label
      : t('figures.waveOf', { wave: p.wave.label, survey: pickText(p.survey.title, lang) });
  return (
    <p className="fx-hint" role="note">
      {pending
        .map((p) =>
          p.respondents.hidden === null
            ? t('figures.pending', {
                label: labelOf(p),
                count: p.respondents.n,
                n: formatNumber(p.respondents.n, lang),
                k,
              })
            : t(p.countsCompanies ? 'figures.pendingFewCompanies' : 'figures.pendingFew', { label: labelOf(p), k }),
        )
        .join(' ')}
    </p>
  );
}
