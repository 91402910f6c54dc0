import { describe, expect, it } from 'vitest';
import type { InitiativeItem } from '../forms/types.ts';
import { boardColumns, filterInitiatives, publishBlocker } from './board.ts';

const item = (id: string, extra: Partial<InitiativeItem> = {}): InitiativeItem => ({
  id,
  title: { fr: id, en: id },
  description: null,
  kind: 'process',
  ownerDepartment: 'hr',
  status: 'planned',
  startDate: null,
  endDate: null,
  published: false,
  targets: [{ groupId: 'g-emp', dimensionId: 'd1' }],
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...extra,
});

describe('the initiatives board', () => {
  const list = [
    item('a'),
    item('b', { ownerDepartment: 'finance', targets: [{ groupId: 'g-sup', dimensionId: 'd2' }], status: 'active' }),
    item('c', { status: 'active', updatedAt: '2026-11-20T00:00:00.000Z' }),
    item('d', { status: 'cancelled', targets: [] }),
  ];

  it('filters by owner department and by a group aimed at', () => {
    expect(filterInitiatives(list, { department: 'finance', groupId: '' }).map((i) => i.id)).toEqual(['b']);
    expect(filterInitiatives(list, { department: '', groupId: 'g-emp' }).map((i) => i.id)).toEqual(['a', 'c']);
    expect(filterInitiatives(list, { department: 'hr', groupId: 'g-sup' })).toEqual([]);
  });

  it('lays them out by status, the latest change first', () => {
    expect(boardColumns(list).map((c) => [c.status, c.items.map((i) => i.id)])).toEqual([
      ['planned', ['a']],
      ['active', ['c', 'b']],
      ['delivered', []],
      ['cancelled', ['d']],
    ]);
  });

  it('says why an initiative cannot be published', () => {
    expect(publishBlocker(list[0]!)).toBeNull();
    expect(publishBlocker(item('e', { targets: [] }))).toBe('noGroup');
    expect(publishBlocker(list[3]!)).toBe('cancelled');
  });
});
