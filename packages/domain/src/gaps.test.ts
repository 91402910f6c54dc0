import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage, gapsOf, promiseDrift, type WavePoint } from './gaps.ts';
import { InitiativeStatus } from './model.ts';

describe('gapsOf', () => {
  it('gives the three gaps in index points', () => {
    // expectationGap 62 − 75 = −13; targetGap 62 − 80 = −18; calibrationGap 75 − 80 = −5
    expect(gapsOf({ intendedTarget: 80, expected: 75, lived: 62 })).toEqual({
      expectationGap: -13,
      targetGap: -18,
      calibrationGap: -5,
    });
  });

  it('leaves a gap null when one of its sides is unknown', () => {
    expect(gapsOf({ intendedTarget: null, expected: 70, lived: 72.5 })).toEqual({
      expectationGap: 2.5,
      targetGap: null,
      calibrationGap: null,
    });
    expect(gapsOf({ intendedTarget: 80, expected: null, lived: null })).toEqual({
      expectationGap: null,
      targetGap: null,
      calibrationGap: null,
    });
  });

  it('adds up: expectationGap + calibrationGap = targetGap', () => {
    const score = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(score, score, score, (intendedTarget, expected, lived) => {
        const g = gapsOf({ intendedTarget, expected, lived });
        if (g.expectationGap !== null && g.calibrationGap !== null) {
          expect(g.expectationGap + g.calibrationGap).toBeCloseTo(g.targetGap!, 9);
        }
      }),
    );
  });
});

describe('coverage', () => {
  const intended = [
    { groupId: 'g1', dimensionId: 'd2' },
    { groupId: 'g1', dimensionId: 'd1' },
    { groupId: 'g2', dimensionId: 'd1' },
  ];

  it('finds intended cells without a live initiative and initiatives without an intent', () => {
    const result = coverage({
      intended,
      initiatives: [
        { id: 'i1', status: 'active', targets: [{ groupId: 'g1', dimensionId: 'd1' }] },
        // planned: not yet backing g2 × d1, and its target g2 × d9 has no intent
        {
          id: 'i2',
          status: 'planned',
          targets: [
            { groupId: 'g2', dimensionId: 'd1' },
            { groupId: 'g2', dimensionId: 'd9' },
          ],
        },
        // cancelled: neither backs nor counts as unaligned
        {
          id: 'i3',
          status: 'cancelled',
          targets: [
            { groupId: 'g1', dimensionId: 'd2' },
            { groupId: 'g3', dimensionId: 'd1' },
          ],
        },
        { id: 'i0', status: 'delivered', targets: [{ groupId: 'g3', dimensionId: 'd1' }] },
      ],
    });
    expect(result.uncovered).toEqual([
      { groupId: 'g1', dimensionId: 'd2' },
      { groupId: 'g2', dimensionId: 'd1' },
    ]);
    expect(result.unaligned).toEqual([
      { initiativeId: 'i0', groupId: 'g3', dimensionId: 'd1' },
      { initiativeId: 'i2', groupId: 'g2', dimensionId: 'd9' },
    ]);
  });

  it('partitions intended cells into covered and uncovered, whatever the order of the input', () => {
    const cell = fc.record({
      groupId: fc.constantFrom('g1', 'g2', 'g3'),
      dimensionId: fc.constantFrom('d1', 'd2', 'd3'),
    });
    const initiative = fc.record({
      id: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
      status: fc.constantFrom(...InitiativeStatus.options),
      targets: fc.array(cell, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 9 }), fc.array(initiative, { maxLength: 5 }), (cells, initiatives) => {
        const result = coverage({ intended: cells, initiatives });
        const same = (a: { groupId: string; dimensionId: string }, b: { groupId: string; dimensionId: string }) =>
          a.groupId === b.groupId && a.dimensionId === b.dimensionId;
        for (const c of cells) {
          const backed = initiatives.some(
            (i) => (i.status === 'active' || i.status === 'delivered') && i.targets.some((t) => same(t, c)),
          );
          expect(result.uncovered.some((u) => same(u, c))).toBe(!backed);
        }
        for (const u of result.unaligned) expect(cells.some((c) => same(c, u))).toBe(false);
        expect(coverage({ intended: [...cells].reverse(), initiatives: [...initiatives].reverse() })).toEqual(result);
      }),
    );
  });
});

describe('promiseDrift', () => {
  it('compares the rise of expectations with the rise of the lived experience', () => {
    // usable waves 1, 2, 4 (wave 3 has no lived score): expected 60 → 72 (+12), lived 58 → 61 (+3);
    // drift = 12 − 3 = 9 >= 5 and expectations rose → alert
    const series: WavePoint[] = [
      { sequence: 4, expected: 72, lived: 61 },
      { sequence: 1, expected: 60, lived: 58 },
      { sequence: 3, expected: 70, lived: null },
      { sequence: 2, expected: 66, lived: 60 },
    ];
    expect(promiseDrift(series)).toEqual({ drift: 9, expectedChange: 12, livedChange: 3, waves: 3, alert: true });
    // with a threshold of 10, the same drift raises no alert
    expect(promiseDrift(series, 10).alert).toBe(false);
  });

  it('raises no alert when the lived experience falls while expectations stay put', () => {
    // expected 70 → 70 (0), lived 70 → 60 (−10): drift 0 − (−10) = 10, but expectations did not rise
    const r = promiseDrift([
      { sequence: 1, expected: 70, lived: 70 },
      { sequence: 2, expected: 70, lived: 60 },
    ]);
    expect(r).toEqual({ drift: 10, expectedChange: 0, livedChange: -10, waves: 2, alert: false });
  });

  it('needs two waves where both facets are known', () => {
    expect(
      promiseDrift([
        { sequence: 1, expected: 60, lived: null },
        { sequence: 2, expected: 80, lived: 50 },
      ]),
    ).toEqual({ drift: null, expectedChange: null, livedChange: null, waves: 1, alert: false });
  });

  it('has the sign of expected change minus lived change, and alerts only on a rise beyond the threshold', () => {
    const point = fc.record({
      sequence: fc.integer({ min: 1, max: 50 }),
      expected: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
      lived: fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(point, { selector: (p) => p.sequence, maxLength: 8 }), (series) => {
        const r = promiseDrift(series);
        if (r.drift === null) {
          expect(r.alert).toBe(false);
          return;
        }
        // Independently: the drift is how much the expectation gap (lived − expected) widened.
        const known = series
          .filter((p) => p.expected !== null && p.lived !== null)
          .sort((a, b) => a.sequence - b.sequence);
        const gap = (p: WavePoint) => p.lived! - p.expected!;
        const widening = gap(known[0]!) - gap(known[known.length - 1]!);
        expect(r.drift).toBeCloseTo(widening, 9);
        if (Math.abs(widening) > 1e-9) expect(Math.sign(r.drift)).toBe(Math.sign(widening));
        if (r.alert) expect(r.drift >= 5 && r.expectedChange! > 0).toBe(true);
        if (r.drift >= 5 && r.expectedChange! > 0) expect(r.alert).toBe(true);
        expect(promiseDrift([...series].reverse())).toEqual(r);
      }),
    );
  });
});
