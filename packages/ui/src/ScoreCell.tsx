export interface ScoreCellProps {
  /** 0–100 index, null when hidden or when nobody answered. */
  score: number | null;
  /** Respondent count as text, e.g. "n = 42" (the caller localizes it). */
  nText: string;
  /** When set, the score is withheld and this explains why, e.g. "fewer than 5 respondents". */
  hiddenReason?: string | null | undefined;
  /** Short word shown in place of a withheld score, e.g. "Hidden". */
  hiddenText: string;
  /** Shown when there is no data at all, e.g. "No data". */
  emptyText: string;
  locale: string;
}

/** A 0–100 score with its respondent count, or the reason it is withheld: never an unexplained blank. */
export function ScoreCell(props: ScoreCellProps) {
  if (props.hiddenReason) {
    return (
      <span className="fx-score fx-score--hidden">
        <span className="fx-score__value">
          <LockIcon />
          {props.hiddenText}
        </span>
        <span className="fx-score__detail">{props.hiddenReason}</span>
      </span>
    );
  }
  if (props.score === null) {
    return (
      <span className="fx-score fx-score--empty">
        <span className="fx-score__value">{props.emptyText}</span>
        <span className="fx-score__detail">{props.nText}</span>
      </span>
    );
  }
  const text = new Intl.NumberFormat(props.locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    props.score,
  );
  const width = Math.min(Math.max(props.score, 0), 100);
  return (
    <span className="fx-score">
      <span className="fx-score__value">{text}</span>
      <span className="fx-score__meter" aria-hidden="true">
        <span style={{ width: `${width}%` }} />
      </span>
      <span className="fx-score__detail">{props.nText}</span>
    </span>
  );
}

function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ marginRight: 4 }}>
      <path
        fill="currentColor"
        d="M8 1a4 4 0 0 0-4 4v2H3a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-1V5a4 4 0 0 0-4-4Zm-2 6V5a2 2 0 1 1 4 0v2H6Z"
      />
    </svg>
  );
}

export interface GapProps {
  /** Index points; negative is a shortfall. Null when a side is missing or hidden. */
  value: number | null;
  /** What the gap means in words, e.g. "below expectations"; colour is never the only cue. */
  text: string;
  locale: string;
}

/** Signed gaps: ±2 points reads as on par, below −5 as a clear shortfall. */
export function gapTone(value: number | null): 'none' | 'positive' | 'slight' | 'negative' {
  if (value === null) return 'none';
  if (value >= -2) return 'positive';
  if (value >= -5) return 'slight';
  return 'negative';
}

export function formatSigned(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
  }).format(value);
}

export function Gap({ value, text, locale }: GapProps) {
  const tone = gapTone(value);
  return (
    <span className={`fx-gap fx-gap--${tone}`}>
      <span className="fx-gap__value">{value === null ? '—' : formatSigned(value, locale)}</span>
      <span className="fx-gap__text">{text}</span>
    </span>
  );
}
