import { DomainError } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { findInvitation, issueInvitations } from './invitations.ts';
import { rollForInvitation, rollPeriodWaves, setSurveyPeriod } from './periods.ts';
import { createSurvey, saveQuestions } from './survey-builder.ts';
import { listSurveys } from './survey-catalog.ts';

const dialects = await testDialects();
const at = (day: string) => `${day}T10:00:00.000Z`;

describe.each(dialects)('calendar periods of continuous surveys (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now: at('2026-11-01') });
  });
  afterAll(() => handle.close());

  async function onboarding(withQuestion = true): Promise<string> {
    const { surveyId } = await createSurvey(handle.db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'onboarding',
      title: { fr: 'Arrivée', en: 'Onboarding' },
      now: at('2026-11-01'),
      newId,
    });
    if (withQuestion) {
      await saveQuestions(handle.db, {
        organizationId: fx.organizationId,
        surveyId,
        newId,
        questions: [
          {
            type: 'rating',
            scale: 'likert5',
            facet: 'lived',
            dimensionId: fx.dimensions.recognition,
            prompt: { fr: 'Bien accueilli', en: 'Well welcomed' },
            options: null,
            required: true,
          },
        ],
      });
    }
    return surveyId;
  }
  const wavesOf = async (surveyId: string, day: string) =>
    (await listSurveys(handle.db, { organizationId: fx.organizationId, now: at(day), surveyId }))[0]!.waves.map((w) => [
      w.label,
      w.opensAt,
      w.closesAt,
      w.state,
    ]);

  it('opens a quarter, rolls once however many servers roll at once, and moves the unused links only', async () => {
    const surveyId = await onboarding();
    const set = { organizationId: fx.organizationId, surveyId, newId };
    const { waveId } = await setSurveyPeriod(handle.db, { ...set, period: 'quarter', now: at('2026-11-05') });
    const [used, unused, expired] = await issueInvitations(handle.db, {
      organizationId: fx.organizationId,
      waveId: waveId!,
      stakeholderIds: [fx.stakeholders.alice.id, fx.stakeholders.bob.id, fx.stakeholders.carol.id],
      expiresAt: '2027-02-01T00:00:00.000Z',
      now: at('2026-11-05'),
      newId,
    });
    await handle.db
      .updateTable('invitation')
      .set({ used_at: at('2026-11-06') })
      .where('id', '=', used!.invitationId)
      .execute();
    await handle.db
      .updateTable('invitation')
      .set({ expires_at: '2026-12-20T00:00:00.000Z' })
      .where('id', '=', expired!.invitationId)
      .execute();
    // Nothing is due before the quarter ends.
    expect(
      await rollPeriodWaves(handle.db, { organizationId: fx.organizationId, now: at('2026-12-31'), newId }),
    ).toEqual([]);

    const rolls = await Promise.all(
      Array.from({ length: 4 }, () =>
        rollPeriodWaves(handle.db, { organizationId: fx.organizationId, now: at('2027-01-04'), newId }),
      ),
    );
    expect(rolls.flat()).toHaveLength(1);
    const next = rolls.flat()[0]!;
    expect(await wavesOf(surveyId, '2027-01-04')).toEqual([
      ['2026-Q4', '2026-10-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'closed'],
      ['2027-Q1', '2027-01-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z', 'open'],
    ]);
    expect((await findInvitation(handle.db, used!.token))?.waveId).toBe(waveId);
    expect((await findInvitation(handle.db, unused!.token))?.waveId).toBe(next);
    expect((await findInvitation(handle.db, expired!.token))?.waveId).toBe(waveId);
  });

  it('rolls by an invitation link, skipping periods nobody touched', async () => {
    const surveyId = await onboarding();
    const { waveId } = await setSurveyPeriod(handle.db, {
      organizationId: fx.organizationId,
      surveyId,
      period: 'month',
      now: at('2026-11-05'),
      newId,
    });
    const [link] = await issueInvitations(handle.db, {
      organizationId: fx.organizationId,
      waveId: waveId!,
      stakeholderIds: [fx.stakeholders.alice.id],
      expiresAt: '2027-06-01T00:00:00.000Z',
      now: at('2026-11-05'),
      newId,
    });
    await rollForInvitation(handle.db, { token: link!.token, now: at('2027-02-10'), newId });
    expect(await wavesOf(surveyId, '2027-02-10')).toEqual([
      ['2026-11', '2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'closed'],
      ['2027-02', '2027-02-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z', 'open'],
    ]);
    expect((await findInvitation(handle.db, link!.token))?.waveId).not.toBe(waveId);
  });

  it('makes an open wave the current period, and waits for questions before opening one', async () => {
    const empty = await onboarding(false);
    const args = { organizationId: fx.organizationId, surveyId: empty, newId, now: at('2026-11-05') };
    expect(await setSurveyPeriod(handle.db, { ...args, period: 'month' })).toEqual({ period: 'month', waveId: null });
    expect(await wavesOf(empty, '2026-11-05')).toEqual([]);
    // Back to waves by hand: the open wave keeps its dates.
    const surveyId = await onboarding();
    const { waveId } = await setSurveyPeriod(handle.db, { ...args, surveyId, period: 'quarter' });
    expect(await setSurveyPeriod(handle.db, { ...args, surveyId, period: 'month' })).toEqual({
      period: 'month',
      waveId,
    });
    expect(await wavesOf(surveyId, '2026-11-05')).toEqual([
      ['2026-Q4', '2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'open'],
    ]);
    await setSurveyPeriod(handle.db, { ...args, surveyId, period: null });
    expect(
      await rollPeriodWaves(handle.db, { organizationId: fx.organizationId, now: at('2026-12-05'), newId }),
    ).toEqual([]);
    expect(await wavesOf(surveyId, '2026-12-05')).toHaveLength(1);
  });

  it('refuses a period for a survey sent to everyone, and another organisation’s survey', async () => {
    const error = await setSurveyPeriod(handle.db, {
      organizationId: fx.organizationId,
      surveyId: fx.surveys.employee.surveyId,
      period: 'month',
      now: at('2026-11-05'),
      newId,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).field).toBe('period');
    const other = await buildFixture(handle.db, { now: at('2026-11-01') });
    await expect(
      setSurveyPeriod(handle.db, {
        organizationId: other.organizationId,
        surveyId: await onboarding(),
        period: 'month',
        now: at('2026-11-05'),
        newId,
      }),
    ).rejects.toMatchObject({ kind: 'not_found', field: 'surveyId' });
  });
});
