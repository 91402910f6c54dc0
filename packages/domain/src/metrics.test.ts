import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Bin, ces, csat, favourability, mergeBins, netPromoterScore, sumMoments } from './metrics.ts';
import { SCALE_RANGES, Scale } from './scales.ts';

const binsOn = (scale: Scale) => {
  const { min, max } = SCALE_RANGES[scale];
  return fc.array(fc.record({ value: fc.integer({ min, max }), count: fc.nat(60) }), { maxLength: 20 });
};
const scaleAndBins = fc.constantFrom(...Scale.options).chain((scale) => binsOn(scale).map((bins) => ({ scale, bins })));

describe('favourability', () => {
  it('splits likert5 answers into 4–5, 3 and 1–2', () => {
    // n = 1 + 2 + 3 + 4 + 10 = 20; favourable (4 + 10) / 20 = 70 %, neutral 3 / 20 = 15 %, unfavourable 3 / 20 = 15 %
    const bins = [
      { value: 1, count: 1 },
      { value: 2, count: 2 },
      { value: 3, count: 3 },
      { value: 4, count: 4 },
      { value: 5, count: 10 },
    ];
    expect(favourability('likert5', bins)).toEqual({ n: 20, favourable: 70, neutral: 15, unfavourable: 15 });
  });

  it('uses 5–7 / 4 / 1–3 on ces7 and 9–10 / 7–8 / 0–6 on nps11', () => {
    // ces7: 5 favourable (5, 7), 2 neutral (4), 3 unfavourable (3) of 10 → 50 / 20 / 30
    const ces7 = [
      { value: 7, count: 2 },
      { value: 5, count: 3 },
      { value: 4, count: 2 },
      { value: 3, count: 3 },
    ];
    expect(favourability('ces7', ces7)).toEqual({ n: 10, favourable: 50, neutral: 20, unfavourable: 30 });
    // nps11: 8 and 9 of 4 answers → 9 favourable, 8 neutral, 6 and 0 unfavourable → 25 / 25 / 50
    const nps = [0, 6, 8, 9].map((value) => ({ value, count: 1 }));
    expect(favourability('nps11', nps)).toEqual({ n: 4, favourable: 25, neutral: 25, unfavourable: 50 });
  });

  it('is null without answers and refuses values off the scale', () => {
    expect(favourability('likert5', [])).toBeNull();
    expect(favourability('likert5', [{ value: 4, count: 0 }])).toBeNull();
    expect(() => favourability('likert5', [{ value: 0, count: 1 }])).toThrow('0 is not on the likert5 scale');
    expect(() => favourability('likert5', [{ value: 3, count: -1 }])).toThrow(RangeError);
  });

  it('gives shares within 0–100 that sum to 100, on every scale', () => {
    fc.assert(
      fc.property(scaleAndBins, ({ scale, bins }) => {
        const f = favourability(scale, bins);
        const n = bins.reduce((s, b) => s + b.count, 0);
        if (n === 0) {
          expect(f).toBeNull();
          return;
        }
        expect(f?.n).toBe(n);
        for (const share of [f!.favourable, f!.neutral, f!.unfavourable]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(100);
        }
        expect(f!.favourable + f!.neutral + f!.unfavourable).toBeCloseTo(100, 9);
      }),
    );
  });
});

describe('netPromoterScore', () => {
  it('gives %promoters − %detractors with a 95 % interval', () => {
    // n = 20: promoters 5 + 3 = 8 (40 %), passives 4 + 2 = 6 (30 %), detractors 1 + 3 + 2 = 6 (30 %); score 40 − 30 = 10.
    // SE = sqrt((0.4 + 0.3 − 0.1²) / 20) = sqrt(0.0345) = 0.185742 → ×100 × 1.96 = 36.4055 → 10 ± 36.4055
    const bins = [
      { value: 10, count: 5 },
      { value: 9, count: 3 },
      { value: 8, count: 4 },
      { value: 7, count: 2 },
      { value: 6, count: 1 },
      { value: 3, count: 3 },
      { value: 0, count: 2 },
    ];
    const nps = netPromoterScore(bins)!;
    expect(nps).toMatchObject({ n: 20, promoters: 40, passives: 30, detractors: 30 });
    expect(nps.score).toBeCloseTo(10, 9);
    expect(nps.ci95.low).toBeCloseTo(-26.4055, 3);
    expect(nps.ci95.high).toBeCloseTo(46.4055, 3);
  });

  it('clamps the interval to −100…100', () => {
    // 9 promoters, 1 detractor: score 80; SE = sqrt((0.9 + 0.1 − 0.8²) / 10) = sqrt(0.036) = 0.189737
    // → 80 ± 37.188: the high end 117.19 is clamped to 100, the low end stays at 42.81
    const nps = netPromoterScore([
      { value: 9, count: 9 },
      { value: 2, count: 1 },
    ])!;
    expect(nps.score).toBeCloseTo(80, 9);
    expect(nps.ci95.high).toBe(100);
    expect(nps.ci95.low).toBeCloseTo(42.812, 3);
  });

  it('is null without answers', () => {
    expect(netPromoterScore([])).toBeNull();
  });

  it('stays within −100…100 with an interval that contains the score', () => {
    fc.assert(
      fc.property(binsOn('nps11'), (bins) => {
        const nps = netPromoterScore(bins);
        if (nps === null) {
          expect(bins.every((b) => b.count === 0)).toBe(true);
          return;
        }
        expect(nps.score).toBeGreaterThanOrEqual(-100);
        expect(nps.score).toBeLessThanOrEqual(100);
        expect(nps.score).toBeCloseTo(nps.promoters - nps.detractors, 9);
        expect(nps.ci95.low).toBeGreaterThanOrEqual(-100);
        expect(nps.ci95.high).toBeLessThanOrEqual(100);
        expect(nps.ci95.low).toBeLessThanOrEqual(nps.score + 1e-9);
        expect(nps.ci95.high).toBeGreaterThanOrEqual(nps.score - 1e-9);
      }),
    );
  });
});

