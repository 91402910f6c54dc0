import { randomInt } from 'node:crypto';
import { type Insertable, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database, WaveParticipationTable } from '../schema.ts';

/**
 * On PostgreSQL every row carries the id of the transaction that wrote it (`xmin`) and sits where it was written
 * (`ctid`, the order of a plain `select` and of `pg_dump`). An anonymous response and its author's participation
 * marker are written by one transaction — they must be, so that an accepted response always refuses a second one and
 * is never lost — so a response written alone would share its `xmin` with exactly one person, and the k-th response
 * and the k-th marker of a wave would sit at the k-th place of their tables.
 *
 * So a transaction that records anonymous participations in a wave writes at least k of that wave's markers (k: the
 * organisation's anonymity threshold; all of them while the wave has fewer): markers of earlier respondents, chosen
 * at random, are deleted and written again together with the new ones, all in one random order. Every marker a
 * transaction leaves has its `xmin` and sits among k, new and old alike: the response shares its transaction with k
 * people, one of whom wrote it — as far as the heap tells, any of them. No time of submission, no second transaction,
 * nothing to recover after a crash; the cost is k − 1 small rows rewritten when a submission arrives alone (none when
 * a group commit already holds k of the wave).
 *
 * SQLite needs none of this: its response tables have no rowid and store rows in key order (migration
 * 2026_12_02_1400).
 */
export async function withCover(
  trx: Kysely<Database>,
  written: readonly { marker: Insertable<WaveParticipationTable>; anonymous: boolean }[],
): Promise<Insertable<WaveParticipationTable>[]> {
  const markers = written.map((w) => w.marker);
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return markers;
  const waves = new Map<string, { organizationId: string; waveId: string; written: number; anonymous: boolean }>();
  for (const { marker: m, anonymous } of written) {
    const key = JSON.stringify([m.organization_id, m.wave_id]);
    const wave = waves.get(key) ?? { organizationId: m.organization_id, waveId: m.wave_id, written: 0, anonymous };
    wave.written += 1;
    wave.anonymous ||= anonymous;
    waves.set(key, wave);
  }
  const covers: Insertable<WaveParticipationTable>[] = [];
  // Waves in key order, each wave's markers locked in key order: concurrent transactions queue, never deadlock.
  for (const [, wave] of [...waves].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!wave.anonymous) continue;
    const k = await anonymityThreshold(trx, wave.organizationId);
    covers.push(...(await takeMarkers(trx, wave, k - wave.written)));
  }
  return covers.length === 0 ? markers : shuffled([...markers, ...covers]);
}

async function anonymityThreshold(trx: Kysely<Database>, organizationId: string): Promise<number> {
  const row = await trx
    .selectFrom('organization')
    .select('k_threshold')
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return row.k_threshold;
}

/** Deletes up to `wanted` random markers of the wave, returning them to be written again. */
async function takeMarkers(
  trx: Kysely<Database>,
  wave: { organizationId: string; waveId: string },
  wanted: number,
): Promise<Insertable<WaveParticipationTable>[]> {
  if (wanted <= 0) return [];
  const ofWave = trx
    .selectFrom('wave_participation')
    .select(['organization_id', 'wave_id', 'stakeholder_id'])
    .where('organization_id', '=', wave.organizationId)
    .where('wave_id', '=', wave.waveId);
  // PostgreSQL's random() is seeded per session from the system's strong randomness: nobody can replay the choice.
  const chosen = await ofWave.orderBy(sql`random()`).limit(wanted).execute();
  if (chosen.length === 0) return [];
  // Locked in key order: the only wait for this wave's markers. A marker another transaction rewrote meanwhile is
  // gone (its new version is another row): skipped.
  const taken = await ofWave
    .where(
      'stakeholder_id',
      'in',
      chosen.map((c) => c.stakeholder_id),
    )
    .orderBy('stakeholder_id')
    .forUpdate()
    .execute();
  if (taken.length < chosen.length) {
    // Those are made up from markers nobody holds, without waiting (a second wait could close a cycle).
    const more = await ofWave
      .where('stakeholder_id', 'not in', taken.length > 0 ? taken.map((t) => t.stakeholder_id) : [''])
      .orderBy(sql`random()`)
      .limit(chosen.length - taken.length)
      .forUpdate()
      .skipLocked()
      .execute();
    taken.push(...more);
  }
  if (taken.length > 0) {
    await trx
      .deleteFrom('wave_participation')
      .where('organization_id', '=', wave.organizationId)
      .where('wave_id', '=', wave.waveId)
      .where(
        'stakeholder_id',
        'in',
        taken.map((t) => t.stakeholder_id),
      )
      .execute();
  }
  return taken;
}

/** A copy of `rows` in a uniformly random order (Fisher–Yates, with the operating system's randomness). */
export function shuffled<T>(rows: T[]): T[] {
  const out = [...rows];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
