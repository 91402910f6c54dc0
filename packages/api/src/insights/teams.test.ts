import type { Db } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import { TEAM_KEY } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';
import { addSegmentAttribute, answerEmployees, people } from './testing.ts';

/**
 * Managers read their team: everyone under their person in the directory's reporting line, directly or not
 * (docs/architecture.md, "Teams"). k = 5. The head H has two managers under them, M and the peer P; M2 reports to M.
 * Nine IT employees report to M2 and six more to M (M's team 15, M2's 9, M's own 6); seven HR employees report to P.
 */

const K = 5;
let db: Db;
let org: Org;
let other: Org;
const person: Record<'H' | 'M' | 'M2' | 'P' | 'Q', string> = { H: '', M: '', M2: '', P: '', Q: '' };

async function directoryPerson(o: Org, ref: string, manager: string | null) {
  const s = await addStakeholder(db.db, o, { groupId: o.groups.employee, displayName: `Manager ${ref}` });
  await db.db
    .updateTable('stakeholder')
    .set({ external_ref: ref, email: `${ref.toLowerCase()}@${o.slug}.test`, manager_id: manager })
    .where('id', '=', s.id)
    .execute();
  return s.id;
}

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: K });
  other = await buildOrg(db.db, { kThreshold: K });
  await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
  person.H = await directoryPerson(org, 'H', null);
  person.M = await directoryPerson(org, 'M', person.H);
  person.P = await directoryPerson(org, 'P', person.H);
  person.M2 = await directoryPerson(org, 'M2', person.M);
  // Q manages nobody who answered.
  person.Q = await directoryPerson(org, 'Q', person.H);
  const it = { department: 'it' };
  await answerEmployees(db.db, org, [
    ...people(9, it, { manager: person.M2, lived: 2 }),
    ...people(6, it, { manager: person.M, lived: 5 }),
    ...people(7, { department: 'hr' }, { manager: person.P, lived: 4 }),
  ]);
});
afterAll(() => db?.close());

const admin = () => callerFor(db.db, org.staff.admin.userId);
const manager = () => callerFor(db.db, org.staff.manager.userId);
const overview = async (api: Awaited<ReturnType<typeof manager>>, segment?: { key: string; value: string }) =>
  (await api.insights.overview({ groupId: org.groups.employee, ...(segment ? { segment } : {}) })).groups[0]!;

