import { describe, expect, it } from 'vitest';
import { coverage, intendedGrid, parseTarget } from './grid.ts';

const label = { fr: 'x', en: 'x' };
const groups = [
  { id: 'g-emp', code: 'employee', kind: 'employee' as const, label },
  { id: 'g-sup', code: 'supplier', kind: 'supplier' as const, label },
];
const dimension = (id: string, name: string, groupIds: string[]) => ({
  id,
  code: id,
  label: { fr: name, en: name },
  groupIds,
  shared: groupIds.length > 1,
});
const cell = (groupId: string, dimensionId: string) => ({
  id: `${groupId}-${dimensionId}`,
  groupId,
  dimensionId,
  statement: { fr: 's', en: 's' },
  target: 70,
  priority: 1,
  updatedAt: '2026-11-30T10:00:00.000Z',
});

describe('intendedGrid', () => {
  it('puts shared dimensions first, then by name, with a cell per group and the pairs that exist', () => {
    const rows = intendedGrid(
      groups,
      [
        dimension('pay', 'Payment', ['g-sup']),
        dimension('rec', 'Recognition', ['g-emp']),
        dimension('tra', 'Transparency', ['g-emp', 'g-sup']),
        dimension('oth', 'Other group only', ['g-cus']),
      ],
      [cell('g-sup', 'pay'), cell('g-emp', 'tra')],
      (d) => d.label.en,
    );
    expect(rows.map((r) => r.dimension.id)).toEqual(['tra', 'pay', 'rec']);
    expect(rows[0]?.cells.map((c) => [c.group.id, c.applies, c.intended?.id ?? null])).toEqual([
      ['g-emp', true, 'g-emp-tra'],
      ['g-sup', true, null],
    ]);
    expect(rows[1]?.cells.map((c) => c.applies)).toEqual([false, true]);
    expect(coverage(rows)).toEqual({ pairs: 4, set: 2 });
  });
});

describe('parseTarget', () => {
  it('accepts whole numbers from 0 to 100 only', () => {
    expect(['0', '75', ' 100 '].map(parseTarget)).toEqual([0, 75, 100]);
    expect(['', '101', '-1', '7.5', 'abc', '1e2'].map(parseTarget)).toEqual([null, null, null, null, null, null]);
  });
});
