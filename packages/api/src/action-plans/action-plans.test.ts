import { type Db, newId } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fieldOf } from '../errors.ts';
import { addInitiative, addSegmentAttribute, answerEmployees, people, runPulse } from '../insights/testing.ts';
import { addMember, buildOrg, callerFor, count, type Org, openDb, type Person } from '../test-setup.ts';

/**
 * Action plans through the API, in an organisation that is not the demo's: a quarterly survey (Q3 answered by IT
 * only, Q4 by IT and Operations) and a pulse answered by IT only; three managers — IT, Operations, and HR, whose
 * department never answered. Managers plan for their department only, from a wave in which it is shown.
 */

let db: Db;
let org: Org;
let opsManager: Person;
let hrManager: Person;
let pulse: { surveyId: string; waveId: string };

const LATER = '2026-12-01T12:00:00.000Z';
const as = (who: Person | { userId: string }) => callerFor(db.db, who.userId, { now: LATER });
const employees = () => org.groups.employee;
const q4 = () => org.surveys.employee.waveId;
const OPS = { key: 'department', value: 'ops' };

async function manager(name: string, department: string): Promise<Person> {
  const person = await addMember(db.db, org, name, 'manager');
  await db.db.updateTable('member').set({ department }).where('id', '=', person.memberId).execute();
  return person;
}

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
  await addSegmentAttribute(db.db, org, { groupId: employees(), key: 'department', values: ['it', 'ops', 'hr'] });
  opsManager = await manager('ops-manager', 'ops');
  hrManager = await manager('hr-manager', 'hr');
  await answerEmployees(db.db, org, people(4, { department: 'it' }, { lived: 4 }), { wave: 'closed' });
  await answerEmployees(db.db, org, [
    ...people(3, { department: 'it' }, { lived: 2, expected: 5 }),
    ...people(3, { department: 'ops' }, { lived: 5, expected: 5 }),
  ]);
  pulse = await runPulse(db.db, org, { lived: [5, 5, 5, 5] });
});
afterEach(() => db.close());

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
const fails = (p: Promise<unknown>) =>
  p.then(
    () => 'succeeded',
    (e: unknown) => ({ code: codeOf(e), field: e instanceof TRPCError ? fieldOf(e) : null }),
  );

