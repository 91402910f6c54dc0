import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { createInitiative, deleteInitiative } from '../repositories/initiatives.ts';
import type { Database } from '../schema.ts';
import {
  addDimension,
  addSegmentAttributeValues,
  buildFixture,
  type Fixture,
  openTestDb,
  testDialects,
} from '../testing.ts';
import {
  addFocusArea,
  createPlanAction,
  deletePlanAction,
  listFocusAreas,
  planCountsByValue,
  publishedActionsFor,
  recordActionProgress,
  removeFocusArea,
  setPlanActionPublished,
  updatePlanAction,
} from './index.ts';

const dialects = await testDialects();
const LATER = '2026-11-25T10:00:00.000Z';
const IT = { key: 'department', value: 'it' };

async function tables(db: Kysely<Database>, org: string) {
  return JSON.stringify(
    await Promise.all(
      (['focus_area', 'plan_action', 'plan_action_update'] as const).map((t) =>
        db.selectFrom(t).selectAll().where('organization_id', '=', org).orderBy('id').execute(),
      ),
    ),
  );
}

describe.each(dialects)('action plans (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    await addSegmentAttributeValues(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      key: 'department',
      label: { fr: 'Service', en: 'Department' },
      values: [
        ['it', 'Informatique', 'IT'],
        ['hr', 'RH', 'HR'],
      ],
    });
  });

  const focus = (extra: Partial<Parameters<typeof addFocusArea>[1]> = {}) =>
    addFocusArea(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.closedWaveId,
      scope: IT,
      dimensionId: fx.dimensions.recognition,
      memberId: fx.staff.manager.memberId,
      now: fx.now,
      newId,
      ...extra,
    });
  const action = (focusAreaId: string, title = 'Thank people in the weekly meeting') =>
    createPlanAction(db, {
      organizationId: fx.organizationId,
      focusAreaId,
      title: `  ${title}  `,
      owner: 'Inès Martin',
      dueDate: '2027-01-31',
      initiativeId: null,
      memberId: fx.staff.manager.memberId,
      now: fx.now,
      newId,
    });

  it('keeps a plan from focus area to done, with every step of its history', async () => {
    const area = await focus({ note: 'Recognition fell most' });
    const created = await action(area.id);
    expect(created).toMatchObject({
      title: 'Thank people in the weekly meeting',
      owner: 'Inès Martin',
      dueDate: '2027-01-31',
      status: 'planned',
      published: false,
    });
    await recordActionProgress(db, {
      organizationId: fx.organizationId,
      actionId: created.id,
      status: 'in_progress',
      note: 'First two meetings held',
      memberId: fx.staff.manager.memberId,
      now: LATER,
      newId,
    });
    await recordActionProgress(db, {
      organizationId: fx.organizationId,
      actionId: created.id,
      status: 'in_progress',
      note: 'Now a standing agenda item',
      memberId: fx.staff.hr.memberId,
      now: LATER,
      newId,
    });
    const [plan] = await listFocusAreas(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      scope: IT,
    });
    expect(plan).toMatchObject({ scope: IT, note: 'Recognition fell most', waveId: fx.surveys.employee.closedWaveId });
    expect(plan?.actions[0]?.status).toBe('in_progress');
    expect(plan?.actions[0]?.updates.map((u) => [u.status, u.note, u.authorName])).toEqual([
      ['planned', null, 'manager'],
      ['in_progress', 'First two meetings held', 'manager'],
      ['in_progress', 'Now a standing agenda item', 'hr'],
    ]);
    // The whole group's plan is another scope: it holds nothing yet.
    expect(
      await listFocusAreas(db, { organizationId: fx.organizationId, groupId: fx.groups.employee, scope: null }),
    ).toEqual([]);
  });

  it('refuses a bad field, naming it, and writes nothing', async () => {
    const area = await focus();
    const before = await tables(db, fx.organizationId);
    const cases: [() => Promise<unknown>, string][] = [
      [() => focus({ dimensionId: fx.dimensions.payment }), 'dimensionId'],
      [() => focus({ scope: { key: 'site', value: 'lyon' } }), 'scope.key'],
      [() => focus({ scope: { key: 'department', value: 'legal' } }), 'scope.value'],
      [() => focus({ waveId: fx.surveys.supplier.closedWaveId, dimensionId: fx.dimensions.transparency }), 'waveId'],
      [() => focus({ note: 'x'.repeat(2001), dimensionId: fx.dimensions.transparency }), 'note'],
      [() => focus(), 'dimensionId'],
      [
        () =>
          createPlanAction(db, {
            organizationId: fx.organizationId,
            focusAreaId: area.id,
            title: '   ',
            owner: 'Inès',
            dueDate: null,
            initiativeId: null,
            memberId: null,
            now: fx.now,
            newId,
          }),
        'title',
      ],
      [
        () =>
          createPlanAction(db, {
            organizationId: fx.organizationId,
            focusAreaId: area.id,
            title: 'Act',
            owner: 'Inès',
            dueDate: '2027-02-30',
            initiativeId: null,
            memberId: null,
            now: fx.now,
            newId,
          }),
        'dueDate',
      ],
      [
        () =>
          createPlanAction(db, {
            organizationId: fx.organizationId,
            focusAreaId: area.id,
            title: 'Act',
            owner: 'Inès',
            dueDate: null,
            initiativeId: newId(),
            memberId: null,
            now: fx.now,
            newId,
          }),
        'initiativeId',
      ],
    ];
    for (const [call, field] of cases) await expect(call(), field).rejects.toMatchObject({ field });
    await expect(focus()).rejects.toMatchObject({ kind: 'conflict' });
    expect(await tables(db, fx.organizationId)).toBe(before);
  });

  it('asks for a note when the status stays the same, and unpublishes what is cancelled', async () => {
    const area = await focus();
    const a = await action(area.id);
    const progress = (status: string, note: string | null) =>
      recordActionProgress(db, {
        organizationId: fx.organizationId,
        actionId: a.id,
        status,
        note,
        memberId: null,
        now: LATER,
        newId,
      });
    await expect(progress('planned', '  ')).rejects.toMatchObject({ field: 'note' });
    await expect(progress('finished', null)).rejects.toMatchObject({ field: 'status' });
    await setPlanActionPublished(db, {
      organizationId: fx.organizationId,
      actionId: a.id,
      published: true,
      now: LATER,
    });
    expect((await progress('cancelled', null)).published).toBe(false);
    await expect(
      setPlanActionPublished(db, { organizationId: fx.organizationId, actionId: a.id, published: true, now: LATER }),
    ).rejects.toMatchObject({ field: 'published' });
  });

  it('shows each stakeholder the published actions of the whole group and of their own team only', async () => {
    const itArea = await focus();
    const hrArea = await focus({ scope: { key: 'department', value: 'hr' } });
    const wholeArea = await focus({ scope: null, dimensionId: fx.dimensions.transparency });
    const itAction = await action(itArea.id, 'IT: thank people');
    const hrAction = await action(hrArea.id, 'HR: thank people');
    const wholeAction = await action(wholeArea.id, 'Everyone: open books');
    const draft = await action(itArea.id, 'IT: not yet shown');
    for (const a of [itAction, hrAction, wholeAction]) {
      await setPlanActionPublished(db, {
        organizationId: fx.organizationId,
        actionId: a.id,
        published: true,
        now: LATER,
      });
    }
    const seen = async (segments: Record<string, string>) =>
      (await publishedActionsFor(db, { organizationId: fx.organizationId, groupId: fx.groups.employee, segments })).map(
        (a) => a.title,
      );
    expect((await seen(fx.stakeholders.alice.segments)).sort()).toEqual(['Everyone: open books', 'IT: thank people']);
    expect((await seen(fx.stakeholders.bob.segments)).sort()).toEqual(['Everyone: open books', 'HR: thank people']);
    expect(await seen({})).toEqual(['Everyone: open books']);
    // Another group's stakeholders see none of the employees' actions.
    expect(
      await publishedActionsFor(db, { organizationId: fx.organizationId, groupId: fx.groups.supplier, segments: {} }),
    ).toEqual([]);
    expect(await seen(fx.stakeholders.alice.segments)).not.toContain(draft.title);
    expect(
      await planCountsByValue(db, {
        organizationId: fx.organizationId,
        groupId: fx.groups.employee,
        waveId: fx.surveys.employee.closedWaveId,
        scopeKey: 'department',
      }),
    ).toEqual(
      new Map([
        ['it', { focusAreas: 1, actions: 2, done: 0 }],
        ['hr', { focusAreas: 1, actions: 1, done: 0 }],
      ]),
    );
  });

  it('edits and deletes actions, drops a focus area with its actions, and outlives a deleted initiative', async () => {
    const initiative = await createInitiative(db, {
      organizationId: fx.organizationId,
      title: { fr: 'Reconnaissance', en: 'Recognition' },
      description: null,
      kind: 'policy',
      ownerDepartment: 'hr',
      status: 'active',
      startDate: null,
      endDate: null,
      targets: [{ groupId: fx.groups.employee, dimensionId: fx.dimensions.recognition }],
      now: fx.now,
      newId,
    });
    const area = await focus();
    const a = await action(area.id);
    const edited = await updatePlanAction(db, {
      organizationId: fx.organizationId,
      actionId: a.id,
      title: 'Thank people every week',
      owner: 'Marc',
      dueDate: null,
      initiativeId: initiative.id,
      now: LATER,
    });
    expect(edited).toMatchObject({ title: 'Thank people every week', owner: 'Marc', dueDate: null, updatedAt: LATER });
    expect(edited.initiativeId).toBe(initiative.id);
    await deleteInitiative(db, { organizationId: fx.organizationId, initiativeId: initiative.id });
    const [kept] = await listFocusAreas(db, { organizationId: fx.organizationId, groupId: fx.groups.employee });
    expect(kept?.actions[0]?.initiativeId).toBeNull();

    const b = await action(area.id, 'Second');
    await deletePlanAction(db, { organizationId: fx.organizationId, actionId: b.id });
    await expect(deletePlanAction(db, { organizationId: fx.organizationId, actionId: b.id })).rejects.toMatchObject({
      kind: 'not_found',
    });
    await removeFocusArea(db, { organizationId: fx.organizationId, focusAreaId: area.id });
    expect(await tables(db, fx.organizationId)).toBe('[[],[],[]]');
  });

  it('keeps a plan to a few focus areas', async () => {
    const dims = [fx.dimensions.recognition, fx.dimensions.transparency];
    for (const dimensionId of dims) await focus({ dimensionId });
    // Three more employee dimensions, to reach the cap.
    for (const code of ['d3', 'd4', 'd5', 'd6']) {
      dims.push(
        await addDimension(db, {
          organizationId: fx.organizationId,
          code,
          groupIds: [fx.groups.employee],
          now: fx.now,
        }),
      );
    }
    for (const dimensionId of dims.slice(2, 5)) await focus({ dimensionId });
    await expect(focus({ dimensionId: dims[5] as string })).rejects.toMatchObject({
      field: 'dimensionId',
      kind: 'invalid',
    });
  });
});
