import SqliteDatabase from 'better-sqlite3';
import { groupId, ORG, POPULATION, stakeholderId } from './generator/index.ts';
import { seededIds } from './generator/random.ts';
import { LOAD_QUESTIONS, loadWaveId } from './load-waves.ts';
import { round } from './stats.ts';

/**
 * `ingest.sqlite_ceiling_rps`: the same rows a submission writes (the response, its answers, the participation
 * marker) inserted with raw better-sqlite3 prepared statements, one durable transaction per response, with the
 * production pragmas (WAL, synchronous = FULL, foreign keys). No HTTP, no validation, no aggregates: the most SQLite
 * could accept one response at a time on this disk. The file must already hold the load waves.
 */
export function sqliteCeiling(file: string, seconds: number): { rps: number; responses: number } {
  const db = new SqliteDatabase(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const ids = seededIds(1);
  try {
    const insertResponse = db.prepare(
      'insert into response (id, organization_id, wave_id, group_id, stakeholder_id, idempotency_key, segments, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertAnswer = db.prepare(
      'insert into answer (id, organization_id, response_id, question_id, value_number, value_text, value_choices) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertParticipation = db.prepare(
      'insert into wave_participation (organization_id, wave_id, stakeholder_id) values (?, ?, ?)',
    );
    const segments = JSON.stringify({ department: 'operations', site: 'lyon', tenure_band: '3_10y' });
    const ratings = LOAD_QUESTIONS.filter((q) => q.type === 'rating');
    const submit = db.transaction((n: number) => {
      const now = Date.now();
      const responseId = ids(now);
      const wave = loadWaveId(Math.floor(n / POPULATION.employee));
      insertResponse.run(
        responseId,
        ORG.id,
        wave,
        groupId('employee'),
        null,
        `ceiling-${n}`,
        segments,
        new Date(now).toISOString().slice(0, 10),
      );
      ratings.forEach((q, i) => {
        insertAnswer.run(ids(now), ORG.id, responseId, q.id, 1 + ((n + i) % 5), null, null);
      });
      insertParticipation.run(ORG.id, wave, stakeholderId('employee', n % POPULATION.employee));
    });
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let n = 0;
    while (performance.now() < deadline) submit(n++);
    const elapsed = (performance.now() - started) / 1000;
    return { rps: round(n / elapsed, 0)!, responses: n };
  } finally {
    db.close();
  }
}
