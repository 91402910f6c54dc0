import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { deleteOrganization } from '../organizations/index.ts';
import type { Database } from '../schema.ts';
import { buildFixture, openTestDb, testDialects } from '../testing.ts';
import { claimDueJobs, completeJob, failJob, getJob, insertJob, listFailedJobs } from './store.ts';

const dialects = await testDialects();

describe.each(dialects)('the job table (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
  });
  afterAll(() => handle?.close());

  const now = '2026-12-03T10:00:00.000Z';
  const add = (name: string, extra: { singletonKey?: string; runAt?: string; organizationId?: string } = {}) =>
    insertJob(db, {
      id: newId(),
      organizationId: extra.organizationId ?? null,
      name,
      payload: { n: 1 },
      singletonKey: extra.singletonKey ?? null,
      runAt: extra.runAt ?? now,
      now,
    });
  const expiresAt = () => '2026-12-03T10:05:00.000Z';

  it('keeps one waiting job per singleton key, and a new one once it has started', async () => {
    const first = await add('key.test', { singletonKey: 'k' });
    expect(first).not.toBeNull();
    expect(await add('key.test', { singletonKey: 'k' })).toBeNull();
    expect(await add('key.test', { singletonKey: 'other' })).not.toBeNull();
    expect(await add('key.test')).not.toBeNull();
    expect(await add('key.test')).not.toBeNull();
    const claimed = await claimDueJobs(db, { names: ['key.test'], now, limit: 10, expiresAt });
    expect(claimed).toHaveLength(4);
    expect(await add('key.test', { singletonKey: 'k' })).not.toBeNull();
  });

  it('hands a due job to one claim, takes back an attempt that expired, and keeps a failure with its error', async () => {
    const id = (await add('claim.test'))!;
    await add('claim.test', { runAt: '2026-12-03T11:00:00.000Z' });
    const [job] = await claimDueJobs(db, { names: ['claim.test'], now, limit: 10, expiresAt });
    expect(job).toMatchObject({ id, attempts: 1, payload: '{"n":1}' });
    expect(await claimDueJobs(db, { names: ['claim.test'], now, limit: 10, expiresAt })).toEqual([]);
    const later = '2026-12-03T10:05:00.000Z';
    expect(
      (await claimDueJobs(db, { names: ['claim.test'], now: later, limit: 10, expiresAt })).map((j) => j.id),
    ).toEqual([id]);
    await failJob(db, { id, error: 'boom', retryAt: '2026-12-03T10:06:00.000Z', now: later });
    expect(await getJob(db, id)).toMatchObject({ state: 'created', attempts: 2, last_error: 'boom' });
    await failJob(db, { id, error: 'boom again', retryAt: null, now: later });
    expect(await getJob(db, id)).toMatchObject({ state: 'failed', last_error: 'boom again', finished_at: later });
  });

  it('lists an organisation’s failed jobs to it only, and deletes them with it', async () => {
    const a = await buildFixture(db, { slug: `a-${newId().toLowerCase()}` });
    const b = await buildFixture(db, { slug: `b-${newId().toLowerCase()}` });
    const failed = (await add('org.test', { organizationId: a.organizationId }))!;
    const done = (await add('org.test', { organizationId: a.organizationId }))!;
    await failJob(db, { id: failed, error: 'refused', retryAt: null, now });
    await completeJob(db, { id: done, now });
    expect(await listFailedJobs(db, { organizationId: a.organizationId })).toEqual([
      { id: failed, name: 'org.test', attempts: 0, error: 'refused', createdAt: now, failedAt: now },
    ]);
    expect(await listFailedJobs(db, { organizationId: b.organizationId })).toEqual([]);
    await deleteOrganization(db, { organizationId: a.organizationId });
    expect(await getJob(db, failed)).toBeUndefined();
  });
});
