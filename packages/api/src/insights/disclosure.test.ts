import { describe, expect, it } from 'vitest';
import type { WaveData } from './cells.ts';
import { filterRefusal, populationRow, rowsOf, segmentVisibility } from './disclosure.ts';

/** The disclosure rules on hand-made aggregates (k = 3): one lived dimension D, answered on likert5. */

const K = 3;
const D = 'dim-d';

interface Spec {
  /** Respondents per segment ('key=value'; '' for the whole group). */
  respondents: Record<string, number>;
  /** Answers to D per segment, each a raw likert5 value (all 5 unless given). */
  answers?: Record<string, number[]>;
  overlaps?: [string, string, number][];
}

/** Builds a wave: D's cells (n, sum of indices, histogram) from the answers, every respondent answering by default. */
function wave(spec: Spec): WaveData {
  const cells: WaveData['cells'] = [];
  const bins: WaveData['bins'] = [];
  for (const [id, n] of Object.entries(spec.respondents)) {
    const [key, value] = id === '' ? ['', ''] : (id.split('=') as [string, string]);
    const values = spec.answers?.[id] ?? Array.from({ length: n }, () => 5);
    if (values.length === 0) continue;
    const base = { waveId: 'w', groupId: 'g', segmentKey: key, segmentValue: value, dimensionId: D };
    const indices = values.map((v) => (v - 1) * 25);
    cells.push({
      ...base,
      facet: 'lived',
      scale: 'likert5',
      n: values.length,
      sum: indices.reduce((s, x) => s + x, 0),
      sumSq: indices.reduce((s, x) => s + x * x, 0),
    });
    for (const v of new Set(values)) {
      bins.push({ ...base, facet: 'lived', scale: 'likert5', value: v, count: values.filter((x) => x === v).length });
    }
  }
  return {
    wave: { id: 'w', label: 'W', sequence: 1 },
    cells,
    bins,
    respondents: Object.entries(spec.respondents).map(([id, n]) => {
      const [segmentKey, segmentValue] = id === '' ? ['', ''] : (id.split('=') as [string, string]);
      return { segmentKey, segmentValue, n };
    }),
    overlaps: (spec.overlaps ?? []).map(([a, b, n]) => {
      const [keyA, valueA] = a.split('=') as [string, string];
      const [keyB, valueB] = b.split('=') as [string, string];
      return { keyA, valueA, keyB, valueB, n };
    }),
  };
}

const lived = (data: WaveData, key: string) =>
  Object.fromEntries(
    rowsOf(data, key, K).map((r) => {
      const cell = r.cells.get(`${D}|lived`);
      return [r.value, cell ? cell.hidden : 'absent'];
    }),
  );

