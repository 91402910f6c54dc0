import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { readComments } from './comments.ts';
import { submitResponse } from './responses.ts';

const dialects = await testDialects();

describe.each(dialects)('readComments (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  /** Two text questions on recognition, so that one respondent may comment twice on it. */
  let improve: string;
  let more: string;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    [improve, more] = [newId(), newId()];
    await db
      .insertInto('question')
      .values(
        [improve, more].map((id, i) => ({
          id,
          organization_id: fx.organizationId,
          survey_id: fx.surveys.employee.surveyId,
          position: 20 + i,
          code: `recognition_text_${i}`,
          type: 'text',
          scale: null,
          facet: null,
          dimension_id: fx.dimensions.recognition,
          prompt: JSON.stringify({
            fr: 'Qu’est-ce qui améliorerait la reconnaissance ?',
            en: 'What would improve it?',
          }),
          options: null,
          required: 0,
        })),
      )
      .execute();
  });

  async function respond(
    department: string,
    texts: { improve?: string; more?: string; general?: string },
    company?: string,
  ) {
    const segments: Record<string, string> = company ? { department, company } : { department };
    const s = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments });
    const q = fx.surveys.employee.questions;
    await submitResponse(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: s.id,
      groupId: s.groupId,
      segments: s.segments,
      idempotencyKey: newId(),
      answers: [
        { questionId: q.recognition_lived!, value: 4 },
        { questionId: q.recognition_expected!, value: 4 },
        ...(texts.improve === undefined ? [] : [{ questionId: improve, text: texts.improve }]),
        ...(texts.more === undefined ? [] : [{ questionId: more, text: texts.more }]),
        ...(texts.general === undefined ? [] : [{ questionId: q.comment!, text: texts.general }]),
      ],
      now: fx.now,
      newId,
    });
  }

  const read = (args: { dimensionId?: string | null; segment?: { key: string; value: string }; limit?: number }) =>
    readComments(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.waveId,
      dimensionId: args.dimensionId === undefined ? fx.dimensions.recognition : args.dimensionId,
      ...(args.segment ? { segment: args.segment } : {}),
      limit: args.limit ?? 100,
    });

  it('gives the texts in text order and counts each commenting respondent once', async () => {
    await respond('it', { improve: 'Thank people in public', more: 'And pay them' });
    await respond('hr', { improve: 'A budget for thanks' });
    await respond('it', { improve: '   ', general: 'Nice canteen' });
    await respond('it', {});
    await respond('ops', { improve: 'A budget for thanks', general: 'Fewer meetings' });
    expect(await read({})).toEqual({
      commenters: 3,
      companies: 1,
      comments: ['A budget for thanks', 'A budget for thanks', 'And pay them', 'Thank people in public'],
    });
    // The questions with no dimension: the general comment.
    expect(await read({ dimensionId: null })).toEqual({
      commenters: 2,
      companies: 1,
      comments: ['Fewer meetings', 'Nice canteen'],
    });
    // At most `limit` texts; the count of commenters is the population's.
    expect(await read({ limit: 2 })).toEqual({
      commenters: 3,
      companies: 1,
      comments: ['A budget for thanks', 'A budget for thanks'],
    });
    expect(await read({ limit: 0 })).toEqual({ commenters: 3, companies: 1, comments: [] });
  });

  it('filters by a segment of the response’s snapshot', async () => {
    await respond('it', { improve: 'Thank people in public' });
    await respond('hr', { improve: 'A budget for thanks' });
    await respond('it', { improve: 'Celebrate launches' });
    expect(await read({ segment: { key: 'department', value: 'it' } })).toEqual({
      commenters: 2,
      companies: 1,
      comments: ['Celebrate launches', 'Thank people in public'],
    });
    expect(await read({ segment: { key: 'site', value: 'it' } })).toEqual({
      commenters: 0,
      companies: 0,
      comments: [],
    });
  });

  it('counts the distinct companies of the commenters, those without one as one more', async () => {
    await respond('it', { improve: 'Pay on time' }, 'acme');
    await respond('it', { improve: 'Pay on time', more: 'Answer the phone' }, 'acme');
    await respond('it', { improve: 'Clearer orders' }, 'bolt');
    expect(await read({})).toMatchObject({ commenters: 3, companies: 2 });
    await respond('hr', { improve: 'Fewer forms' });
    await respond('hr', { improve: 'Fewer calls' });
    expect(await read({})).toMatchObject({ commenters: 5, companies: 3 });
  });

  it('reads nothing of another wave, group, dimension or organisation', async () => {
    await respond('it', { improve: 'Thank people in public' });
    const base = {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.waveId,
      dimensionId: fx.dimensions.recognition,
      limit: 10,
    };
    const none = { commenters: 0, companies: 0, comments: [] };
    expect(await readComments(db, { ...base, waveId: fx.surveys.employee.closedWaveId })).toEqual(none);
    expect(await readComments(db, { ...base, groupId: fx.groups.supplier })).toEqual(none);
    expect(await readComments(db, { ...base, dimensionId: fx.dimensions.transparency })).toEqual(none);
    const other = await buildFixture(db);
    expect(await readComments(db, { ...base, organizationId: other.organizationId })).toEqual(none);
    await expect(readComments(db, { ...base, limit: -1 })).rejects.toMatchObject({ kind: 'invalid', field: 'limit' });
  });
});
