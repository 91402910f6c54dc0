import type { Database, Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, people } from './testing.ts';

/** Who may read what: another organisation's ids, a manager outside their department, and inputs that are refused. */

let db: Db;
let org: Org;
let other: Org;

beforeEach(async () => {
  db = await openDb();
  [org, other] = [await buildOrg(db.db), await buildOrg(db.db)];
  for (const o of [org, other]) {
    await addSegmentAttribute(db.db, o, { groupId: o.groups.employee, key: 'department', values: ['it', 'hr'] });
  }
  await answerEmployees(db.db, org, [...people(4, { department: 'it' }), ...people(4, { department: 'hr' })]);
});
afterEach(() => db.close());

describe('another organisation', () => {
  it('gets NOT_FOUND for our ids in every view, and none of our ids in its own views', async () => {
    const api = await callerFor(db.db, other.leadership.userId);
    const ours = { groupId: org.groups.employee };
    const notFound = { code: 'NOT_FOUND' };
    await expect(api.insights.overview(ours)).rejects.toMatchObject(notFound);
    await expect(api.insights.breakdown({ ...ours, segmentKey: 'department' })).rejects.toMatchObject(notFound);
    await expect(api.insights.drivers(ours)).rejects.toMatchObject(notFound);
    await expect(api.insights.dimension({ ...ours, dimensionId: org.dimensions.recognition })).rejects.toMatchObject(
      notFound,
    );
    // its own group with our dimension or our wave
    await expect(
      api.insights.dimension({ groupId: other.groups.employee, dimensionId: org.dimensions.recognition }),
    ).rejects.toMatchObject({ ...notFound, message: 'dimensionId: no such dimension in this group' });
    await expect(
      api.insights.breakdown({
        groupId: other.groups.employee,
        segmentKey: 'department',
        waveId: org.surveys.employee.waveId,
      }),
    ).rejects.toMatchObject({ ...notFound, message: 'waveId: no published results in this wave for this group' });

    const views = JSON.stringify([
      await api.insights.overview(),
      await api.insights.compareGroups({ metric: 'lived' }),
      await api.insights.alerts(),
      await api.insights.maturity.get(),
      await api.insights.breakdown({ groupId: other.groups.employee, segmentKey: 'department' }),
      await api.insights.dimension({ groupId: other.groups.employee, dimensionId: other.dimensions.recognition }),
    ]);
    for (const id of [org.organizationId, ...Object.values(org.groups), ...Object.values(org.dimensions)]) {
      expect(views).not.toContain(id);
    }
    expect(views).not.toMatch(/"n":[1-9]/); // nobody answered in the other organisation
  });
});

describe('a manager', () => {
  const manager = () => callerFor(db.db, org.staff.manager.userId); // department it (fixture)

  it('sees employee groups only, through their department', async () => {
    const api = await manager();
    const overview = await api.insights.overview();
    expect(overview.segment).toEqual({ key: 'department', value: 'it' });
    expect(overview.groups.map((g) => g.id)).toEqual([org.groups.employee]);
    expect(overview.groups[0]!.respondents).toEqual({ n: 4, hidden: null });
    const compare = await api.insights.compareGroups({ metric: 'lived' });
    expect(compare.groups.map((g) => g.id)).toEqual([org.groups.employee]);
    expect(compare.cells.every((c) => c.groupId === org.groups.employee)).toBe(true);
    const alerts = await api.insights.alerts();
    expect(alerts.every((a) => a.groupId === org.groups.employee)).toBe(true);
  });

  it('is refused another group, another department, and a manager without a department is refused all', async () => {
    const api = await manager();
    await expect(
      api.insights.dimension({ groupId: org.groups.supplier, dimensionId: org.dimensions.payment }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'groupId: managers see employee results only' });
    await expect(api.insights.overview({ groupId: org.groups.supplier })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api.insights.dimension({
        groupId: org.groups.employee,
        dimensionId: org.dimensions.recognition,
        segment: { key: 'department', value: 'hr' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'segment: managers see their own team or department only' });
    const own = await api.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
      segment: { key: 'department', value: 'it' },
    });
    expect(own.segment).toEqual({ key: 'department', value: 'it' });
    await db.db.updateTable('member').set({ department: null }).where('id', '=', org.staff.manager.memberId).execute();
    await expect((await manager()).insights.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('refused input', () => {
  const tables: (keyof Database)[] = ['maturity_assessment', 'response', 'answer', 'aggregate_cell', 'feedback'];
  const counts = async () => Promise.all(tables.map((t) => count(db.db, t)));

  it.each([
    [{ stage: 6, answers: {} }, 'stage', /^stage: Too big/],
    [{ stage: 0, answers: {} }, 'stage', /^stage: Too small/],
    [{ stage: 2.5, answers: {} }, 'stage', /^stage: /],
    [{ stage: 3, answers: { 'Not a code': 'x' } }, 'answers', /^answers/],
    [{ stage: 3, answers: { ok: 'x'.repeat(2001) } }, 'answers.ok', /^answers\.ok: Too big/],
    [{ stage: 3, answers: {}, organizationId: 'x' }, 'organizationId', /^organizationId: /],
  ])('maturity.assess %j is refused naming %s, and writes nothing', async (input, _field, message) => {
    const before = await counts();
    const api = await callerFor(db.db, org.leadership.userId);
    await expect(api.insights.maturity.assess(input as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(message),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses an analyst’s self-assessment and writes nothing', async () => {
    const before = await counts();
    const api = await callerFor(db.db, org.staff.analyst.userId);
    await expect(api.insights.maturity.assess({ stage: 3, answers: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await counts()).toEqual(before);
  });

  it('reads only: every view leaves every table as it was, once the closed waves are published', async () => {
    const api = await callerFor(db.db, org.leadership.userId);
    const g = { groupId: org.groups.employee };
    const readEverything = async () => {
      await api.insights.overview();
      await api.insights.compareGroups({ metric: 'favourability' });
      await api.insights.breakdown({ ...g, segmentKey: 'department' });
      await api.insights.dimension({
        ...g,
        dimensionId: org.dimensions.recognition,
        segment: { key: 'department', value: 'hr' },
      });
      await api.insights.drivers(g);
      await api.insights.alerts();
      await api.insights.maturity.get();
      await expect(api.insights.breakdown({ ...g, segmentKey: 'x'.repeat(65) })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/^segmentKey: /),
      });
    };
    // The wave the fixture answered is closed: the first read publishes it, and writes nothing else.
    const before = await tableCounts();
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before.wave_publication).toBe(0);
    await readEverything();
    const published = await tableCounts();
    expect(published.wave_publication).toBeGreaterThan(0);
    expect({ ...published, wave_publication: 0 }).toEqual(before);
    const publications = await db.db.selectFrom('wave_publication').selectAll().orderBy('wave_id').execute();
    expect(publications.map((p) => p.wave_id)).toContain(org.surveys.employee.waveId);
    // Further reads change nothing, the publications included.
    await readEverything();
    expect(await tableCounts()).toEqual(published);
    expect(await db.db.selectFrom('wave_publication').selectAll().orderBy('wave_id').execute()).toEqual(publications);
  });
});

async function tableCounts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  const names = await db.db.introspection.getTables();
  for (const t of names)
    if (!t.name.startsWith('kysely_')) result[t.name] = await count(db.db, t.name as keyof Database);
  return result;
}
