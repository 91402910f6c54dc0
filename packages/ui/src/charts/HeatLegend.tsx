import type { HeatBand } from './heat.ts';

export interface HeatLegendProps {
  /** What the colours stand for, e.g. "Lived score (0–100)". */
  label: string;
  bands: readonly HeatBand[];
  /** How a band's range reads, e.g. "below 40", "40–50", "80 and above" (the caller localizes it). */
  rangeText: (from: number | null, to: number | null) => string;
}

/** The key of a heatmap's colours: one swatch per band with its range in words. */
export function HeatLegend({ label, bands, rangeText }: HeatLegendProps) {
  return (
    <figure className="fx-heat-legend">
      <figcaption>{label}</figcaption>
      <ul>
        {bands.map((band, i) => (
          <li key={band.background}>
            <span className="fx-heat-legend__swatch" style={{ background: band.background }} aria-hidden="true" />
            {rangeText(band.from, bands[i + 1]?.from ?? null)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
