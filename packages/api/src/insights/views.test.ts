import type { Db } from '@facets/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addCommentQuestion, addInitiative, addSegmentAttribute, answerEmployees, type Respondent } from './testing.ts';

/**
 * Every insights view on one organisation (k = 3, comments need 5 commenters), figures computed by hand:
 * - Q3 (closed): 4 employees, recognition lived 4 (75) and expected 3 (50).
 * - Q4 (open): 6 employees, 3 in IT at Lyon and 3 in sales at Paris; recognition lived 2, 2, 3 / 3, 3, 2
 *   (25, 25, 50 / 50, 50, 25: mean 37.5), expected 5 (100) for all; transparency lived 4, 4, 5 by the IT three
 *   (75, 75, 100: mean 83.3); five comments on recognition.
 * Recognition's intended target is 80 (fixture); an active service initiative backs it; a planned one aims at
 * employee transparency, which nobody intends.
 */

let db: Db;
let org: Org;
let unaligned: string;

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  const e = org.groups.employee;
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'department', values: ['it', 'hr', 'sales'] });
  await addSegmentAttribute(db.db, org, { groupId: e, key: 'site', values: ['lyon', 'paris'] });
  const commentQuestionId = await addCommentQuestion(db.db, org);
  await answerEmployees(
    db.db,
    org,
    Array.from({ length: 4 }, () => ({ lived: 4, expected: 3 })),
    { wave: 'closed' },
  );
  const it = { department: 'it', site: 'lyon' };
  const sales = { department: 'sales', site: 'paris' };
  const q4: Respondent[] = [
    { segments: it, lived: 2, expected: 5, transparency: 4, comment: 'More thanks from managers' },
    { segments: it, lived: 2, expected: 5, transparency: 4, comment: 'Celebrate releases' },
    { segments: it, lived: 3, expected: 5, transparency: 5, comment: 'Bonus for on-call' },
    { segments: sales, lived: 3, expected: 5, comment: 'Share customer praise' },
    { segments: sales, lived: 3, expected: 5, comment: 'Annual awards' },
    { segments: sales, lived: 2, expected: 5 },
  ];
  await answerEmployees(db.db, org, q4, { commentQuestionId });
  await addInitiative(db.db, org, {
    kind: 'service',
    ownerDepartment: 'hr',
    status: 'active',
    targets: [{ groupId: e, dimensionId: org.dimensions.recognition }],
  });
  unaligned = await addInitiative(db.db, org, {
    kind: 'communication',
    ownerDepartment: 'marketing',
    status: 'planned',
    targets: [{ groupId: e, dimensionId: org.dimensions.transparency }],
  });
});
afterAll(() => db.close());

const leadership = () => callerFor(db.db, org.leadership.userId);

