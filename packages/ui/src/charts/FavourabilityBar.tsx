export interface FavourabilityBarProps {
  /** Shares in % of unfavourable, neutral and favourable answers (they add up to 100). */
  unfavourable: number;
  neutral: number;
  favourable: number;
  /** The three shares in words, for assistive technology and for print (e.g. "Favourable 50 %, neutral 12.5 %…"). */
  label: string;
}

/**
 * One answer's spread as a single bar: unfavourable, neutral and favourable shares side by side, the way
 * engagement reports draw each question. Plain boxes of relative width, so it scales to any column and prints.
 */
export function FavourabilityBar({ unfavourable, neutral, favourable, label }: FavourabilityBarProps) {
  const parts = [
    { key: 'unfavourable', share: unfavourable },
    { key: 'neutral', share: neutral },
    { key: 'favourable', share: favourable },
  ].filter((p) => p.share > 0);
  return (
    <div className="fx-favbar" role="img" aria-label={label}>
      {parts.map((p) => (
        <span key={p.key} className={`fx-favbar__part fx-favbar__part--${p.key}`} style={{ width: `${p.share}%` }} />
      ))}
    </div>
  );
}
