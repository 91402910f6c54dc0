import { MAX_REPORTING_DEPTH, populationId, TEAM_KEY, teamPath } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { publishWave } from '../publication/index.ts';
import { diffAggregates, recomputeAggregates } from '../repositories/aggregate-repair.ts';
import { readAggregates } from '../repositories/aggregates.ts';
import { getStaffMember, setStaffPerson, updateStaffMember } from '../repositories/members.ts';
import { submitResponse } from '../repositories/responses.ts';
import { parseJson } from '../repositories/rows.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { eraseStakeholder } from './people.ts';
import { syncDirectory } from './sync.ts';
import { managersAbove, withTeam } from './teams.ts';

/**
 * Managers' teams from the directory's reporting line (docs/architecture.md, "Teams"), in an organisation that is not
 * the demo: a head (H001), a manager under them (M002) and one under that manager (M003); nine employees report to
 * M003, three more to M002, six more to H001. Nobody with a report answers.
 */

const dialects = await testDialects();
const now = '2026-11-22T09:00:00.000Z';

const rows = [
  ['H001', ''],
  ['M002', 'H001'],
  ['M003', 'M002'],
  ...Array.from({ length: 9 }, (_, i) => [`A${i}`, 'M003']),
  ...Array.from({ length: 3 }, (_, i) => [`B${i}`, 'M002']),
  ...Array.from({ length: 6 }, (_, i) => [`C${i}`, 'H001']),
];
const file = (lines: readonly string[][]) =>
  [
    'external_id,email,name,manager',
    ...lines.map(([ref, manager]) => `${ref},${ref}@nord.test,Person ${ref},${manager}`),
  ].join('\n');

