import { type Db, issueInvitations, newId } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, key, type Org, openDb } from '../test-setup.ts';

/**
 * A continuous survey (an exit survey, sent to each leaver) reports by calendar month: each month is a wave of its
 * own, published when the month ends. A reader who looks before and after one leaver answers sees nothing move; a
 * link sent in one month and used in the next counts in the next; a published month never changes again.
 */

let db: Db;
let org: Org;
let surveyId: string;
let questionId: string;

const at = (day: string) => `${day}T10:00:00.000Z`;
const hr = (day: string) => callerFor(db.db, org.staff.hr.userId, { now: at(day) });
const leadership = (day: string) => callerFor(db.db, org.leadership.userId, { now: at(day) });
const anonymous = (day: string) => callerFor(db.db, null, { now: at(day) });

async function invite(waveId: string, count: number, day: string): Promise<string[]> {
  const invitees = [];
  for (let i = 0; i < count; i++) {
    invitees.push(await addStakeholder(db.db, org, { groupId: org.groups.employee, segments: { department: 'it' } }));
  }
  const issued = await issueInvitations(db.db, {
    organizationId: org.organizationId,
    waveId,
    stakeholderIds: invitees.map((s) => s.id),
    expiresAt: '2027-03-01T00:00:00.000Z',
    now: at(day),
    newId,
  });
  return issued.map((i) => i.token);
}

const answer = async (token: string, day: string, value: number) =>
  (await anonymous(day)).portal.invitation.submit({
    token,
    idempotencyKey: key(),
    answers: [{ questionId, value }],
  });

const recognition = async (day: string) =>
  (await leadership(day)).insights.dimension({
    groupId: org.groups.employee,
    dimensionId: org.dimensions.recognition,
    surveyId,
  });

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
  const api = await hr('2026-11-10');
  ({ surveyId } = await api.surveys.create({
    groupId: org.groups.employee,
    kind: 'exit',
    anonymous: true,
    title: { fr: 'Entretien de départ', en: 'Exit survey' },
  }));
  await api.surveys.questions.save({
    surveyId,
    questions: [
      {
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: org.dimensions.recognition,
        prompt: { fr: 'Je me suis senti reconnu', en: 'I felt recognised' },
        options: null,
        required: true,
      },
    ],
  });
  questionId = (await api.surveys.get({ surveyId })).questions[0]!.id;
});
afterEach(() => db.close());

