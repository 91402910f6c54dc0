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
 * The invitation an answer by link marks used is covered the same way (`useInvitationAmongK`). SQLite needs none of
 * this: it stores no transaction id, and its response tables have no rowid and store rows in key order (migration
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
  const ofWave = trx
    .selectFrom('wave_participation')
    .select('stakeholder_id as key')
    .where('organization_id', '=', wave.organizationId)
    .where('wave_id', '=', wave.waveId);
  // A marker another transaction rewrote meanwhile is gone (its new version is another row): skipped.
  const taken = await lockAtRandom(wanted, {
    pick: (n) => ofWave.orderBy(sql`random()`).limit(n).execute(),
    lock: (keys) => ofWave.where('stakeholder_id', 'in', keys).orderBy('stakeholder_id').forUpdate().execute(),
    lockFree: (n, held) =>
      ofWave.where('stakeholder_id', 'not in', held).orderBy(sql`random()`).limit(n).forUpdate().skipLocked().execute(),
  });
  if (taken.length === 0) return [];
  await trx
    .deleteFrom('wave_participation')
    .where('organization_id', '=', wave.organizationId)
    .where('wave_id', '=', wave.waveId)
    .where('stakeholder_id', 'in', taken)
    .execute();
  return taken.map((stakeholderId) => ({
    organization_id: wave.organizationId,
    wave_id: wave.waveId,
    stakeholder_id: stakeholderId,
  }));
}

/**
 * The invitation an anonymous response by link marks used names the person and is written in the response's
 * transaction, so it would share the response's `xmin` alone. So that transaction also rewrites at least k − 1 other
 * used invitations of the wave (all of them while fewer are used), chosen at random, and writes them and the one it
 * marks in one random order. An UPDATE that changes nothing still writes a new row version, with this transaction's
 * `xmin`, at a new `ctid`. Same lock discipline as the markers': the rows of one wave in key order, the shortfall
 * from rows nobody holds. `markUsed` writes the caller's own invitation; false when a concurrent redemption won.
 */
export async function useInvitationAmongK(
  trx: Kysely<Database>,
  invitation: { organizationId: string; waveId: string; invitationId: string },
  markUsed: () => Promise<boolean>,
): Promise<boolean> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return markUsed();
  const ofOrganization = trx.selectFrom('invitation').where('organization_id', '=', invitation.organizationId);
  // The own row first: nobody else takes it as a cover (it is not used yet for them), and a lost race shows here.
  const own = await ofOrganization
    .select('id')
    .where('id', '=', invitation.invitationId)
    .where('used_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!own) return false;
  const used = ofOrganization
    .select('id as key')
    .where('wave_id', '=', invitation.waveId)
    .where('used_at', 'is not', null)
    .where('id', '!=', invitation.invitationId);
  const k = await anonymityThreshold(trx, invitation.organizationId);
  const covers = await lockAtRandom(k - 1, {
    pick: (n) => used.orderBy(sql`random()`).limit(n).execute(),
    lock: (keys) => used.where('id', 'in', keys).orderBy('id').forUpdate().execute(),
    lockFree: (n, held) =>
      used.where('id', 'not in', held).orderBy(sql`random()`).limit(n).forUpdate().skipLocked().execute(),
  });
  // One statement per row, in a random order: the order of the new versions in the heap says nothing.
  for (const id of shuffled([invitation.invitationId, ...covers])) {
    if (id === invitation.invitationId) {
      if (!(await markUsed())) return false;
      continue;
    }
    await trx
      .updateTable('invitation')
      .set((eb) => ({ used_at: eb.ref('used_at') }))
      .where('organization_id', '=', invitation.organizationId)
      .where('id', '=', id)
      .execute();
  }
  return true;
}

/**
 * Locks up to `wanted` random rows and returns their keys. The chosen rows are locked in key order, the only wait:
 * concurrent transactions queue, never deadlock. Those no longer there are made up from rows nobody holds, without
 * waiting (a second wait could close a cycle).
 */
async function lockAtRandom(
  wanted: number,
  rows: {
    /** Up to n random rows. PostgreSQL's random() is seeded per session from the system's strong randomness. */
    pick: (n: number) => Promise<{ key: string }[]>;
    lock: (keys: string[]) => Promise<{ key: string }[]>;
    lockFree: (n: number, held: string[]) => Promise<{ key: string }[]>;
  },
): Promise<string[]> {
  if (wanted <= 0) return [];
  const chosen = await rows.pick(wanted);
  if (chosen.length === 0) return [];
  const taken = (await rows.lock(chosen.map((c) => c.key))).map((t) => t.key);
  if (taken.length < chosen.length) {
    const more = await rows.lockFree(chosen.length - taken.length, taken.length > 0 ? taken : ['']);
    taken.push(...more.map((m) => m.key));
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