describe('csat and ces', () => {
  it('gives CSAT as the share of 4–5', () => {
    // n = 6 + 3 + 1 + 2 = 12; satisfied 6 + 3 = 9 → 9 / 12 = 75 %
    const bins = [
      { value: 5, count: 6 },
      { value: 4, count: 3 },
      { value: 3, count: 1 },
      { value: 1, count: 2 },
    ];
    expect(csat(bins)).toEqual({ n: 12, score: 75 });
    expect(csat([])).toBeNull();
  });

  it('gives CES as the mean raw score and its index', () => {
    // n = 10; sum = 7×2 + 6×3 + 4×4 + 1×1 = 49; mean 4.9; index (4.9 − 1) / 6 × 100 = 65
    const bins = [
      { value: 7, count: 2 },
      { value: 6, count: 3 },
      { value: 4, count: 4 },
      { value: 1, count: 1 },
    ];
    const c = ces(bins)!;
    expect(c.n).toBe(10);
    expect(c.mean).toBeCloseTo(4.9, 9);
    expect(c.index).toBeCloseTo(65, 9);
    expect(ces([])).toBeNull();
  });

  it('keeps the CES mean within 1–7 and its index within 0–100', () => {
    fc.assert(
      fc.property(binsOn('ces7'), (bins) => {
        const c = ces(bins);
        if (c === null) return;
        expect(c.mean).toBeGreaterThanOrEqual(1 - 1e-9);
        expect(c.mean).toBeLessThanOrEqual(7 + 1e-9);
        expect(c.index).toBeGreaterThanOrEqual(-1e-9);
        expect(c.index).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });
});

describe('sumMoments and mergeBins', () => {
  it('adds moments and histograms', () => {
    // {2, 4} and {6}: n 2 + 1 = 3, sum 6 + 6 = 12, sumSq (4 + 16) + 36 = 56
    expect(
      sumMoments([
        { n: 2, sum: 6, sumSq: 20 },
        { n: 1, sum: 6, sumSq: 36 },
      ]),
    ).toEqual({ n: 3, sum: 12, sumSq: 56 });
    expect(sumMoments([])).toEqual({ n: 0, sum: 0, sumSq: 0 });
    // value 1: 1 + 4 = 5; value 3: 2; value 5: 0 (kept, as given)
    expect(
      mergeBins([
        [
          { value: 3, count: 2 },
          { value: 1, count: 1 },
        ],
        [
          { value: 1, count: 4 },
          { value: 5, count: 0 },
        ],
      ]),
    ).toEqual([
      { value: 1, count: 5 },
      { value: 3, count: 2 },
      { value: 5, count: 0 },
    ]);
  });

  it('merges histograms into sorted distinct values, keeping every count, in any order', () => {
    fc.assert(
      fc.property(fc.array(binsOn('nps11'), { maxLength: 5 }), (list) => {
        const merged = mergeBins(list);
        const total = (bins: readonly Bin[]) => bins.reduce((s, b) => s + b.count, 0);
        expect(total(merged)).toBe(list.reduce((s, bins) => s + total(bins), 0));
        for (let i = 1; i < merged.length; i++) expect(merged[i]!.value).toBeGreaterThan(merged[i - 1]!.value);
        expect(mergeBins([...list].reverse())).toEqual(merged);
        const f = favourability('nps11', merged);
        if (f) expect(f.n).toBe(total(merged));
      }),
    );
  });
});
