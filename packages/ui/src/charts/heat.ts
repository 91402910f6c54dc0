/**
 * Colour bands for heatmap cells, from a red–blue diverging palette that stays readable for the common colour-vision
 * deficiencies. Each band carries the text colour that keeps its contrast at 4.5:1 or more, and the number is always
 * printed: colour is never the only cue.
 */
export interface HeatBand {
  /** Lower bound, inclusive (the first band has none). */
  from: number | null;
  background: string;
  text: string;
}

const DARK = '#1b2230';
const LIGHT = '#ffffff';

/** 0–100 scores and shares: below 40 deep red … 80 and above deep blue. */
export const SCORE_BANDS: readonly HeatBand[] = [
  { from: null, background: '#b2182b', text: LIGHT },
  { from: 40, background: '#ef8a62', text: DARK },
  { from: 50, background: '#fddbc7', text: DARK },
  { from: 60, background: '#d1e5f0', text: DARK },
  { from: 70, background: '#67a9cf', text: DARK },
  { from: 80, background: '#2166ac', text: LIGHT },
];

/** Signed gaps in index points: a shortfall red, on par (±2) neutral, ahead blue. */
export const GAP_BANDS: readonly HeatBand[] = [
  { from: null, background: '#b2182b', text: LIGHT },
  { from: -15, background: '#ef8a62', text: DARK },
  { from: -5, background: '#fddbc7', text: DARK },
  { from: -2, background: '#f7f7f7', text: DARK },
  { from: 2, background: '#d1e5f0', text: DARK },
  { from: 5, background: '#67a9cf', text: DARK },
  { from: 15, background: '#2166ac', text: LIGHT },
];

/** The band a value falls in (the last band whose lower bound it reaches). */
export function heatBand(value: number, bands: readonly HeatBand[]): HeatBand {
  let band = bands[0] as HeatBand;
  for (const b of bands) if (b.from === null || value >= b.from) band = b;
  return band;
}

/** Relative luminance and contrast ratio (WCAG 2), to prove the bands readable in tests. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
