import type { Database } from '@facets/db';
import type { Insertable, Kysely } from 'kysely';

/** Helpers of the generator's writers. */

export const json = (value: unknown) => JSON.stringify(value);
/** When the organisation's records were created: fixed, like every time of the generated data. */
export const CREATED = new Date(Date.UTC(2023, 10, 1)).toISOString();

/** Inserts rows in chunks that stay below SQLite's and PostgreSQL's bound-parameter limits. */
export async function insertChunked<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0]!).length;
  const size = Math.max(1, Math.floor(30_000 / perRow));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
