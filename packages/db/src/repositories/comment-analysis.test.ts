import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { analyseMissingComments } from './comment-analysis.ts';
import { submitResponse } from './responses.ts';

const dialects = await testDialects();

describe.each(dialects)('comment analysis (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  /** A text question on recognition, whose comments take the response's lived recognition rating as a prior. */
  let improve: string;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    improve = newId();
    await db
      .insertInto('question')
      .values({
        id: improve,
        organization_id: fx.organizationId,
        survey_id: fx.surveys.employee.surveyId,
        position: 20,
        code: 'recognition_text',
        type: 'text',
        scale: null,
        facet: null,
        dimension_id: fx.dimensions.recognition,
        prompt: JSON.stringify({ fr: 'Qu’est-ce qui améliorerait la reconnaissance ?', en: 'What would improve it?' }),
        options: null,
        required: 0,
      })
      .execute();
  });

  async function respond(args: { lived: number; text?: string; general?: string; bad?: boolean }) {
    const s = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments: { department: 'it' } });
    const q = fx.surveys.employee.questions;
    return submitResponse(db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.employee.waveId,
      stakeholderId: s.id,
      groupId: s.groupId,
      segments: s.segments,
      idempotencyKey: newId(),
      answers: [
        { questionId: q.recognition_lived!, value: args.bad ? 99 : args.lived },
        { questionId: q.recognition_expected!, value: 4 },
        ...(args.text === undefined ? [] : [{ questionId: improve, text: args.text }]),
        ...(args.general === undefined ? [] : [{ questionId: q.comment!, text: args.general }]),
      ],
      now: fx.now,
      newId,
    });
  }

  const analyses = () =>
    db
      .selectFrom('comment_analysis as c')
      .innerJoin('answer as a', 'a.id', 'c.answer_id')
      .select(['a.value_text', 'c.answer_id', 'c.language', 'c.polarity', 'c.score', 'c.themes'])
      .where('c.organization_id', '=', fx.organizationId)
      .orderBy('c.answer_id')
      .execute();

  it('reads each accepted comment in the transaction that accepts it: language, sentiment, themes', async () => {
    await respond({
      lived: 3,
      text: 'Mon manager ne me reconnaît jamais, je suis déçu',
      general: 'The team is great and we help each other!',
    });
    const rows = await analyses();
    expect(rows).toHaveLength(2);
    const fr = rows.find((r) => r.value_text?.startsWith('Mon manager'))!;
    expect(fr).toMatchObject({ language: 'fr', polarity: 'negative' });
    expect(JSON.parse(fr.themes)).toEqual(['recognition', 'management']);
    const en = rows.find((r) => r.value_text?.startsWith('The team'))!;
    expect(en).toMatchObject({ language: 'en', polarity: 'positive' });
    expect(JSON.parse(en.themes)).toEqual(['teamwork']);
  });

  it('takes the response’s lived rating of the comment’s dimension as a prior', async () => {
    await respond({ lived: 1, text: 'Rien à signaler' });
    await respond({ lived: 5, text: 'Rien à signaler.' });
    await respond({ lived: 5, general: 'Rien à signaler !' });
    const byText = Object.fromEntries((await analyses()).map((r) => [r.value_text, r.polarity]));
    expect(byText).toEqual({
      'Rien à signaler': 'negative',
      'Rien à signaler.': 'positive',
      // A comment on no dimension has no rating to lean on.
      'Rien à signaler !': 'neutral',
    });
  });

  it('writes no analysis for a refused submission, nor for an answer without text', async () => {
    await expect(respond({ lived: 3, text: 'Très bien', bad: true })).rejects.toThrow();
    await respond({ lived: 3, text: '   ' });
    expect(await analyses()).toEqual([]);
  });

  it('keeps nothing but the answer it reads: no response, wave, person or time', async () => {
    await respond({ lived: 4, text: 'Bonne ambiance' });
    const [row] = await db.selectFrom('comment_analysis').selectAll().execute();
    expect(Object.keys(row!).sort()).toEqual([
      'answer_id',
      'language',
      'organization_id',
      'polarity',
      'score',
      'themes',
    ]);
    if (dialect === 'sqlite') {
      const { rows } = await sql<{
        sql: string;
      }>`select sql from sqlite_master where name = 'comment_analysis'`.execute(db);
      // A rowid would count insertions and pair an anonymous comment's analysis with its neighbours in time.
      expect(rows[0]!.sql.toLowerCase()).toContain('without rowid');
    }
  });

  it('analyses, once, the comments accepted before the analytics existed', async () => {
    await respond({ lived: 1, text: 'Jamais reconnu' });
    await respond({ lived: 5, text: 'Je me sens valorisé', general: 'RAS' });
    const before = await analyses();
    await db.deleteFrom('comment_analysis').where('organization_id', '=', fx.organizationId).execute();
    expect(await analyseMissingComments(db, { organizationId: fx.organizationId, limit: 2 })).toBe(2);
    expect(await analyseMissingComments(db, { organizationId: fx.organizationId })).toBe(1);
    expect(await analyseMissingComments(db, { organizationId: fx.organizationId })).toBe(0);
    expect(await analyses()).toEqual(before);
  });
});
