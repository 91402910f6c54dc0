import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import { migrateToLatest } from './migrations/index.ts';
import { buildFixture, openTestDb, testDialects } from './testing.ts';

const dialects = await testDialects();
const dir = mkdtempSync(join(tmpdir(), 'facets-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createDb on a SQLite file', () => {
  it('creates the folder, turns on WAL, full sync and foreign keys, and backs up', async () => {
    const file = join(dir, 'nested', 'facets.sqlite');
    const handle = createDb(file);
    try {
      expect(handle.dialect).toBe('sqlite');
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      await migrateToLatest(handle.db);
      const fx = await buildFixture(handle.db);
      const backup = join(dir, 'backups', 'copy.sqlite');
      await handle.backup(backup);
      const copy = createDb(backup);
      const org = await copy.db.selectFrom('organization').select('slug').executeTakeFirst();
      expect(org?.slug).toBe(fx.slug);
      await copy.close();
    } finally {
      await handle.close();
    }
  });
});

describe.each(dialects)('createDb (%s)', (dialect) => {
  it('returns numbers for counts and sums', async () => {
    const handle = await openTestDb(dialect);
    try {
      await buildFixture(handle.db);
      const row = await handle.db
        .selectFrom('question')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('position').as('total')])
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ n: 10, total: 34 }); // positions 1..7 and 1..3
      if (dialect === 'postgres') await expect(handle.backup(join(dir, 'x.sqlite'))).rejects.toThrow(/pg_dump/);
    } finally {
      await handle.close();
    }
  });
});
