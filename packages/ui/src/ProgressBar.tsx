export interface ProgressBarProps {
  value: number;
  max: number;
  /** Accessible name, e.g. "Survey progress". */
  label: string;
  /** Visible and spoken progress text, e.g. "Question 3 of 12". */
  valueText: string;
}

export function ProgressBar({ value, max, label, valueText }: ProgressBarProps) {
  const clamped = Math.min(Math.max(value, 0), max);
  const percent = max > 0 ? (clamped / max) * 100 : 0;
  return (
    <div className="fx-progress">
      <span className="fx-progress__label" aria-hidden="true">
        {valueText}
      </span>
      <div
        className="fx-progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={clamped}
        aria-valuetext={valueText}
      >
        <div className="fx-progress__bar" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
