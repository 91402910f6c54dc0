import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { buildFixture, openTestDb, testDialects } from '../testing.ts';
import { latestMaturityAssessment, saveMaturityAssessment } from './maturity.ts';

const dialects = await testDialects();

describe.each(dialects)('maturity self-assessments (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  it('keeps every assessment and reads back the latest', async () => {
    const [fx, other] = [await buildFixture(db), await buildFixture(db)];
    const organizationId = fx.organizationId;
    expect(await latestMaturityAssessment(db, { organizationId })).toBeNull();
    const memberId = fx.staff.admin.memberId;
    const first = await saveMaturityAssessment(db, {
      organizationId,
      memberId,
      stage: 2,
      answers: { silos: 'Marketing and HR plan apart' },
      now: '2026-10-01T09:00:00.000Z',
      newId,
    });
    const second = await saveMaturityAssessment(db, {
      organizationId,
      memberId,
      stage: 3,
      answers: { silos: 'A joint roadmap', offer: 'Subscriptions' },
      now: '2026-11-20T09:00:00.000Z',
    });
    expect(first.id).not.toBe(second.id);
    expect(await latestMaturityAssessment(db, { organizationId })).toEqual({
      id: second.id,
      memberId,
      stage: 3,
      answers: { silos: 'A joint roadmap', offer: 'Subscriptions' },
      createdAt: '2026-11-20T09:00:00.000Z',
    });
    expect(await latestMaturityAssessment(db, { organizationId: other.organizationId })).toBeNull();
    const rows = await db
      .selectFrom('maturity_assessment')
      .select('id')
      .where('organization_id', '=', organizationId)
      .execute();
    expect(rows).toHaveLength(2);
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses stage %s, naming the field, and writes nothing', async (stage) => {
    const fx = await buildFixture(db);
    const saving = saveMaturityAssessment(db, {
      organizationId: fx.organizationId,
      memberId: fx.staff.admin.memberId,
      stage,
      answers: {},
      now: fx.now,
    });
    await expect(saving).rejects.toMatchObject({ kind: 'invalid', field: 'stage' });
    expect(await latestMaturityAssessment(db, { organizationId: fx.organizationId })).toBeNull();
  });

  it('refuses a member of another organisation', async () => {
    const [fx, other] = [await buildFixture(db), await buildFixture(db)];
    const saving = saveMaturityAssessment(db, {
      organizationId: fx.organizationId,
      memberId: other.staff.admin.memberId,
      stage: 2,
      answers: {},
      now: fx.now,
    });
    await expect(saving).rejects.toMatchObject({ kind: 'not_found', field: 'memberId' });
  });
});