describe('a manager’s team', () => {
  it('is read by default once the manager is linked to their person, direct and indirect reports together', async () => {
    // Not linked: the department, as before.
    expect((await overview(await manager())).respondents).toEqual({ n: 15, hidden: null });
    const linked = await (await admin()).admin.members.setPerson({ memberId: org.staff.manager.memberId, person: 'M' });
    expect(linked.person).toMatchObject({ id: person.M, name: 'Manager M', externalId: 'M' });
    expect((await (await manager()).session.me())?.personId).toBe(person.M);
    const team = await overview(await manager());
    expect(team.respondents).toEqual({ n: 15, hidden: null });
    // Lived recognition: nine at 2 (25) and six at 5 (100): 55.
    expect(team.dimensions.find((d) => d.id === org.dimensions.recognition)?.lived.score).toBe(55);
    // Their department stays readable; a peer's team and the head's are not theirs.
    expect((await overview(await manager(), { key: 'department', value: 'it' })).respondents.n).toBe(15);
    for (const value of [person.P, person.H]) {
      await expect(overview(await manager(), { key: TEAM_KEY, value })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('segment'),
      });
    }
  });

  it('reads a sub-team’s nine, and "fewer than k" for a team nobody of which answered', async () => {
    const api = await admin();
    await api.admin.members.setPerson({ memberId: org.staff.manager.memberId, person: `m2@${org.slug}.test` });
    expect((await overview(await manager())).respondents).toEqual({ n: 9, hidden: null });
    await api.admin.members.setPerson({ memberId: org.staff.manager.memberId, person: 'Q' });
    const empty = await overview(await manager());
    expect(empty.respondents).toEqual({ n: 0, hidden: 'below_k' });
    expect(empty.dimensions.every((d) => d.lived.score === null && d.lived.n === 0)).toBe(true);
    await api.admin.members.setPerson({ memberId: org.staff.manager.memberId, person: 'M' });
  });

  it('is offered to HR as a breakdown and filter by manager, each team shown or refused by the atom rule', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const { segments } = await hr.insights.segments({ groupId: org.groups.employee });
    const teams = segments.find((s) => s.key === TEAM_KEY);
    expect(teams?.values.map((v) => v.label.en)).toEqual(['Manager H', 'Manager M', 'Manager M2', 'Manager P']);
    const breakdown = await hr.insights.breakdown({ groupId: org.groups.employee, segmentKey: TEAM_KEY });
    expect(Object.fromEntries(breakdown.rows.map((r) => [r.label.en, r.respondents]))).toEqual({
      'Manager H': { n: 22, hidden: null },
      'Manager M': { n: 15, hidden: null },
      'Manager M2': { n: 9, hidden: null },
      'Manager P': { n: 7, hidden: null },
    });
    // A manager is never offered the others’ teams.
    await expect((await manager()).insights.segments({ groupId: org.groups.employee })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('is invisible to another organisation: its staff cannot read, link to or break down by these teams', async () => {
    const theirs = await callerFor(db.db, other.staff.admin.userId);
    await expect(
      theirs.insights.overview({ groupId: org.groups.employee, segment: { key: TEAM_KEY, value: person.M } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      theirs.admin.members.setPerson({ memberId: other.staff.manager.memberId, person: 'M' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('person') });
    await expect(
      theirs.admin.members.setPerson({ memberId: org.staff.manager.memberId, person: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { segments } = await theirs.insights.segments({ groupId: other.groups.employee });
    expect(segments.some((s) => s.key === TEAM_KEY)).toBe(false);
  });
});

describe('the subtraction attack on nested teams', () => {
  it('never shows a team and a sub-team whose difference is 1 to k − 1, to HR or to either manager', async () => {
    const o = await buildOrg(db.db, { kThreshold: K });
    const top = await directoryPerson(o, 'T', null);
    const sub = await directoryPerson(o, 'S', top);
    // T's team is 12: S's 9 and three more. T − S would be those three.
    await answerEmployees(db.db, o, [
      ...people(9, {}, { manager: sub, lived: 2 }),
      ...people(3, {}, { manager: top, lived: 5 }),
      ...people(6, {}, { lived: 4 }),
    ]);
    const hr = await callerFor(db.db, o.staff.hr.userId);
    const breakdown = await hr.insights.breakdown({ groupId: o.groups.employee, segmentKey: TEAM_KEY });
    const shown = breakdown.rows.filter((r) => r.respondents.hidden === null);
    expect(shown.map((r) => [r.label.en, r.respondents.n])).toEqual([['Manager T', 12]]);
    expect(breakdown.rows.find((r) => r.label.en === 'Manager S')?.respondents).toEqual({
      n: 0,
      hidden: 'complementary',
    });
    // Every pair of figures HR reads — the whole group, each team — differs by 0 or at least k people.
    const sizes = [breakdown.total.respondents.n, ...shown.map((r) => r.respondents.n)];
    for (const a of sizes) for (const b of sizes) expect(a === b || Math.abs(a - b) >= K).toBe(true);
    // The manager of S, linked, reads "not shown" with the reason, never a figure.
    const admin = await callerFor(db.db, o.staff.admin.userId);
    await admin.admin.members.setPerson({ memberId: o.staff.manager.memberId, person: 'S' });
    const theirs = (
      await (await callerFor(db.db, o.staff.manager.userId)).insights.overview({ groupId: o.groups.employee })
    ).groups[0]!;
    expect(theirs.respondents).toEqual({ n: 0, hidden: 'complementary' });
    expect(theirs.dimensions.every((d) => d.lived.score === null)).toBe(true);
  });
});