describe('rowsOf', () => {
  it('hides a value below k and the smallest other value with it', () => {
    const data = wave({ respondents: { '': 13, 'dept=it': 6, 'dept=sales': 5, 'dept=hr': 2 } });
    expect(lived(data, 'dept')).toEqual({ hr: 'below_k', it: null, sales: 'complementary' });
    expect(Object.fromEntries(rowsOf(data, 'dept', K).map((r) => [r.value, r.respondents]))).toEqual({
      hr: { n: 2, hidden: 'below_k' },
      it: { n: 6, hidden: null },
      sales: { n: 5, hidden: 'complementary' },
    });
  });

  it('counts the respondents without a value as a sibling that is never shown', () => {
    const data = wave({ respondents: { '': 13, 'dept=it': 6, 'dept=sales': 5 } });
    expect(lived(data, 'dept')).toEqual({ it: null, sales: 'complementary' });
    // with 3 or more without a value, nothing more needs hiding
    expect(lived(wave({ respondents: { '': 14, 'dept=it': 6, 'dept=sales': 5 } }), 'dept')).toEqual({
      it: null,
      sales: null,
    });
  });

  it('judges each dimension’s cells by their own n', () => {
    // everyone answered, but only one sales person answered D: D's sales cell is below k, its IT cell complementary
    const data = wave({
      respondents: { '': 9, 'dept=it': 5, 'dept=sales': 4 },
      answers: { '': [5, 5, 5, 5, 5, 4], 'dept=it': [5, 5, 5, 5, 5], 'dept=sales': [4] },
    });
    expect(lived(data, 'dept')).toEqual({ it: 'complementary', sales: 'below_k' });
    expect(rowsOf(data, 'dept', K).map((r) => r.respondents.hidden)).toEqual([null, null]);
  });

  it('hides the smaller of two segments of different keys that differ by fewer than k people', () => {
    const data = wave({
      respondents: { '': 16, 'dept=it': 6, 'dept=sales': 6, 'dept=hr': 4, 'site=lyon': 7, 'site=paris': 9 },
      overlaps: [
        ['dept=it', 'site=lyon', 6],
        ['dept=hr', 'site=lyon', 1],
        ['dept=hr', 'site=paris', 3],
        ['dept=sales', 'site=paris', 6],
      ],
    });
    expect(segmentVisibility(data, K).get('dept=it')).toEqual({ n: 6, hidden: 'overlap' });
    expect(lived(data, 'dept')).toEqual({ hr: null, it: 'overlap', sales: null });
    expect(lived(data, 'site')).toEqual({ lyon: null, paris: null });
  });

  it('assumes the smallest difference the cells allow when an optional answer is missing from one side', () => {
    // respondents: IT 6 ⊂ Lyon 9 (difference 3, fine); D answered by 4 in IT and 5 at Lyon: maybe one person apart
    const data = wave({
      respondents: { '': 15, 'dept=it': 6, 'dept=hr': 3, 'dept=sales': 6, 'site=lyon': 9, 'site=paris': 6 },
      answers: {
        '': [5, 5, 5, 5, 1, 4, 4, 4],
        'dept=it': [5, 5, 5, 5],
        'dept=hr': [1],
        'dept=sales': [4, 4, 4],
        'site=lyon': [5, 5, 5, 5, 1],
        'site=paris': [4, 4, 4],
      },
      overlaps: [
        ['dept=it', 'site=lyon', 6],
        ['dept=hr', 'site=lyon', 3],
        ['dept=sales', 'site=paris', 6],
      ],
    });
    expect(segmentVisibility(data, K).get('dept=it')?.hidden).toBeNull();
    expect(lived(data, 'dept')).toEqual({ hr: 'below_k', it: 'overlap', sales: 'complementary' });
    expect(lived(data, 'site')).toEqual({ lyon: null, paris: null });
  });

  it('lets identical segments of two keys both show: one minus the other is nobody', () => {
    const data = wave({
      respondents: { '': 8, 'dept=it': 4, 'dept=hr': 4, 'site=lyon': 4, 'site=paris': 4 },
      overlaps: [
        ['dept=it', 'site=lyon', 4],
        ['dept=hr', 'site=paris', 4],
      ],
    });
    expect(lived(data, 'dept')).toEqual({ hr: null, it: null });
  });

  it('gives the whole group its own row, hidden below k', () => {
    expect(lived(wave({ respondents: { '': 2 } }), '')).toEqual({ '': 'below_k' });
    expect(lived(wave({ respondents: { '': 3 } }), '')).toEqual({ '': null });
  });
});

describe('populationRow and filterRefusal', () => {
  const data = wave({ respondents: { '': 8, 'dept=it': 6, 'dept=hr': 2 } });

  it('refuses a filter whose complement is below k, and not one below k itself', () => {
    expect(filterRefusal(data, { key: 'dept', value: 'it' }, K)).toBe('complement_below_k');
    expect(filterRefusal(data, { key: 'dept', value: 'hr' }, K)).toBe('below_k');
  });

  it('gives an empty row for a value nobody carries', () => {
    expect(populationRow(data, { key: 'dept', value: 'legal' }, K)).toEqual({
      value: 'legal',
      respondents: { n: 0, hidden: 'no_data' },
      cells: new Map(),
    });
    expect(populationRow(data, null, K).respondents).toEqual({ n: 8, hidden: null });
  });
});

