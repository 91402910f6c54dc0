import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Once an anonymous wave is published, its rows are written again in key order: its responses, their answers (and the
 * answers' comment analyses), its
 * participation markers and its invitations are copied aside, deleted and inserted anew sorted by key, in the
 * publication's transaction. Until then a holder of the database file can read the order in which rows were written
 * from where they sit (within a SQLite page each new row goes just below the ones already there; on PostgreSQL
 * `ctid` and `xmin` follow the transactions). Written again in key order — random ids for responses and answers, the
 * person's id for markers — their places and their transaction say nothing of who answered when. Ids, keys and
 * contents stay the same, so every aggregate, idempotency key and link still holds.
 *
 * A wave that takes no more answers is rewritten once; what stays readable is the file's history (the WAL until a
 * checkpoint, and freed space until overwritten: `secure_delete` is off), which docs/architecture.md states. The copy
 * runs inside the database (insert … select … order by), a few seconds per hundred thousand responses.
 */
export async function rewriteInKeyOrder(
  trx: Kysely<Database>,
  args: { organizationId: string; waveId: string },
): Promise<void> {
  const survey = await trx
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select('s.anonymous')
    .where('w.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .executeTakeFirst();
  if (!survey?.anonymous) return;
  const { organizationId: org, waveId: wave } = args;
  const run = (query: ReturnType<typeof sql>) => query.execute(trx);
  // Every submission to the wave upserts its whole-group respondents row: a no-op update of it makes a submission
  // still under way (one that began before the close) finish first, so that the copy below holds it.
  await run(sql`update aggregate_respondents set n = n where organization_id = ${org} and wave_id = ${wave}
    and segment_key = '' and segment_value = ''`);
  await run(sql`create temporary table facets_rewrite_response as
    select * from response where organization_id = ${org} and wave_id = ${wave}`);
  await run(sql`create temporary table facets_rewrite_answer as
    select a.* from answer a where a.organization_id = ${org}
      and a.response_id in (select id from facets_rewrite_response)`);
  await run(sql`create temporary table facets_rewrite_analysis as
    select c.* from comment_analysis c where c.organization_id = ${org}
      and c.answer_id in (select id from facets_rewrite_answer)`);
  await run(sql`create temporary table facets_rewrite_participation as
    select * from wave_participation where organization_id = ${org} and wave_id = ${wave}`);
  await run(sql`create temporary table facets_rewrite_invitation as
    select * from invitation where organization_id = ${org} and wave_id = ${wave}`);
  // Analyses reference answers, answers responses: they go first and come back last.
  await run(sql`delete from comment_analysis where organization_id = ${org}
    and answer_id in (select answer_id from facets_rewrite_analysis)`);
  await run(sql`delete from answer where organization_id = ${org}
    and response_id in (select id from facets_rewrite_response)`);
  // Only the rows copied go: a row the copy does not hold is never deleted.
  await run(sql`delete from response where organization_id = ${org}
    and id in (select id from facets_rewrite_response)`);
  await run(sql`delete from wave_participation where organization_id = ${org} and wave_id = ${wave}
    and stakeholder_id in (select stakeholder_id from facets_rewrite_participation)`);
  await run(sql`delete from invitation where organization_id = ${org}
    and id in (select id from facets_rewrite_invitation)`);
  await run(sql`insert into response select * from facets_rewrite_response order by id`);
  await run(sql`insert into answer select * from facets_rewrite_answer order by id`);
  await run(sql`insert into comment_analysis select * from facets_rewrite_analysis order by answer_id`);
  await run(sql`insert into wave_participation select * from facets_rewrite_participation order by stakeholder_id`);
  await run(sql`insert into invitation select * from facets_rewrite_invitation order by id`);
  for (const table of ['response', 'answer', 'analysis', 'participation', 'invitation']) {
    await run(sql`drop table ${sql.table(`facets_rewrite_${table}`)}`);
  }
}