describe('insights.overview', () => {
  it('adds calibration gap, favourability, trend, coverage and alerts to the fields the console reads', async () => {
    const overview = await (await leadership()).insights.overview();
    expect(overview).toMatchObject({ kThreshold: 3, commentThreshold: 5, segment: null, segmentLabel: null });
    const employee = overview.groups.find((g) => g.id === org.groups.employee)!;
    expect(employee.wave).toEqual({ id: org.surveys.employee.waveId, label: 'Q4', sequence: 2 });
    expect(employee.respondents).toEqual({ n: 6, hidden: null });
    const recognition = employee.dimensions.find((d) => d.id === org.dimensions.recognition)!;
    expect(recognition).toMatchObject({
      intended: { target: 80, priority: 1 },
      expected: { n: 6, score: 100, hidden: null },
      lived: { n: 6, score: 37.5, hidden: null },
      expectationGap: -62.5,
      targetGap: -42.5,
      calibrationGap: 20,
      // lived answers 2, 2, 3, 3, 3, 2: none favourable, half neutral, half unfavourable
      favourability: { value: 0, neutral: 50, unfavourable: 50, n: 6, hidden: null },
      trend: { value: -37.5, n: 6, hidden: null, since: { id: org.surveys.employee.closedWaveId, label: 'Q3' } },
      coverage: 'covered',
    });
    const transparency = employee.dimensions.find((d) => d.id === org.dimensions.transparency)!;
    expect(transparency).toMatchObject({
      intended: null,
      lived: { n: 3, score: 83.3, hidden: null },
      calibrationGap: null,
      coverage: 'no_intent',
      // nobody answered transparency in Q3
      trend: { value: null, hidden: 'no_data' },
    });
    const supplier = overview.groups.find((g) => g.id === org.groups.supplier)!;
    expect(supplier.wave).toBeNull();
    expect(supplier.dimensions.find((d) => d.id === org.dimensions.payment)).toMatchObject({
      coverage: 'uncovered',
      lived: { n: 0, score: null, hidden: null },
      favourability: { value: null, n: 0, hidden: 'no_data' },
    });
  });

  it('filters one group to a segment when asked, with the segment named, and refuses what cannot be asked', async () => {
    const api = await leadership();
    const overview = await api.insights.overview({
      groupId: org.groups.employee,
      segment: { key: 'department', value: 'it' },
    });
    expect(overview.segment).toEqual({ key: 'department', value: 'it' });
    expect(overview.segmentLabel).toEqual({
      key: { fr: 'department (fr)', en: 'department' },
      value: expect.objectContaining({ en: expect.any(String) }),
    });
    expect(overview.groups.map((g) => g.id)).toEqual([org.groups.employee]);
    const [employee] = overview.groups;
    expect(employee!.respondents).toEqual({ n: 3, hidden: null });
    // IT's recognition lived 2, 2, 3: 25, 25, 50.
    expect(employee!.dimensions.find((d) => d.id === org.dimensions.recognition)!.lived).toEqual({
      n: 3,
      score: 33.3,
      hidden: null,
    });
    // Nobody in HR answered: nothing is shown, and nothing is shown of anyone else.
    const hr = await api.insights.overview({
      groupId: org.groups.employee,
      segment: { key: 'department', value: 'hr' },
    });
    expect(hr.groups[0]!.respondents.n).toBe(0);
    expect(hr.groups[0]!.dimensions.every((d) => d.lived.score === null)).toBe(true);
    await expect(api.insights.overview({ segment: { key: 'department', value: 'it' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('groupId'),
    });
    const manager = await callerFor(db.db, org.staff.manager.userId);
    await expect(
      manager.insights.overview({ groupId: org.groups.employee, segment: { key: 'department', value: 'sales' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('segment') });
    const own = await manager.insights.overview({
      groupId: org.groups.employee,
      segment: { key: 'department', value: 'it' },
    });
    expect(own.groups[0]!.respondents).toEqual({ n: 3, hidden: null });
  });

  it('raises the alerts of each group in its overview and in insights.alerts', async () => {
    const api = await leadership();
    const alerts = await api.insights.alerts();
    const base = { initiativeId: null };
    expect(alerts).toEqual([
      // expected 50 → 100 (+50) while lived 75 → 37.5 (−37.5): drift 87.5
      {
        ...base,
        kind: 'promise_drift',
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
        value: 87.5,
        n: 6,
      },
      {
        ...base,
        kind: 'target_shortfall',
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
        value: -42.5,
        n: 6,
      },
      {
        kind: 'unaligned_initiative',
        groupId: org.groups.employee,
        dimensionId: org.dimensions.transparency,
        initiativeId: unaligned,
        value: null,
        n: null,
      },
      {
        ...base,
        kind: 'uncovered_intent',
        groupId: org.groups.supplier,
        dimensionId: org.dimensions.payment,
        value: null,
        n: null,
      },
    ]);
    const overview = await api.insights.overview();
    expect(overview.groups.flatMap((g) => g.alerts)).toEqual(alerts);
  });

  it('lists the initiatives aimed at each group, with the dimensions they target', async () => {
    const overview = await (await leadership()).insights.overview();
    const employee = overview.groups.find((g) => g.id === org.groups.employee)!;
    // Both were created at the same instant: their order is their ids', which is random within a millisecond.
    const initiatives = employee.initiatives.map((i) => [i.status, i.kind, i.dimensionIds]);
    expect(initiatives.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['active', 'service', [org.dimensions.recognition]],
      ['planned', 'communication', [org.dimensions.transparency]],
    ]);
    expect(employee.initiatives.find((i) => i.id === unaligned)?.title).toEqual(
      expect.objectContaining({ en: expect.any(String) }),
    );
    expect(overview.groups.find((g) => g.id === org.groups.supplier)!.initiatives).toEqual([]);
  });

  it('gives an outcome figure only when enough answered it', async () => {
    const employee = (await (await leadership()).insights.overview({ groupId: org.groups.employee })).groups[0]!;
    expect(employee.outcomes).toEqual([]); // nobody answered the eNPS item
  });
});

describe('insights.segments', () => {
  it('lists what a group can be cut by, with labels, and its waves with answers', async () => {
    const s = await (await leadership()).insights.segments({ groupId: org.groups.employee });
    expect(s.waves.map((w) => w.label)).toEqual(['Q3', 'Q4']);
    expect(s.segments.map((a) => [a.key, a.values.map((v) => v.value)])).toEqual([
      ['department', ['it', 'hr', 'sales']],
      ['site', ['lyon', 'paris']],
    ]);
    expect(s.segments[0]?.label).toEqual({ fr: 'department (fr)', en: 'department' });
  });

  it('refuses another organisation’s group as not found and a bad id naming the field', async () => {
    const other = await buildOrg(db.db);
    const api = await leadership();
    await expect(api.insights.segments({ groupId: other.groups.employee })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'groupId: no such group',
    });
    await expect(api.insights.segments({ groupId: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^groupId: /),
    });
    await expect(
      api.insights.segments({ groupId: org.groups.employee, extra: 1 } as { groupId: string }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^extra: /) });
  });
});

describe('insights.compareGroups', () => {
  it('puts the groups side by side on shared dimensions, each at its latest wave', async () => {
    const compare = await (await leadership()).insights.compareGroups({ metric: 'lived' });
    expect(compare.metric).toBe('lived');
    expect(compare.dimensions).toEqual([
      expect.objectContaining({
        id: org.dimensions.transparency,
        groupIds: [org.groups.employee, org.groups.supplier].sort(),
      }),
    ]);
    expect(compare.groups.map((g) => [g.id, g.wave?.label ?? null])).toEqual([
      [org.groups.employee, 'Q4'],
      [org.groups.supplier, null],
    ]);
    expect(compare.cells).toEqual(
      expect.arrayContaining([
        { groupId: org.groups.employee, dimensionId: org.dimensions.transparency, value: 83.3, n: 3, hidden: null },
        {
          groupId: org.groups.supplier,
          dimensionId: org.dimensions.transparency,
          value: null,
          n: 0,
          hidden: 'no_data',
        },
      ]),
    );
  });

  it.each([
    ['lived', 83.3, null],
    ['expected', null, 'no_data'], // nobody rated the expected level of transparency
    ['expectationGap', null, 'no_data'],
    ['favourability', 100, null], // 4, 4, 5: all favourable
  ] as const)('computes %s', async (metric, value, hidden) => {
    const compare = await (await leadership()).insights.compareGroups({ metric });
    const cell = compare.cells.find((c) => c.groupId === org.groups.employee)!;
    expect(cell).toMatchObject({ value, n: metric === 'lived' || metric === 'favourability' ? 3 : 0, hidden });
  });

  it('refuses an unknown metric, naming the field', async () => {
    await expect((await leadership()).insights.compareGroups({ metric: 'nps' as 'lived' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^metric: /),
    });
  });
});

describe('insights.breakdown', () => {
  it('shows each segment value with its respondents and lived scores', async () => {
    const b = await (await leadership()).insights.breakdown({ groupId: org.groups.employee, segmentKey: 'department' });
    expect(b.wave?.label).toBe('Q4');
    expect(b.segment).toEqual({ key: 'department', label: { fr: 'department (fr)', en: 'department' } });
    expect(b.rows.map((r) => [r.value, r.respondents])).toEqual([
      ['it', { n: 3, hidden: null }],
      ['hr', { n: 0, hidden: 'no_data' }],
      ['sales', { n: 3, hidden: null }],
    ]);
    const recognition = (value: string) =>
      b.rows.find((r) => r.value === value)!.cells.find((c) => c.dimensionId === org.dimensions.recognition);
    expect(recognition('it')).toMatchObject({
      dimensionId: org.dimensions.recognition,
      value: 33.3,
      n: 3,
      hidden: null,
    });
    expect(recognition('sales')).toMatchObject({
      dimensionId: org.dimensions.recognition,
      value: 41.7,
      n: 3,
      hidden: null,
    });
    // Against the whole group's 37.5: IT 25, 25, 50 and sales 50, 50, 25, too few and too close to tell apart.
    expect(recognition('it')?.vsTotal).toMatchObject({ value: -4.2, significant: false, n: 3, wholeN: 6 });
    expect(recognition('sales')?.vsTotal).toMatchObject({ value: 4.2, significant: false, n: 3, wholeN: 6 });
    expect(b.total.cells.find((c) => c.dimensionId === org.dimensions.recognition)).toMatchObject({
      value: 37.5,
      n: 6,
    });
  });

  it('reads an earlier wave when asked, and refuses a wave or key it does not know', async () => {
    const api = await leadership();
    const q3 = await api.insights.breakdown({
      groupId: org.groups.employee,
      segmentKey: 'department',
      waveId: org.surveys.employee.closedWaveId,
    });
    expect(q3.wave?.label).toBe('Q3');
    expect(q3.rows.every((r) => r.respondents.hidden === 'no_data')).toBe(true); // Q3 people had no department
    await expect(
      api.insights.breakdown({
        groupId: org.groups.employee,
        segmentKey: 'department',
        waveId: org.surveys.supplier.waveId,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'waveId: no published results in this wave for this group' });
    await expect(
      api.insights.breakdown({ groupId: org.groups.employee, segmentKey: 'shoe_size' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'segmentKey: no such segment in this group' });
    await expect(api.insights.breakdown({ groupId: org.groups.employee, segmentKey: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^segmentKey: /),
    });
  });
});

describe('insights.dimension', () => {
  it('gives the trend, distribution, IPA and comments of a dimension', async () => {
    const d = await (await leadership()).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(d.dimension).toMatchObject({ id: org.dimensions.recognition, code: 'recognition', shared: false });
    expect(d.segment).toBeNull();
    expect(d.trend.map((t) => [t.wave.label, t.expected.value, t.lived.value, t.favourability.value])).toEqual([
      ['Q3', 50, 75, 100],
      ['Q4', 100, 37.5, 0],
    ]);
    expect(d.distribution).toEqual({
      wave: { id: org.surveys.employee.waveId, label: 'Q4', sequence: 2 },
      scale: 'likert5',
      bins: [
        { value: 2, count: 3 },
        { value: 3, count: 3 },
      ],
      n: 6,
      hidden: null,
    });
    // Too few answers for drivers: importance is leadership's stated priority (recognition is priority 1, the only
    // one set), never the expected level; the only dimension placed sits on both means.
    expect(d.ipa).toEqual({
      importanceSource: 'priority',
      quadrant: 'keep_up',
      importance: 100,
      performance: 37.5,
      meanImportance: 100,
      meanPerformance: 37.5,
      dimensions: 1,
      points: [{ dimensionId: org.dimensions.recognition, quadrant: 'keep_up', importance: 100, performance: 37.5 }],
    });
    expect(d.drivers).toMatchObject({ outcome: null, status: 'insufficient', hidden: 'no_data', drivers: [] });
    expect(d.comments).toMatchObject({ hidden: null, commenters: 5 });
    // Shuffled by a key of the wave and the text, the same on every visit
    expect([...d.comments.items].sort()).toEqual([
      'Annual awards',
      'Bonus for on-call',
      'Celebrate releases',
      'More thanks from managers',
      'Share customer praise',
    ]);
    const again = await (await leadership()).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(again.comments.items).toEqual(d.comments.items);
  });

  it('names the group’s dimensions and the intended target, for the matrix, the drivers and the trend', async () => {
    const d = await (await leadership()).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(d.intended).toMatchObject({ target: 80, priority: 1 });
    expect(d.dimensions.map((x) => x.id).sort()).toEqual(
      [org.dimensions.recognition, org.dimensions.transparency].sort(),
    );
    const transparency = await (await leadership()).insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.transparency,
    });
    expect(transparency.intended).toBeNull();
  });

  it('refuses a dimension of another group, naming the field', async () => {
    await expect(
      (await leadership()).insights.dimension({ groupId: org.groups.employee, dimensionId: org.dimensions.payment }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'dimensionId: no such dimension in this group' });
  });
});
