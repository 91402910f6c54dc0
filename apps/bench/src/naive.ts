import SqliteDatabase from 'better-sqlite3';
import { ORG } from './generator/index.ts';
import { percentile, round } from './stats.ts';

/**
 * The overview's figures computed the naive way, from raw answers: per group, wave, dimension and facet, the count,
 * sum and sum of squares of the 0–100 indices — what the aggregates hold ready. Plain SQL in-process, no HTTP, so it
 * is a lower bound of what a dashboard without aggregates would cost.
 */
const NAIVE_OVERVIEW = `
  select group_id, wave_id, dimension_id, facet, count(*) as n, sum(idx) as s, sum(idx * idx) as ss
  from (
    select r.group_id, r.wave_id, q.dimension_id, q.facet,
      (a.value_number - case q.scale when 'nps11' then 0 else 1 end) * 100.0 /
        case q.scale when 'nps11' then 10 when 'ces7' then 6 else 4 end as idx
    from answer a
    join response r on r.id = a.response_id
    join question q on q.id = a.question_id
    where a.organization_id = ? and r.organization_id = ? and q.type = 'rating' and a.value_number is not null
  )
  group by group_id, wave_id, dimension_id, facet`;

export function timeNaiveOverview(file: string, runs: number): { ms: number | null; rows: number } {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const statement = db.prepare(NAIVE_OVERVIEW);
    const samples: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      rows = statement.all(ORG.id, ORG.id).length;
      samples.push(performance.now() - started);
    }
    return { ms: round(percentile(samples, 50), 0), rows };
  } finally {
    db.close();
  }
}