describe('a manager’s action plan', () => {
  it('starts from the department’s results of the quarterly survey, not from the newer pulse', async () => {
    const plan = await (await as(org.staff.manager)).actionPlans.get({ groupId: employees() });
    expect(plan.scope).toEqual({ key: 'department', value: 'it' });
    expect(plan.wave?.label).toBe('Q4');
    expect(plan.respondents).toEqual({ n: 3, hidden: null });
    const recognition = plan.dimensions.find((d) => d.id === org.dimensions.recognition);
    // Three answered 2 of 5 (index 25) and expected 5 (index 100).
    expect(recognition?.lived).toEqual({ value: 25, n: 3, hidden: null });
    expect(recognition?.expected).toEqual({ value: 100, n: 3, hidden: null });
    expect(plan.focusAreas).toEqual([]);
  });

  it('runs from focus area to a published action that the team, and only the team, sees', async () => {
    const api = await as(org.staff.manager);
    const area = await api.actionPlans.focus.add({
      groupId: employees(),
      waveId: q4(),
      dimensionId: org.dimensions.recognition,
      note: 'Lowest lived score',
    });
    const initiativeId = await addInitiative(db.db, org, {
      kind: 'policy',
      ownerDepartment: 'hr',
      status: 'active',
      targets: [{ groupId: employees(), dimensionId: org.dimensions.recognition }],
    });
    const action = await api.actionPlans.actions.create({
      focusAreaId: area.id,
      title: 'Thank one person by name in each weekly meeting',
      owner: 'Inès Martin',
      dueDate: '2027-01-31',
      initiativeId,
    });
    await api.actionPlans.actions.progress({ actionId: action.id, status: 'in_progress', note: 'Started' });
    await api.actionPlans.actions.publish({ actionId: action.id, published: true });

    const plan = await api.actionPlans.get({ groupId: employees() });
    expect(plan.focusAreas).toHaveLength(1);
    expect(plan.focusAreas[0]).toMatchObject({ wave: { label: 'Q4' }, note: 'Lowest lived score' });
    expect(plan.focusAreas[0]?.actions[0]).toMatchObject({
      status: 'in_progress',
      published: true,
      initiative: { id: initiativeId },
    });
    expect(plan.focusAreas[0]?.actions[0]?.updates.map((u) => u.status)).toEqual(['planned', 'in_progress']);

    const alice = await (await as(org.stakeholders.alice)).portal.results.get();
    expect(alice.actions).toEqual([
      expect.objectContaining({
        title: 'Thank one person by name in each weekly meeting',
        owner: 'Inès Martin',
        status: 'in_progress',
        team: true,
      }),
    ]);
    const bob = await (await as(org.stakeholders.bob)).portal.results.get();
    expect(bob.actions).toEqual([]);

    // Withdrawn, it leaves the portal.
    await api.actionPlans.actions.publish({ actionId: action.id, published: false });
    expect((await (await as(org.stakeholders.alice)).portal.results.get()).actions).toEqual([]);
  });

  it('cannot read, plan or change another department’s plan', async () => {
    const hr = await as(org.staff.hr);
    const opsArea = await hr.actionPlans.focus.add({
      groupId: employees(),
      segment: OPS,
      waveId: q4(),
      dimensionId: org.dimensions.recognition,
    });
    const opsAction = await hr.actionPlans.actions.create({
      focusAreaId: opsArea.id,
      title: 'Ops action',
      owner: 'HR',
      dueDate: null,
      initiativeId: null,
    });
    const it = await as(org.staff.manager);
    expect(await fails(it.actionPlans.get({ groupId: employees(), segment: OPS }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await fails(
        it.actionPlans.focus.add({
          groupId: employees(),
          segment: OPS,
          waveId: q4(),
          dimensionId: org.dimensions.transparency,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const before = await count(db.db, 'plan_action');
    for (const call of [
      it.actionPlans.actions.create({
        focusAreaId: opsArea.id,
        title: 'Mine',
        owner: 'Me',
        dueDate: null,
        initiativeId: null,
      }),
      it.actionPlans.actions.update({
        actionId: opsAction.id,
        title: 'Mine',
        owner: 'Me',
        dueDate: null,
        initiativeId: null,
      }),
      it.actionPlans.actions.progress({ actionId: opsAction.id, status: 'done', note: null }),
      it.actionPlans.actions.publish({ actionId: opsAction.id, published: true }),
      it.actionPlans.actions.delete({ actionId: opsAction.id }),
      it.actionPlans.focus.remove({ focusAreaId: opsArea.id }),
    ]) {
      expect(await fails(call)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await count(db.db, 'plan_action')).toBe(before);
    expect((await it.actionPlans.get({ groupId: employees() })).focusAreas).toEqual([]);
    // The analyst reads every plan and changes none.
    const analyst = await as(org.staff.analyst);
    expect((await analyst.actionPlans.get({ groupId: employees(), segment: OPS })).focusAreas).toHaveLength(1);
    expect(await fails(analyst.actionPlans.actions.delete({ actionId: opsAction.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('plans only from a wave in which the scope is shown, and says why not', async () => {
    const ops = await as(opsManager);
    // Operations did not answer the pulse: its plan page says so…
    const onPulse = await ops.actionPlans.get({ groupId: employees(), surveyId: pulse.surveyId });
    expect(onPulse.respondents).toEqual({ n: 0, hidden: 'no_data' });
    expect(onPulse.dimensions.every((d) => d.lived.value === null)).toBe(true);
    // …and no focus area can be chosen from it, nor from Q3, which no one of Operations answered.
    for (const waveId of [pulse.waveId, org.surveys.employee.closedWaveId]) {
      expect(
        await fails(
          ops.actionPlans.focus.add({ groupId: employees(), waveId, dimensionId: org.dimensions.recognition }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST', field: 'waveId' });
    }
    expect(await count(db.db, 'focus_area')).toBe(0);
    // By default, the Operations manager plans from Q4, where the department is shown.
    expect((await ops.actionPlans.get({ groupId: employees() })).wave?.label).toBe('Q4');
  });

  it('refuses bad input, naming the field, and writes nothing', async () => {
    const api = await as(org.staff.manager);
    const area = await api.actionPlans.focus.add({
      groupId: employees(),
      waveId: q4(),
      dimensionId: org.dimensions.recognition,
    });
    const before = await count(db.db, 'plan_action');
    const action = (extra: Record<string, unknown>) =>
      fails(
        api.actionPlans.actions.create({
          focusAreaId: area.id,
          title: 'Act',
          owner: 'Me',
          dueDate: null,
          initiativeId: null,
          ...extra,
        } as never),
      );
    expect(await action({ title: '  ' })).toMatchObject({ code: 'BAD_REQUEST', field: 'title' });
    expect(await action({ owner: 'x'.repeat(121) })).toMatchObject({ code: 'BAD_REQUEST', field: 'owner' });
    expect(await action({ dueDate: '31/01/2027' })).toMatchObject({ code: 'BAD_REQUEST', field: 'dueDate' });
    expect(await action({ initiativeId: newId() })).toMatchObject({ code: 'NOT_FOUND', field: 'initiativeId' });
    expect(
      await fails(
        api.actionPlans.focus.add({ groupId: employees(), waveId: q4(), dimensionId: org.dimensions.payment }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'dimensionId' });
    expect(
      await fails(
        api.actionPlans.focus.add({ groupId: employees(), waveId: q4(), dimensionId: org.dimensions.recognition }),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'dimensionId' });
    expect(await count(db.db, 'plan_action')).toBe(before);
    expect(await count(db.db, 'focus_area')).toBe(1);
  });
});

describe('HR follows the plans', () => {
  it('lists the managers with results and no plan first, without any count', async () => {
    await (await as(org.staff.manager)).actionPlans.focus.add({
      groupId: employees(),
      waveId: q4(),
      dimensionId: org.dimensions.recognition,
    });
    const coverage = await (await as(org.staff.hr)).actionPlans.coverage({ groupId: employees() });
    expect(coverage.wave?.label).toBe('Q4');
    expect(coverage.managers.map((m) => [m.department, m.state, m.hidden])).toEqual([
      ['ops', 'no_plan', null],
      ['it', 'planned', null],
      ['hr', 'no_results', 'no_data'],
    ]);
    expect(JSON.stringify(coverage)).not.toMatch(/"n":/);
    expect(hrManager.memberId).toBe(coverage.managers[2]?.memberId);
    // On the pulse, only IT answered: Operations has nothing to plan from.
    const onPulse = await (await as(org.staff.hr)).actionPlans.coverage({
      groupId: employees(),
      surveyId: pulse.surveyId,
    });
    expect(onPulse.managers.find((m) => m.department === 'ops')?.state).toBe('no_results');
    expect(onPulse.managers.find((m) => m.department === 'it')?.state).toBe('no_plan');
    // Suppliers have no managers: nothing to follow.
    expect((await (await as(org.staff.hr)).actionPlans.coverage({ groupId: org.groups.supplier })).managers).toEqual(
      [],
    );
  });
});
