export interface Segment {
  value: string;
  label: string;
  /** Language of the label when it differs from the page's (e.g. "Français" on an English page). */
  lang?: string;
}

export interface SegmentedControlProps {
  label: string;
  segments: readonly Segment[];
  value: string;
  onChange: (value: string) => void;
}

/** A small group of toggle buttons (aria-pressed), e.g. the language switch. */
export function SegmentedControl({ label, segments, value, onChange }: SegmentedControlProps) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a visible legend and spacing to the header
    <div className="fx-segmented" role="group" aria-label={label}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          lang={s.lang}
          aria-pressed={s.value === value}
          onClick={() => onChange(s.value)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
