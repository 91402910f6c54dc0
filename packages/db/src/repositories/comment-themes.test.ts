import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addStakeholder, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { readThemeCatalogue, updateTheme } from './comment-themes.ts';
import { readCommentReadings } from './comments.ts';
import { submitResponse } from './responses.ts';

const dialects = await testDialects();

describe.each(dialects)('comment themes (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let fx: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());
  beforeEach(async () => {
    fx = await buildFixture(db);
    other = await buildFixture(db);
  });

  const update = (code: 'pay' | 'workload' | 'tools', change: Parameters<typeof updateTheme>[1]['change']) =>
    updateTheme(db, { organizationId: fx.organizationId, code, change, actorMemberId: null, now: fx.now, newId });
  const audit = () =>
    db
      .selectFrom('audit_event')
      .select(['action', 'target', 'details'])
      .where('organization_id', '=', fx.organizationId)
      .where('action', '=', 'themes.update')
      .execute();

  it('renames, merges and maps a theme for one organisation only, each change audited', async () => {
    await update('pay', { label: { fr: 'Salaires' } });
    await update('workload', { mergedInto: 'pay' });
    const catalogue = await update('pay', { dimensionId: fx.dimensions.recognition });
    const pay = catalogue.get('pay');
    expect(pay.label).toEqual({ fr: 'Salaires', en: 'Pay' });
    expect(pay.dimensionId).toBe(fx.dimensions.recognition);
    expect(catalogue.resolve('workload')).toBe('pay');
    expect(catalogue.resolve('tools')).toBe('tools');
    expect(catalogue.resolve('no_such_theme')).toBeNull();
    const events = await audit();
    expect(events).toHaveLength(3);
    expect(events.map((e) => JSON.parse(e.details))).toEqual(
      expect.arrayContaining([
        { theme: 'pay', labelFr: { from: 'Rémunération', to: 'Salaires' } },
        { theme: 'workload', mergedInto: { from: null, to: 'pay' } },
        { theme: 'pay', dimensionId: { from: null, to: fx.dimensions.recognition } },
      ]),
    );
    // Another organisation keeps the built-in taxonomy.
    const theirs = await readThemeCatalogue(db, { organizationId: other.organizationId });
    expect(theirs.get('pay').label.fr).toBe('Rémunération');
    expect(theirs.resolve('workload')).toBe('workload');
    // Back to the built-in name; a change that changes nothing is not audited.
    await update('pay', { label: null });
    await update('pay', { label: null });
    expect((await readThemeCatalogue(db, { organizationId: fx.organizationId })).get('pay').label.fr).toBe(
      'Rémunération',
    );
    expect(await audit()).toHaveLength(4);
  });

  it('refuses a merge into a merged theme, of a theme others are merged into, and a foreign dimension', async () => {
    await update('workload', { mergedInto: 'pay' });
    await expect(update('tools', { mergedInto: 'workload' })).rejects.toMatchObject({
      kind: 'conflict',
      field: 'into',
    });
    await expect(update('pay', { mergedInto: 'tools' })).rejects.toMatchObject({ kind: 'conflict', field: 'code' });
    await expect(update('pay', { mergedInto: 'pay' })).rejects.toMatchObject({ kind: 'invalid', field: 'into' });
    await expect(update('pay', { dimensionId: other.dimensions.recognition })).rejects.toMatchObject({
      kind: 'not_found',
      field: 'dimensionId',
    });
    // Nothing half-written: the refused changes left no row and no event.
    const rows = await db
      .selectFrom('comment_theme')
      .select('code')
      .where('organization_id', '=', fx.organizationId)
      .execute();
    expect(rows.map((r) => r.code)).toEqual(['workload']);
    expect(await audit()).toHaveLength(1);
  });

  it('reads the stored analyses of a wave’s comments by commenter and dimension, with their segments', async () => {
    const improve = newId();
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
        prompt: JSON.stringify({ fr: 'Et la reconnaissance ?', en: 'And recognition?' }),
        options: null,
        required: 0,
      })
      .execute();
    const q = fx.surveys.employee.questions;
    for (const [department, text] of [
      ['it', 'Mon salaire est trop bas et je suis épuisé'],
      ['sales', 'Great team, we help each other'],
      ['sales', '   '],
    ] as const) {
      const s = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments: { department } });
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: s.id,
        groupId: s.groupId,
        segments: s.segments,
        idempotencyKey: newId(),
        answers: [
          { questionId: q.recognition_lived!, value: 2 },
          { questionId: q.recognition_expected!, value: 4 },
          { questionId: improve, text },
        ],
        now: fx.now,
        newId,
      });
    }
    const readings = await readCommentReadings(db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      waveId: fx.surveys.employee.waveId,
      dimensionIds: [fx.dimensions.recognition],
    });
    expect(readings).toHaveLength(2);
    const it = readings.find((r) => r.segments.department === 'it')!;
    expect(it.dimensionId).toBe(fx.dimensions.recognition);
    expect(it.comments).toEqual([
      { text: 'Mon salaire est trop bas et je suis épuisé', polarity: 'negative', themes: ['workload', 'pay'] },
    ]);
    // Another organisation's reading of the same wave id finds nothing.
    expect(
      await readCommentReadings(db, {
        organizationId: other.organizationId,
        groupId: fx.groups.employee,
        waveId: fx.surveys.employee.waveId,
        dimensionIds: [fx.dimensions.recognition],
      }),
    ).toEqual([]);
  });
});
