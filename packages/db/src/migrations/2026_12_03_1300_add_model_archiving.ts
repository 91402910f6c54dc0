import type { Kysely } from 'kysely';

/**
 * The organisation edits its own model: a stakeholder group, a dimension or a segment attribute that carries data is
 * archived rather than deleted — `archived_at` set, hidden from new work, still reported. (A segment value's archive
 * flag lives in the attribute's `values` JSON.) Null: in use. Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

const TABLES = ['stakeholder_group', 'dimension', 'segment_attribute'] as const;

export async function up(db: Db): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).addColumn('archived_at', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('archived_at').execute();
}
