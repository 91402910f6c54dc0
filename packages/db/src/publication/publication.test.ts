import { atomOf, populationId, WHOLE } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { DEMO_ORGANIZATION, seedDemo } from '../demo/index.ts';
import { diffAggregates, recomputeAggregates } from '../repositories/aggregate-repair.ts';
import { readAggregates } from '../repositories/aggregates.ts';
import { COMPANY_KEY } from '../repositories/respondents.ts';
import { parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { publishClosedWaves, publishWave, readPublications } from './index.ts';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const org = DEMO_ORGANIZATION.id;
const hashPassword = async (password: string) => `fake-hash:${password}`;

const dialects = await testDialects();

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

describe.each(dialects)('wave publication on the demo (%s)', (dialect) => {
  let handle: Db;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
    db = handle.db;
    await seedDemo(db, { now: NOW, hashPassword });
  });
  afterAll(() => handle?.close());

  const args = { organizationId: org, k: DEMO_ORGANIZATION.kThreshold, commentK: DEMO_ORGANIZATION.commentThreshold };

  it('publishes every closed wave once, and no open one', async () => {
    await publishClosedWaves(db, { ...args, now: NOW.toISOString() });
    const rows = await db.selectFrom('wave_publication').select(['wave_id', 'published_at']).execute();
    const waves = await db.selectFrom('wave').select(['id', 'status', 'closes_at']).execute();
    const closed = waves.filter(
      (w) => w.status === 'closed' || (w.closes_at !== null && w.closes_at <= NOW.toISOString()),
    );
    expect(rows.map((r) => r.wave_id).sort()).toEqual(closed.map((w) => w.id).sort());
    // Again, later: nothing is written a second time.
    await publishClosedWaves(db, { ...args, now: '2026-11-23T10:00:00.000Z' });
    const again = await db.selectFrom('wave_publication').select(['wave_id', 'published_at']).execute();
    expect(again).toEqual(expect.arrayContaining(rows));
    expect(again).toHaveLength(rows.length);
  });

  it('holds the atom rule in every publication: each atom of what is shown has at least k respondents', async () => {
    for (const groupId of (await db.selectFrom('stakeholder_group').select('id').execute()).map((g) => g.id)) {
      for (const p of (await readPublications(db, { organizationId: org, groupId })).values()) {
        if (p.whole !== null) continue;
        expect(p.atoms.smallest).toBeGreaterThanOrEqual(args.k);
        // A shown cell of a population carries the figures; a hidden one is absent from the figures.
        for (const [measure, m] of Object.entries(p.measures)) {
          for (const population of m.shownIn) {
            if (!measure.startsWith('comments|'))
              expect(p.cells[population]?.[measure]?.n).toBeGreaterThanOrEqual(args.k);
          }
          for (const population of Object.keys(m.hidden)) expect(p.cells[population]?.[measure]).toBeUndefined();
        }
        expect(p.cells[WHOLE]).toBeDefined();
        for (const r of p.refused) expect(p.cells[populationId(r.segment)]).toBeUndefined();
      }
    }
  });

  it('keeps only its atom on each response: no stored snapshot narrows anyone below k, aggregates agree', async () => {
    for (const groupId of (await db.selectFrom('stakeholder_group').select('id').execute()).map((g) => g.id)) {
      for (const p of (await readPublications(db, { organizationId: org, groupId })).values()) {
        if (p.whole !== null) continue;
        const toAtom = atomOf(p, [COMPANY_KEY]);
        const responses = await db.selectFrom('response').select('segments').where('wave_id', '=', p.waveId).execute();
        const participants = await db
          .selectFrom('wave_participation as w')
          .innerJoin('stakeholder as s', 's.id', 'w.stakeholder_id')
          .select('s.segments')
          .where('w.wave_id', '=', p.waveId)
          .execute();
        const atoms = participants.map((x) => JSON.stringify(sorted(toAtom(parseJson(x.segments, {})))));
        for (const r of responses) {
          const snapshot = parseJson<Record<string, string>>(r.segments, {});
          expect(toAtom(snapshot)).toEqual(snapshot);
          const { company: _, ...atom } = snapshot;
          // Every stored snapshot is shared by at least k of the wave's participants.
          const alike = atoms.filter((a) => a === JSON.stringify(sorted(atom))).length;
          if (groupId.endsWith('supplier')) continue; // a supplier's snapshot keeps the company the rule counts
          expect(alike).toBeGreaterThanOrEqual(args.k);
        }
      }
    }
    expect(
      diffAggregates(
        await readAggregates(db, { organizationId: org }),
        await recomputeAggregates(db, { organizationId: org }),
      ),
    ).toEqual([]);
  });

  it('publishes each rating question over the populations its answers allow, summed from the answers', async () => {
    let checked = 0;
    for (const groupId of (await db.selectFrom('stakeholder_group').select('id').execute()).map((g) => g.id)) {
      for (const p of (await readPublications(db, { organizationId: org, groupId })).values()) {
        if (p.whole !== null) continue;
        const answers = await db
          .selectFrom('answer as a')
          .innerJoin('response as r', 'r.id', 'a.response_id')
          .innerJoin('question as q', 'q.id', 'a.question_id')
          .select(['a.question_id', 'a.value_number', 'r.segments', 'q.scale'])
          .where('r.wave_id', '=', p.waveId)
          .where('q.type', '=', 'rating')
          .where('a.value_number', 'is not', null)
          .execute();
        for (const [measure, m] of Object.entries(p.measures)) {
          if (!measure.startsWith('question|')) continue;
          const questionId = measure.slice('question|'.length);
          for (const population of m.shownIn) {
            const own = answers.filter((a) => {
              if (a.question_id !== questionId) return false;
              if (population === WHOLE) return true;
              const [key, value] = population.split('=') as [string, string];
              return parseJson<Record<string, string>>(a.segments, {})[key] === value;
            });
            const cell = p.cells[population]?.[measure];
            expect(cell?.n).toBe(own.length);
            expect(cell!.n).toBeGreaterThanOrEqual(args.k);
            const counts = new Map<number, number>();
            for (const a of own) counts.set(a.value_number!, (counts.get(a.value_number!) ?? 0) + 1);
            expect(cell?.scales).toHaveLength(1);
            expect(cell?.scales[0]?.scale).toBe(own[0]?.scale);
            expect(cell?.scales[0]?.bins).toEqual(
              [...counts].sort((x, y) => x[0] - y[0]).map(([value, count]) => ({ value, count })),
            );
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('republishes under a stricter threshold over the populations it had, never more', async () => {
    const groupId = (await db.selectFrom('wave_publication').select('group_id').executeTakeFirstOrThrow()).group_id;
    const [first] = [...(await readPublications(db, { organizationId: org, groupId })).values()];
    const stricter = await publishWave(db, { ...args, waveId: first!.waveId, k: args.k + 5, now: NOW.toISOString() });
    expect(stricter.k).toBe(args.k + 5);
    const before = new Set(first!.populations.map((p) => populationId(p.segment)));
    for (const p of stricter.populations) expect(before.has(populationId(p.segment))).toBe(true);
    // Every segment decided before is decided again: shown, or refused with a reason (never silently "no data").
    const decided = new Map<string, string | null>([
      ...stricter.populations.map((p): [string, null] => [populationId(p.segment), null]),
      ...stricter.refused.map((r): [string, string] => [populationId(r.segment), r.reason]),
    ]);
    expect(first!.refused.length).toBeGreaterThan(0);
    for (const r of first!.refused) expect(decided.get(populationId(r.segment))).toBeTruthy();
    for (const p of first!.populations) expect(decided.has(populationId(p.segment))).toBe(true);
    // A looser threshold afterwards changes nothing: the stricter publication stands.
    const looser = await publishWave(db, { ...args, waveId: first!.waveId, now: NOW.toISOString() });
    expect(looser.k).toBe(args.k + 5);
    const row = await db
      .selectFrom('wave_publication')
      .select('content')
      .where('wave_id', '=', first!.waveId)
      .executeTakeFirstOrThrow();
    expect(parseJson(row.content, {})).toEqual(
      expect.objectContaining({ populations: stricter.populations, refused: stricter.refused }),
    );
  });
});
