import { type Db, keepProgrammesCurrent, listOutbox, newId } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb, TEST_BASE_URL } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const NOW = '2026-12-01T10:00:00.000Z';

const MONTHLY = {
  unit: 'month' as const,
  every: 1,
  weekday: 1,
  hour: 9,
  openDays: 10,
  startDate: '2027-01-01',
  endDate: '2027-06-30',
  audience: { segments: {} },
};

/** The fixture's employee survey with its open wave closed, so that nothing waits before the cadence's first wave. */
async function recurringSurvey(): Promise<string> {
  const hr = await callerFor(db.db, org.staff.hr.userId, { now: NOW });
  await hr.surveys.waves.close({ waveId: org.surveys.employee.waveId });
  return org.surveys.employee.surveyId;
}

describe('surveys.setCadence', () => {
  it('sets a monthly cadence shown on the survey with its next openings, then clears it', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId, { now: NOW });
    const surveyId = await recurringSurvey();
    const set = await hr.surveys.setCadence({ surveyId, cadence: MONTHLY });
    expect(set.timeZone).toBe('Europe/Paris');
    // The first Monday of each month at 09:00 in Paris.
    expect(set.nextOpenings).toEqual([
      { label: '2027-01-04', opensAt: '2027-01-04T08:00:00.000Z', closesAt: '2027-01-14T08:00:00.000Z' },
      { label: '2027-02-01', opensAt: '2027-02-01T08:00:00.000Z', closesAt: '2027-02-11T08:00:00.000Z' },
      { label: '2027-03-01', opensAt: '2027-03-01T08:00:00.000Z', closesAt: '2027-03-11T08:00:00.000Z' },
    ]);
    const detail = await hr.surveys.get({ surveyId });
    expect(detail.cadence).toEqual(MONTHLY);
    expect(detail.nextOpenings).toEqual(set.nextOpenings);
    // An analyst reads it too.
    const analyst = await callerFor(db.db, org.staff.analyst.userId, { now: NOW });
    expect((await analyst.surveys.get({ surveyId })).cadence).toEqual(MONTHLY);
    await hr.surveys.setCadence({ surveyId, cadence: null });
    expect((await hr.surveys.get({ surveyId })).cadence).toBeNull();
  });

  it('refuses bad cadences with the field and reason, and writes nothing', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId, { now: NOW });
    const surveyId = await recurringSurvey();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ every: 0 }, 'cadence.every', 'too_small'],
      [{ every: 13 }, 'cadence.every', 'too_big'],
      [{ weekday: 8 }, 'cadence.weekday', 'too_big'],
      [{ hour: -1 }, 'cadence.hour', 'too_small'],
      [{ openDays: 28 }, 'cadence.openDays', 'too_big'],
      [{ startDate: '2027-02-29' }, 'cadence.startDate', 'invalid_value'],
      [{ endDate: '2026-12-31' }, 'cadence.endDate', 'invalid_value'],
      [{ unit: 'day' }, 'cadence.unit', 'invalid_value'],
      [{ extra: true }, 'cadence.extra', 'unknown_key'],
    ];
    for (const [change, field, reason] of cases) {
      const error = await hr.surveys
        .setCadence({ surveyId, cadence: { ...MONTHLY, ...change } as typeof MONTHLY })
        .catch((e) => e);
      expect(error, field).toMatchObject({ code: 'BAD_REQUEST', detail: { field, reason } });
      expect(error.message, field).toContain(field);
    }
    // The audience names segments of the group, by their codes.
    await expect(
      hr.surveys.setCadence({ surveyId, cadence: { ...MONTHLY, audience: { segments: { planet: ['mars'] } } } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', detail: { field: 'cadence.audience.segments.planet' } });
    expect((await hr.surveys.get({ surveyId })).cadence).toBeNull();
  });

  it('is for those who build surveys: analysts and managers are refused', async () => {
    const surveyId = await recurringSurvey();
    for (const who of [org.staff.analyst, org.staff.manager]) {
      const caller = await callerFor(db.db, who.userId, { now: NOW });
      await expect(caller.surveys.setCadence({ surveyId, cadence: MONTHLY })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    const employee = await callerFor(db.db, org.stakeholders.alice.userId, { now: NOW });
    await expect(employee.surveys.setCadence({ surveyId, cadence: MONTHLY })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('opens the wave on its day, invites the directory once, and its dates show on the survey', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId, { now: NOW });
    const surveyId = await recurringSurvey();
    await hr.surveys.setCadence({ surveyId, cadence: MONTHLY });
    const run = (now: string) =>
      keepProgrammesCurrent(db.db, { organizationId: org.organizationId, now, newId, baseUrl: TEST_BASE_URL });
    expect((await run('2027-01-04T07:59:00.000Z')).opened).toEqual([]);
    const [waveId] = (await run('2027-01-04T08:00:00.000Z')).opened;
    expect((await run('2027-01-04T08:01:00.000Z')).opened).toEqual([]);
    const later = await callerFor(db.db, org.staff.hr.userId, { now: '2027-01-05T10:00:00.000Z' });
    const detail = await later.surveys.get({ surveyId });
    const wave = detail.waves.find((w) => w.id === waveId)!;
    expect(wave).toMatchObject({ label: '2027-01-04', state: 'open', invited: 3 });
    expect(detail.nextOpenings[0]?.label).toBe('2027-02-01');
    const invitations = await listOutbox(db.db, { organizationId: org.organizationId, limit: 500 });
    const invited = invitations.filter((m) => m.body.includes('/employee/i/')).map((m) => m.to);
    expect(invited.sort()).toEqual(
      [org.stakeholders.alice.email, org.stakeholders.bob.email, org.stakeholders.carol.email].sort(),
    );
  });
});

describe('admin.settings.update: the time zone', () => {
  it('takes an IANA name from an admin, in its canonical spelling, and refuses the rest', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId, { now: NOW });
    expect((await admin.admin.settings.get()).timeZone).toBe('Europe/Paris');
    expect((await admin.admin.settings.update({ timeZone: 'asia/tokyo' })).timeZone).toBe('Asia/Tokyo');
    await expect(admin.admin.settings.update({ timeZone: 'Atlantis/Capital' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      detail: { field: 'timeZone' },
    });
    expect((await admin.admin.settings.get()).timeZone).toBe('Asia/Tokyo');
    const hr = await callerFor(db.db, org.staff.hr.userId, { now: NOW });
    await expect(hr.admin.settings.update({ timeZone: 'Europe/Paris' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
