import { type Db, publishWave } from '@facets/db';
import { addSegmentAttributeValues } from '@facets/db/testing';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorData } from '../errors.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

/**
 * surveys.update names the survey's primary breakdown: builders only, a segment attribute of the group (never the
 * company), fixed once a wave is published, each change an audit event.
 */

let db: Db;
let org: Org;
const TITLE = { fr: 'Pulse (fr)', en: 'Pulse' };

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  for (const [key, values] of [
    ['department', ['it', 'hr']],
    ['site', ['lyon', 'paris']],
  ] as const) {
    await addSegmentAttributeValues(db.db, {
      organizationId: org.organizationId,
      groupId: org.groups.employee,
      key,
      label: { fr: key, en: key },
      values: values.map((v): [string, string, string] => [v, v, v]),
    });
  }
  await addSegmentAttributeValues(db.db, {
    organizationId: org.organizationId,
    groupId: org.groups.supplier,
    key: 'company',
    label: { fr: 'Entreprise', en: 'Company' },
    values: [],
  });
});
afterEach(() => db.close());

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const surveyId = () => org.surveys.employee.surveyId;
const update = (primarySegmentKey: string | null, surveyId_ = surveyId(), anonymous = true) => ({
  surveyId: surveyId_,
  title: TITLE,
  intro: null,
  anonymous,
  primarySegmentKey,
});
const events = async () =>
  (await (await callerFor(db.db, org.staff.admin.userId)).audit.list({ action: 'surveys.primary_breakdown' })).events;

describe('surveys.update: the primary breakdown', () => {
  it('is read by every staff role and set by admin, leadership and HR, each change recorded', async () => {
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect(await analyst.surveys.get({ surveyId: surveyId() })).toMatchObject({
      primarySegmentKey: null,
      effectivePrimarySegmentKey: 'department',
      published: false,
      primaryBreakdowns: [
        { key: 'department', label: { fr: 'department', en: 'department' } },
        { key: 'site', label: { fr: 'site', en: 'site' } },
      ],
    });
    const hr = await callerFor(db.db, org.staff.hr.userId);
    await hr.surveys.update(update('site'));
    const manager = await callerFor(db.db, org.staff.manager.userId);
    expect((await manager.surveys.list()).find((s) => s.id === surveyId())).toMatchObject({
      primarySegmentKey: 'site',
      effectivePrimarySegmentKey: 'site',
    });
    const leadership = await callerFor(db.db, org.leadership.userId);
    await leadership.surveys.update(update(null));
    // Saving the texts without it, or with the one it has, is no event.
    await leadership.surveys.update({ surveyId: surveyId(), title: TITLE, intro: null, anonymous: true });
    await leadership.surveys.update(update(null));

    const recorded = (await events()).map((e) => [e.actor?.memberId, e.target, e.details]);
    expect(recorded).toHaveLength(2);
    expect(recorded).toEqual(
      expect.arrayContaining([
        [
          org.staff.hr.memberId,
          surveyId(),
          { survey: 'Pulse (fr)', group: 'employee', primarySegmentKey: { from: null, to: 'site' } },
        ],
        [
          org.leadership.memberId,
          surveyId(),
          { survey: 'Pulse (fr)', group: 'employee', primarySegmentKey: { from: 'site', to: null } },
        ],
      ]),
    );

    for (const who of [org.staff.analyst, org.staff.manager]) {
      const error = await rejection((await callerFor(db.db, who.userId)).surveys.update(update('site')));
      expect(error.code).toBe('FORBIDDEN');
    }
    expect((await analyst.surveys.get({ surveyId: surveyId() })).primarySegmentKey).toBeNull();
    expect(await events()).toHaveLength(2);
  });

  it('refuses, naming the field with its reason, and writes nothing — no change, no event', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    await publishWave(db.db, {
      organizationId: org.organizationId,
      waveId: org.surveys.employee.closedWaveId,
      k: 3,
      commentK: 3,
      now: org.now,
    });
    const cases: [() => Promise<unknown>, string, string][] = [
      [() => admin.surveys.update(update('')), 'BAD_REQUEST', 'required'],
      [() => admin.surveys.update(update('x'.repeat(65))), 'BAD_REQUEST', 'too_long'],
      [() => admin.surveys.update(update('tenure')), 'BAD_REQUEST', 'invalid_value'],
      [
        () => admin.surveys.update(update('company', org.surveys.supplier.surveyId, false)),
        'BAD_REQUEST',
        'not_allowed',
      ],
      // A wave of the employee survey is published: its populations stay as they were chosen.
      [() => admin.surveys.update(update('site')), 'CONFLICT', 'wrong_state'],
    ];
    for (const [call, code, reason] of cases) {
      const error = await rejection(call());
      expect([error.code, errorData(error).field, errorData(error).reason]).toEqual([
        code,
        'primarySegmentKey',
        reason,
      ]);
    }
    expect(await admin.surveys.get({ surveyId: surveyId() })).toMatchObject({
      primarySegmentKey: null,
      effectivePrimarySegmentKey: 'department',
      published: true,
    });
    const supplier = await admin.surveys.get({ surveyId: org.surveys.supplier.surveyId });
    expect(supplier).toMatchObject({ primarySegmentKey: null, primaryBreakdowns: [] });
    expect(await events()).toEqual([]);
  });
});
