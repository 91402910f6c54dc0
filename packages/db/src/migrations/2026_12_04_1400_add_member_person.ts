import type { Kysely } from 'kysely';

/**
 * A staff member's own person in the people directory (`member.person_id`, a stakeholder of an employee group), set
 * by an admin: a manager so linked reads the results of their team, everyone under them in the reporting line
 * (docs/architecture.md, "Teams"). Frozen once landed.
 */

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and typed against no schema
type Db = Kysely<any>;

export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('member')
    .addColumn('person_id', 'text', (c) => c.references('stakeholder.id'))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('member').dropColumn('person_id').execute();
}
