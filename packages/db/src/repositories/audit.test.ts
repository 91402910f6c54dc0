import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { buildFixture, type Fixture } from '../fixture.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { listAuditEvents, recordAuditEvent } from './audit.ts';
import { inTransaction } from './rows.ts';

const dialects = await testDialects();

describe.each(dialects)('audit log (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  let org: Fixture;
  let other: Fixture;

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    org = await buildFixture(db);
    other = await buildFixture(db);
  });
  afterAll(() => handle?.close());

  const at = (minute: number) => new Date(Date.parse('2026-12-02T09:00:00.000Z') + minute * 60_000).toISOString();
  const record = (fx: Fixture, minute: number, action: 'settings.update' | 'export.csv', details = {}) =>
    recordAuditEvent(db, {
      organizationId: fx.organizationId,
      actorMemberId: fx.staff.admin.memberId,
      action,
      target: action === 'export.csv' ? 'People and roles' : null,
      details,
      now: at(minute),
      newId,
    });

  it('lists an organisation’s events newest first, in pages, with the actor’s name, and by action', async () => {
    const ids: string[] = [];
    for (let minute = 0; minute < 5; minute++) {
      ids.push((await record(org, minute, minute % 2 ? 'export.csv' : 'settings.update', { step: minute })).id);
    }
    // Two events at one instant keep one order on every page.
    ids.push((await record(org, 4, 'settings.update', { step: 5 })).id);
    await record(other, 10, 'settings.update');

    const first = await listAuditEvents(db, { organizationId: org.organizationId, limit: 4 });
    expect(first.events.map((e) => e.details.step)).toEqual([5, 4, 3, 2]);
    expect(first.events[0]).toMatchObject({
      action: 'settings.update',
      at: at(4),
      actor: { memberId: org.staff.admin.memberId, email: `admin@${org.slug}.test` },
      target: null,
    });
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditEvents(db, {
      organizationId: org.organizationId,
      limit: 4,
      cursor: first.nextCursor!,
    });
    expect(second.events.map((e) => e.details.step)).toEqual([1, 0]);
    expect(second.nextCursor).toBeNull();

    const exports = await listAuditEvents(db, { organizationId: org.organizationId, action: 'export.csv' });
    expect(exports.events.map((e) => [e.details.step, e.target])).toEqual([
      [3, 'People and roles'],
      [1, 'People and roles'],
    ]);
    // Another organisation's log holds only its own event.
    expect((await listAuditEvents(db, { organizationId: other.organizationId })).events).toHaveLength(1);
  });

  it('writes nothing when the action’s transaction fails', async () => {
    const before = (await listAuditEvents(db, { organizationId: other.organizationId })).events.length;
    await expect(
      inTransaction(db, async (trx) => {
        await recordAuditEvent(trx, {
          organizationId: other.organizationId,
          actorMemberId: other.staff.admin.memberId,
          action: 'members.remove',
          target: other.staff.analyst.memberId,
          details: {},
          now: at(20),
          newId,
        });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect((await listAuditEvents(db, { organizationId: other.organizationId })).events).toHaveLength(before);
  });

  it('refuses a cursor it did not give, naming the field', async () => {
    await expect(listAuditEvents(db, { organizationId: org.organizationId, cursor: 'nonsense' })).rejects.toMatchObject(
      { kind: 'invalid', field: 'cursor' },
    );
  });
});
