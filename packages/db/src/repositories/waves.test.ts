import { DomainError } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { importInvitations } from './invitation-import.ts';
import { submitResponse } from './responses.ts';
import { createSurvey, saveQuestions } from './survey-builder.ts';
import { listSurveys } from './survey-catalog.ts';
import { listOpenWaves } from './surveys.ts';
import { closeWave, openWave, scheduleWave, waveResponseRate } from './waves.ts';

const dialects = await testDialects();
const now = '2026-12-01T09:00:00.000Z';
const later = (days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe.each(dialects)('waves (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  let surveyId: string;
  let questionId: string;
  const organizationId = () => fx.organizationId;
  const wavesOf = async (at = now) =>
    (await listSurveys(handle.db, { organizationId: organizationId(), now: at, surveyId })).at(0)!.waves;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now });
    ({ surveyId } = await createSurvey(handle.db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      title: { fr: 'Pulse de décembre', en: 'December pulse' },
      now,
      newId,
    }));
  });
  afterAll(() => handle.close());

  it('needs questions before a wave can be scheduled', async () => {
    const error = await failure(
      scheduleWave(handle.db, {
        organizationId: organizationId(),
        surveyId,
        label: 'Dec',
        opensAt: now,
        closesAt: later(14),
        now,
        newId,
      }),
    );
    expect(error.message).toBe('surveyId: add at least one question before scheduling a wave');
    await saveQuestions(handle.db, {
      organizationId: organizationId(),
      surveyId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: fx.dimensions.recognition,
          prompt: { fr: 'Je suis reconnu.', en: 'I am recognised.' },
          options: null,
          required: true,
        },
      ],
      newId,
    });
    questionId = (
      await handle.db.selectFrom('question').select('id').where('survey_id', '=', surveyId).executeTakeFirstOrThrow()
    ).id;
    expect(await wavesOf()).toEqual([]);
  });

  it('refuses dates that make no sense, naming the field, and writes no wave', async () => {
    const schedule = (opensAt: string, closesAt: string) =>
      failure(
        scheduleWave(handle.db, {
          organizationId: organizationId(),
          surveyId,
          label: 'Dec',
          opensAt,
          closesAt,
          now,
          newId,
        }),
      );
    expect((await schedule(later(7), later(3))).message).toBe(
      'closesAt: a wave cannot close before it opens: choose a later date',
    );
    expect((await schedule(later(-2), later(3))).field).toBe('opensAt');
    expect((await schedule(later(1), later(400))).field).toBe('closesAt');
    expect(await wavesOf()).toEqual([]);
  });

  it('goes from scheduled to open to closed, and only an open wave takes answers', async () => {
    const { waveId, state } = await scheduleWave(handle.db, {
      organizationId: organizationId(),
      surveyId,
      label: 'December',
      opensAt: later(3),
      closesAt: later(17),
      now,
      newId,
    });
    expect(state).toBe('scheduled');
    expect(await wavesOf()).toMatchObject([{ id: waveId, sequence: 1, state: 'scheduled', invited: 0, responses: 0 }]);
    const portal = {
      organizationId: organizationId(),
      groupId: fx.groups.employee,
      stakeholderId: fx.stakeholders.alice.id,
      now,
    };
    expect((await listOpenWaves(handle.db, portal)).map((w) => w.waveId)).not.toContain(waveId);
    // The wave opens by itself at its date…
    expect((await wavesOf(later(4)))[0]!.state).toBe('open');
    // …and a scheduled wave cannot close before it opened.
    expect((await failure(closeWave(handle.db, { organizationId: organizationId(), waveId, now }))).message).toMatch(
      /^waveId: this wave has not opened yet, and a wave cannot close before it opens/,
    );

    const overlap = await failure(
      scheduleWave(handle.db, {
        organizationId: organizationId(),
        surveyId,
        label: 'Overlap',
        opensAt: later(10),
        closesAt: later(20),
        now,
        newId,
      }),
    );
    expect(overlap).toMatchObject({ kind: 'conflict', field: 'opensAt' });
    expect(overlap.message).toContain('the wave “December” takes answers at the same time');

    await openWave(handle.db, { organizationId: organizationId(), waveId, now });
    expect((await wavesOf())[0]!.state).toBe('open');
    expect((await listOpenWaves(handle.db, portal)).map((w) => w.waveId)).toContain(waveId);
    expect((await failure(openWave(handle.db, { organizationId: organizationId(), waveId, now }))).message).toBe(
      'waveId: this wave is already open',
    );

    const closedAt = later(1);
    await closeWave(handle.db, { organizationId: organizationId(), waveId, now: closedAt });
    expect(await wavesOf(closedAt)).toMatchObject([{ state: 'closed', closesAt: closedAt }]);
    const answer = await failure(
      submitResponse(handle.db, {
        organizationId: organizationId(),
        waveId,
        stakeholderId: fx.stakeholders.alice.id,
        groupId: fx.groups.employee,
        segments: {},
        idempotencyKey: newId(),
        answers: [{ questionId, value: 4 }],
        now: later(2),
        newId,
      }),
    );
    expect(answer.message).toBe('waveId: this survey is closed');
    expect(
      (await failure(closeWave(handle.db, { organizationId: organizationId(), waveId, now: later(2) }))).kind,
    ).toBe('conflict');

    // The next wave may start once the first one is over.
    const next = await scheduleWave(handle.db, {
      organizationId: organizationId(),
      surveyId,
      label: 'January',
      opensAt: later(2),
      closesAt: later(30),
      now: later(2),
      newId,
    });
    expect(next.state).toBe('open');
    expect((await wavesOf(later(2))).map((w) => [w.sequence, w.state])).toEqual([
      [1, 'closed'],
      [2, 'open'],
    ]);
  });

  it('counts the response rate from invitations and respondent counts, anonymously', async () => {
    const [, january] = await wavesOf(later(2));
    const at = later(3);
    expect(
      await waveResponseRate(handle.db, { organizationId: organizationId(), waveId: january!.id, now: at }),
    ).toMatchObject({
      invited: 0,
      responses: 0,
      rate: null,
      anonymous: true,
    });
    await importInvitations(handle.db, {
      organization: { id: organizationId(), name: 'Atelier Nord', defaultLocale: 'fr' },
      waveId: january!.id,
      csv: `email\n${fx.stakeholders.alice.email}\n${fx.stakeholders.bob.email}\nnew.person@example.org\nsomeone@example.org\n`,
      now: at,
      baseUrl: 'https://facets.example.org',
      newId,
    });
    await submitResponse(handle.db, {
      organizationId: organizationId(),
      waveId: january!.id,
      stakeholderId: fx.stakeholders.alice.id,
      groupId: fx.groups.employee,
      segments: fx.stakeholders.alice.segments,
      idempotencyKey: newId(),
      answers: [{ questionId, value: 5 }],
      now: at,
      newId,
    });
    expect(
      await waveResponseRate(handle.db, { organizationId: organizationId(), waveId: january!.id, now: at }),
    ).toEqual({
      waveId: january!.id,
      label: 'January',
      state: 'open',
      anonymous: true,
      invited: 4,
      used: 0,
      responses: 1,
      rate: 0.25,
    });
    const other = await buildFixture(handle.db, { now });
    expect(
      (
        await failure(
          waveResponseRate(handle.db, { organizationId: other.organizationId, waveId: january!.id, now: at }),
        )
      ).kind,
    ).toBe('not_found');
    expect(
      (
        await failure(
          waveResponseRate(handle.db, {
            organizationId: organizationId(),
            waveId: january!.id,
            now: at,
            groupKinds: ['supplier'],
          }),
        )
      ).kind,
    ).toBe('forbidden');
  });
});