describe.each(dialects)('teams (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  let other: Fixture;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db);
    other = await buildFixture(handle.db);
    const synced = await syncDirectory(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      csv: file(rows),
      now,
      newId,
      confirmDeactivation: true,
    });
    expect(synced.status).toBe('synced');
    const people = await handle.db
      .selectFrom('stakeholder')
      .select(['id', 'external_ref'])
      .where('organization_id', '=', fx.organizationId)
      .where('external_ref', 'is not', null)
      .execute();
    for (const p of people) ids.set(p.external_ref!, p.id);
  });
  afterAll(() => handle?.close());

  const id = (ref: string) => ids.get(ref)!;

  it('walks the reporting line up, nearest manager first', async () => {
    const above = (ref: string) =>
      managersAbove(handle.db, { organizationId: fx.organizationId, stakeholderId: id(ref) });
    expect(await above('A0')).toEqual([id('M003'), id('M002'), id('H001')]);
    expect(await above('C0')).toEqual([id('H001')]);
    expect(await above('H001')).toEqual([]);
    // Another organisation's id finds nobody, even by a person's id.
    expect(await managersAbove(handle.db, { organizationId: other.organizationId, stakeholderId: id('A0') })).toEqual(
      [],
    );
  });

  it('places each response in the team of every manager above, and publishes teams nested by the atom rule', async () => {
    const survey = fx.surveys.employee;
    const respondents = rows.map(([ref]) => ref!).filter((ref) => /^[ABC]/.test(ref));
    for (const [i, ref] of respondents.entries()) {
      await submitResponse(handle.db, {
        organizationId: fx.organizationId,
        waveId: survey.waveId,
        stakeholderId: id(ref),
        groupId: fx.groups.employee,
        // A `team` the person's own segments hold is replaced by the directory's.
        segments: await withTeam(handle.db, {
          organizationId: fx.organizationId,
          stakeholderId: id(ref),
          segments: { [TEAM_KEY]: id('C0') },
        }),
        idempotencyKey: `team-${i}`,
        answers: [
          { questionId: survey.questions.recognition_lived!, value: 1 + (i % 5) },
          { questionId: survey.questions.recognition_expected!, value: 4 },
        ],
        now,
        newId,
      });
    }
    const responses = await handle.db
      .selectFrom('response')
      .select(['segments', 'stakeholder_id'])
      .where('organization_id', '=', fx.organizationId)
      .where('wave_id', '=', survey.waveId)
      .execute();
    // The survey is anonymous: no person on the response, only the managers above in its snapshot.
    expect(responses.every((r) => r.stakeholder_id === null)).toBe(true);
    const paths = responses.map((r) => parseJson<Record<string, string>>(r.segments, {})[TEAM_KEY]).sort();
    expect(paths.filter((p) => p === teamPath([id('M003'), id('M002'), id('H001')]))).toHaveLength(9);
    expect(paths.filter((p) => p === teamPath([id('M002'), id('H001')]))).toHaveLength(3);
    expect(paths.filter((p) => p === teamPath([id('H001')]))).toHaveLength(6);

    const teamCounts = await handle.db
      .selectFrom('aggregate_respondents')
      .select(['segment_value', 'n'])
      .where('organization_id', '=', fx.organizationId)
      .where('wave_id', '=', survey.waveId)
      .where('segment_key', '=', TEAM_KEY)
      .execute();
    expect(Object.fromEntries(teamCounts.map((r) => [r.segment_value, Number(r.n)]))).toEqual({
      [id('H001')]: 18,
      [id('M002')]: 12,
      [id('M003')]: 9,
    });

    await handle.db.updateTable('wave').set({ status: 'closed' }).where('id', '=', survey.waveId).execute();
    const published = await publishWave(handle.db, {
      organizationId: fx.organizationId,
      waveId: survey.waveId,
      k: 5,
      commentK: 5,
      now,
    });
    const team = (ref: string) => populationId({ key: TEAM_KEY, value: id(ref) });
    expect(published.populations.map((p) => [populationId(p.segment), p.n])).toEqual([
      [team('H001'), 18],
      [team('M002'), 12],
    ]);
    // M003's 9 and M002's 12 would give M002's three others by subtraction.
    expect(published.refused).toEqual([{ segment: { key: TEAM_KEY, value: id('M003') }, reason: 'complementary' }]);
    expect(published.atoms.smallest).toBeGreaterThanOrEqual(5);
    expect(published.cells[team('M002')]).toBeDefined();
    expect(published.cells[team('M003')]).toBeUndefined();

    // Stored snapshots keep only their atom: M003 is gone from every path; the aggregates still agree.
    const after = await handle.db
      .selectFrom('response')
      .select('segments')
      .where('organization_id', '=', fx.organizationId)
      .where('wave_id', '=', survey.waveId)
      .execute();
    expect(after.some((r) => r.segments.includes(id('M003')))).toBe(false);
    const filter = { organizationId: fx.organizationId, groupId: fx.groups.employee, waveId: survey.waveId };
    expect(
      diffAggregates(await readAggregates(handle.db, filter), await recomputeAggregates(handle.db, filter)),
    ).toEqual([]);
    // Another organisation's aggregates hold no team of this one.
    const leaked = await handle.db
      .selectFrom('aggregate_respondents')
      .select('segment_value')
      .where('organization_id', '=', other.organizationId)
      .where('segment_key', '=', TEAM_KEY)
      .execute();
    expect(leaked).toEqual([]);
  });

  it(`refuses whole a reporting line with more than ${MAX_REPORTING_DEPTH} managers above someone, rows named`, async () => {
    const chain = Array.from({ length: MAX_REPORTING_DEPTH + 2 }, (_, i) => [`D${i}`, i === 0 ? '' : `D${i - 1}`]);
    const before = await handle.db.selectFrom('stakeholder').select('id').execute();
    const outcome = await syncDirectory(handle.db, {
      organizationId: other.organizationId,
      groupId: other.groups.employee,
      csv: file(chain),
      now,
      newId,
      confirmDeactivation: true,
    });
    if (outcome.status !== 'refused') throw new Error(outcome.status);
    // Rows 2… are D0…: D13 (row 15) has 13 managers above.
    expect(outcome.errors.map((e) => [e.row, e.code])).toEqual([[15, 'reporting_too_deep']]);
    expect(outcome.errors[0]!.value).toBe('D12 → D11 → D10 → D9 → D8 → D7 → D6 → D5 → D4 → D3 → D2 → D1 → D0');
    expect(await handle.db.selectFrom('stakeholder').select('id').execute()).toHaveLength(before.length);
  });

  it('links a manager to their person by external id or e-mail, never to another organisation’s', async () => {
    const manager = { organizationId: fx.organizationId, memberId: fx.staff.manager.memberId };
    const byRef = await setStaffPerson(handle.db, { ...manager, person: 'M002' });
    expect(byRef.person).toEqual({ id: id('M002'), name: 'Person M002', email: 'm002@nord.test', externalId: 'M002' });
    expect((await setStaffPerson(handle.db, { ...manager, person: 'M003@NORD.test' })).person?.id).toBe(id('M003'));
    const refusal = (person: string, target = manager) =>
      setStaffPerson(handle.db, { ...target, person }).then(
        () => null,
        (e: { field?: string; reason?: string }) => [e.field, e.reason],
      );
    expect(await refusal('nobody@nord.test')).toEqual(['person', 'not_found']);
    // The other organisation's manager cannot link to this one's person, by e-mail or by reference.
    const theirs = { organizationId: other.organizationId, memberId: other.staff.manager.memberId };
    expect(await refusal('m002@nord.test', theirs)).toEqual(['person', 'not_found']);
    expect(await refusal('M002', theirs)).toEqual(['person', 'not_found']);
    expect(await refusal('M002', { organizationId: fx.organizationId, memberId: fx.staff.hr.memberId })).toEqual([
      'person',
      'wrong_state',
    ]);
    expect((await getStaffMember(handle.db, manager))?.person?.id).toBe(id('M003'));

    // Another role keeps no link; an erased person's manager reads by department again.
    await updateStaffMember(handle.db, { ...manager, role: 'analyst' });
    expect((await getStaffMember(handle.db, manager))?.person).toBeNull();
    await handle.db.updateTable('member').set({ role: 'manager' }).where('id', '=', manager.memberId).execute();
    await setStaffPerson(handle.db, { ...manager, person: 'B0' });
    await eraseStakeholder(handle.db, { organizationId: fx.organizationId, stakeholderId: id('B0'), now });
    expect((await getStaffMember(handle.db, manager))?.person).toBeNull();
  });
});
