import { describe, expect, it } from 'vitest';
import { contrastRatio, GAP_BANDS, heatBand, SCORE_BANDS } from './heat.ts';

describe('heat bands', () => {
  it('pick the band a value falls in', () => {
    expect(heatBand(12, SCORE_BANDS).background).toBe('#b2182b');
    expect(heatBand(40, SCORE_BANDS).background).toBe('#ef8a62');
    expect(heatBand(79.9, SCORE_BANDS).background).toBe('#67a9cf');
    expect(heatBand(100, SCORE_BANDS).background).toBe('#2166ac');
    expect(heatBand(0, GAP_BANDS).background).toBe('#f7f7f7');
    expect(heatBand(-2.1, GAP_BANDS).background).toBe('#fddbc7');
    expect(heatBand(-40, GAP_BANDS).background).toBe('#b2182b');
  });

  it('keep every printed number at 4.5:1 contrast or more', () => {
    for (const band of [...SCORE_BANDS, ...GAP_BANDS]) {
      expect(contrastRatio(band.background, band.text)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('computes WCAG contrast as published (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
