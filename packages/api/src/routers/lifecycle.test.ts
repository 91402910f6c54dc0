import { type Db, listAuditEvents } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorData } from '../errors.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

/**
 * surveys.setTrigger (builders; continuous onboarding and exit surveys of employee groups) and the fatigue rule in
 * admin.settings (admins; audited).
 */

let db: Db;
let org: Org;
const QUESTION = {
  type: 'text' as const,
  scale: null,
  facet: null,
  dimensionId: null,
  prompt: { fr: 'Un mot ?', en: 'A word?' },
  options: null,
  required: false,
};

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}
const refusal = async (promise: Promise<unknown>) => {
  const error = await rejection(promise);
  return [error.code, errorData(error).field, errorData(error).reason];
};

async function continuousSurvey(kind: 'onboarding' | 'exit' | 'pulse', groupId = org.groups.employee) {
  const hr = await callerFor(db.db, org.staff.hr.userId);
  const { surveyId } = await hr.surveys.create({ groupId, kind, title: { fr: 'Arrivée', en: 'Onboarding' } });
  await hr.surveys.questions.save({ surveyId, questions: [QUESTION] });
  if (kind !== 'pulse') await hr.surveys.setPeriod({ surveyId, period: 'month' });
  return surveyId;
}

describe('surveys.setTrigger', () => {
  it('stores an onboarding trigger, shows it in surveys.get and removes it', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const surveyId = await continuousSurvey('onboarding');
    expect(await hr.surveys.setTrigger({ surveyId, trigger: { event: 'start', daysAfter: 30 } })).toEqual({
      trigger: { event: 'start', daysAfter: 30 },
    });
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect((await analyst.surveys.get({ surveyId })).lifecycleTrigger).toEqual({ event: 'start', daysAfter: 30 });
    await hr.surveys.setTrigger({ surveyId, trigger: null });
    expect((await hr.surveys.get({ surveyId })).lifecycleTrigger).toBeNull();
  });

  it('refuses, naming the field and its reason, and changes nothing', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const onboarding = await continuousSurvey('onboarding');
    const pulse = await continuousSurvey('pulse');
    const supplierExit = await continuousSurvey('exit', org.groups.supplier);
    const start = { event: 'start', daysAfter: 30 } as const;
    expect(
      await refusal(hr.surveys.setTrigger({ surveyId: onboarding, trigger: { event: 'start', daysAfter: 400 } })),
    ).toEqual(['BAD_REQUEST', 'trigger.daysAfter', 'too_big']);
    expect(
      await refusal(hr.surveys.setTrigger({ surveyId: onboarding, trigger: { event: 'end', daysAfter: 3 } as never })),
    ).toEqual(['BAD_REQUEST', 'trigger.daysBefore', 'required']);
    expect(
      await refusal(hr.surveys.setTrigger({ surveyId: onboarding, trigger: { event: 'end', daysBefore: 7 } })),
    ).toEqual(['BAD_REQUEST', 'trigger', 'not_allowed']);
    expect(
      await refusal(hr.surveys.setTrigger({ surveyId: supplierExit, trigger: { event: 'end', daysBefore: 7 } })),
    ).toEqual(['BAD_REQUEST', 'trigger', 'not_allowed']);
    expect(await refusal(hr.surveys.setTrigger({ surveyId: pulse, trigger: start }))).toEqual([
      'BAD_REQUEST',
      'trigger',
      'not_allowed',
    ]);
    const other = await buildOrg(db.db);
    const stranger = await callerFor(db.db, other.staff.hr.userId);
    expect(await refusal(stranger.surveys.setTrigger({ surveyId: onboarding, trigger: start }))).toEqual([
      'NOT_FOUND',
      'surveyId',
      'not_found',
    ]);
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect((await rejection(analyst.surveys.setTrigger({ surveyId: onboarding, trigger: start }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await hr.surveys.get({ surveyId: onboarding })).lifecycleTrigger).toBeNull();
  });

  it('keeps the reporting period while a trigger invites into it', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const surveyId = await continuousSurvey('exit');
    await hr.surveys.setTrigger({ surveyId, trigger: { event: 'end', daysBefore: 7 } });
    expect(await refusal(hr.surveys.setPeriod({ surveyId, period: null }))).toEqual(['CONFLICT', 'period', 'in_use']);
    expect((await hr.surveys.get({ surveyId })).period).toBe('month');
  });
});

describe('the fatigue rule in the settings', () => {
  it('is off by default, set by admins only, audited, and refused out of range', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    expect((await admin.admin.settings.get()).fatigueRule).toBeNull();
    const rule = { maxSurveys: 3, periodDays: 30 };
    expect((await admin.admin.settings.update({ fatigueRule: rule })).fatigueRule).toEqual(rule);
    const { events } = await listAuditEvents(db.db, { organizationId: org.organizationId, action: 'settings.update' });
    expect(events.find((e) => e.action === 'settings.update')?.details).toMatchObject({
      fatigueRule: { from: 'off', to: '3 / 30 d' },
    });
    expect(await refusal(admin.admin.settings.update({ fatigueRule: { maxSurveys: 0, periodDays: 30 } }))).toEqual([
      'BAD_REQUEST',
      'fatigueRule.maxSurveys',
      'too_small',
    ]);
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect((await rejection(hr.admin.settings.update({ fatigueRule: null }))).code).toBe('FORBIDDEN');
    expect((await admin.admin.settings.get()).fatigueRule).toEqual(rule);
  });
});