describe('a continuous survey reported by calendar month', () => {
  it('opens the current month as its wave and rolls to the next month when it ends', async () => {
    const api = await hr('2026-11-10');
    const set = await api.surveys.setPeriod({ surveyId, period: 'month' });
    expect(set.period).toBe('month');
    const november = (await api.surveys.get({ surveyId })).waves;
    expect(november.map((w) => [w.label, w.opensAt, w.closesAt, w.state])).toEqual([
      ['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'open'],
    ]);
    // Read on 3 December: November has closed by its date, December is open.
    const later = await (await hr('2026-12-03')).surveys.get({ surveyId });
    expect(later.period).toBe('month');
    expect(later.waves.map((w) => [w.label, w.opensAt, w.closesAt, w.state])).toEqual([
      ['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'closed'],
      ['2026-12', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'open'],
    ]);
    // Reading again, or from two readers at once, opens nothing more.
    await Promise.all([(await hr('2026-12-04')).surveys.list(), (await hr('2026-12-04')).surveys.get({ surveyId })]);
    expect((await (await hr('2026-12-05')).surveys.get({ surveyId })).waves).toHaveLength(2);
  });

  it('shows nothing of a month until it ends, then that month only, and never changes it again', async () => {
    const { waveId } = await (await hr('2026-11-10')).surveys.setPeriod({ surveyId, period: 'month' });
    const tokens = await invite(waveId!, 5, '2026-11-10');
    // Before and after each leaver's answer in November, the page is the same but for the month's count of answers,
    // which says nothing below k (nobody included) and counts from k on: no figure of the month is shown.
    const withoutCount = (page: Awaited<ReturnType<typeof recognition>>) => ({
      ...page,
      pendingWaves: page.pendingWaves.map((w) => ({ ...w, respondents: null })),
    });
    const before = await recognition('2026-11-11');
    const exitCount = (page: Awaited<ReturnType<typeof recognition>>) =>
      page.pendingWaves.filter((w) => w.survey.id === surveyId).map((w) => w.respondents);
    const counts = [exitCount(before)];
    for (const [i, value] of [5, 4, 2, 1].entries()) {
      await answer(tokens[i]!, `2026-11-1${i + 2}`, value);
      const after = await recognition(`2026-11-1${i + 2}`);
      expect(withoutCount(after)).toEqual(withoutCount(before));
      counts.push(exitCount(after));
    }
    expect(before.distribution.n).toBe(0);
    const fewer = { n: 0, hidden: 'below_k' };
    expect(counts).toEqual([[fewer], [fewer], [fewer], [{ n: 3, hidden: null }], [{ n: 4, hidden: null }]]);

    // December: November is published, four answers (5, 4, 2, 1 on a 1–5 scale: indices 100, 75, 25, 0, mean 50).
    const published = await recognition('2026-12-02');
    expect(published.distribution).toMatchObject({ wave: { label: '2026-11' }, n: 4 });
    expect(published.trend.map((t) => [t.wave.label, t.lived])).toEqual([
      ['2026-11', { n: 4, value: 50, hidden: null }],
    ]);

    // The fifth link, sent in November, is used on 3 December: it counts in December, not in November.
    const link = await (await anonymous('2026-12-03')).portal.invitation.get({ token: tokens[4]! });
    expect(link.state).toBe('open');
    expect(link.survey?.waveId).not.toBe(waveId);
    await answer(tokens[4]!, '2026-12-03', 5);
    // November's figures stay as published; December is named as under way, with no figure.
    const { pendingWaves, ...december } = await recognition('2026-12-03');
    const { pendingWaves: _, ...november } = published;
    expect(december).toEqual(november);
    expect(pendingWaves.filter((w) => w.survey.id === surveyId)).toMatchObject([
      { wave: { label: '2026-12' }, respondents: { hidden: 'below_k' } },
    ]);
    const waves = (await (await hr('2026-12-03')).surveys.get({ surveyId })).waves;
    expect(waves.map((w) => [w.label, w.responses])).toEqual([
      ['2026-11', 4],
      ['2026-12', null], // one answer: fewer than k, not counted aloud
    ]);

    // An anonymous response is dated by its period's first day, never by the day it was given.
    const dated = await db.db.selectFrom('response').select(['wave_id', 'submitted_at']).execute();
    expect(new Set(dated.filter((r) => r.wave_id === waveId).map((r) => r.submitted_at))).toEqual(
      new Set(['2026-11-01T00:00:00.000Z']),
    );
    expect(dated.filter((r) => r.wave_id !== waveId).map((r) => r.submitted_at)).toEqual(['2026-12-01T00:00:00.000Z']);
  });

  it('sends an answer to a month that has ended to the current month, in the portal too', async () => {
    const { waveId } = await (await hr('2026-11-10')).surveys.setPeriod({ surveyId, period: 'month' });
    await issueInvitations(db.db, {
      organizationId: org.organizationId,
      waveId: waveId!,
      stakeholderIds: [org.stakeholders.alice.id],
      expiresAt: '2027-03-01T00:00:00.000Z',
      now: at('2026-11-28'),
      newId,
    });
    // Alice opened the form on 30 November and sends it on 1 December.
    const portal = await callerFor(db.db, org.stakeholders.alice.userId, { now: at('2026-12-01') });
    const result = await portal.portal.survey.submit({
      waveId: waveId!,
      idempotencyKey: key(),
      answers: [{ questionId, value: 4 }],
    });
    const stored = await db.db.selectFrom('response').select('wave_id').where('id', '=', result.responseId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.wave_id).not.toBe(waveId);
    const listed = await portal.portal.survey.list();
    expect(listed.filter((w) => w.surveyId === surveyId).map((w) => w.answered)).toEqual([true]);
  });

  it('keeps a wave closed by hand closed: the survey stops, nothing rolls after it', async () => {
    const { waveId } = await (await hr('2026-11-10')).surveys.setPeriod({ surveyId, period: 'month' });
    await (await hr('2026-11-20')).surveys.waves.close({ waveId: waveId! });
    expect((await (await hr('2026-12-03')).surveys.get({ surveyId })).waves.map((w) => w.state)).toEqual(['closed']);
  });

  it('refuses a period on a survey that is not sent to chosen people, naming the field, and changes nothing', async () => {
    const api = await hr('2026-11-10');
    const pulse = org.surveys.employee.surveyId;
    await expect(api.surveys.setPeriod({ surveyId: pulse, period: 'month' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^period: only onboarding, exit and post-interaction surveys/),
    });
    await expect(api.surveys.setPeriod({ surveyId, period: 'week' as never })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await api.surveys.get({ surveyId: pulse })).period).toBeNull();
    expect((await api.surveys.get({ surveyId })).waves).toEqual([]);
  });
});