describe('groups counted in companies (k = 3)', () => {
  const suppliers = (spec: Spec): WaveData => ({ ...wave(spec), countsCompanies: true });

  it('hides the whole group when its contacts come from fewer than k companies', () => {
    // 9 contacts from 2 companies: enough people, not enough companies.
    const two = suppliers({ respondents: { '': 9, 'company=acme': 5, 'company=bolt': 4 } });
    expect(lived(two, '')).toEqual({ '': 'companies_below_k' });
    expect(populationRow(two, null, K).respondents).toEqual({ n: 9, hidden: 'companies_below_k' });
    // The same 9 contacts as 3 companies may be shown.
    const three = suppliers({ respondents: { '': 9, 'company=acme': 5, 'company=bolt': 2, 'company=cado': 2 } });
    expect(lived(three, '')).toEqual({ '': null });
  });

  it('counts contacts without a company together as one more company', () => {
    // 2 companies (3 contacts) + 3 contacts with no company: 3 units at least.
    const data = suppliers({ respondents: { '': 6, 'company=acme': 2, 'company=bolt': 1 } });
    expect(lived(data, '')).toEqual({ '': null });
    // A cell answered only by acme and bolt contacts stands on 2 companies.
    const fewer = suppliers({
      respondents: { '': 6, 'company=acme': 2, 'company=bolt': 1 },
      answers: { '': [5, 5, 5], 'company=acme': [5, 5], 'company=bolt': [5] },
    });
    expect(lived(fewer, '')).toEqual({ '': 'companies_below_k' });
  });

  it('never shows one company as a segment', () => {
    const data = suppliers({
      respondents: { '': 12, 'company=acme': 4, 'company=bolt': 4, 'company=cado': 4 },
    });
    expect(lived(data, 'company')).toEqual({
      acme: 'companies_below_k',
      bolt: 'companies_below_k',
      cado: 'companies_below_k',
    });
    expect(lived(data, '')).toEqual({ '': null });
  });

  it('judges a category by the companies in it, and hides its sibling so it cannot be deduced', () => {
    // Logistics: 6 contacts, all of acme and bolt (2 companies); packaging: 6 contacts of 3 companies.
    const data = suppliers({
      respondents: {
        '': 12,
        'company=acme': 3,
        'company=bolt': 3,
        'company=cado': 2,
        'company=dura': 2,
        'company=esso': 2,
        'category=logistics': 6,
        'category=packaging': 6,
      },
      overlaps: [
        ['category=logistics', 'company=acme', 3],
        ['category=logistics', 'company=bolt', 3],
        ['category=packaging', 'company=cado', 2],
        ['category=packaging', 'company=dura', 2],
        ['category=packaging', 'company=esso', 2],
      ],
    });
    // By respondents alone both categories (6 and 6) would show; logistics stands on 2 companies, and packaging
    // would give it away (whole − packaging), so both are hidden.
    expect(lived(data, 'category')).toEqual({ logistics: 'companies_below_k', packaging: 'complementary' });
    expect(rowsOf(data, 'category', K).map((r) => r.respondents.hidden)).toEqual([
      'companies_below_k',
      'complementary',
    ]);
    expect(lived(data, '')).toEqual({ '': null });
  });

  it('takes the fewest companies a category cell can stand on', () => {
    // Packaging: 3 companies of 2 contacts; its cell has 4 answers, which two companies could have given.
    const data = suppliers({
      respondents: {
        '': 12,
        'company=acme': 2,
        'company=bolt': 2,
        'company=cado': 2,
        'company=dura': 3,
        'company=esso': 3,
        'category=packaging': 6,
        'category=logistics': 6,
      },
      answers: {
        '': Array.from({ length: 10 }, () => 5),
        'category=packaging': [5, 5, 5, 5],
        'category=logistics': [5, 5, 5, 5, 5, 5],
      },
      overlaps: [
        ['category=packaging', 'company=acme', 2],
        ['category=packaging', 'company=bolt', 2],
        ['category=packaging', 'company=cado', 2],
        ['category=logistics', 'company=dura', 3],
        ['category=logistics', 'company=esso', 3],
      ],
    });
    expect(lived(data, 'category')).toEqual({ packaging: 'companies_below_k', logistics: 'companies_below_k' });
  });

  it('changes nothing for a group counted in people', () => {
    const data = wave({ respondents: { '': 9, 'company=acme': 5, 'company=bolt': 4 } });
    expect(lived(data, '')).toEqual({ '': null });
  });
});
