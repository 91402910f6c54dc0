import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, DEMO_ORGANIZATION, migrateToLatest, publishClosedWaves, seedDemo } from '@facets/db';
import { candidateOrder, createRandom, populationId, publish, type RespondentPattern } from '@facets/domain';

/**
 * How much the disclosure guarantee hides (docs/architecture.md, "The disclosure guarantee"): per segment key, the
 * share of its values that carry someone and are published exactly, on the demo organisation and on a generated
 * organisation of 20,000 employees (50 departments, 50 sites tied to departments, 6 tenure bands), departments first.
 * Writes results/disclosure.json. `node src/disclosure.ts`
 */

type Shares = Record<string, { values: number; published: number; share: number }>;

function sharesOf(patterns: readonly RespondentPattern[], published: Set<string>): Shares {
  const byKey = new Map<string, Set<string>>();
  for (const p of patterns) {
    for (const [key, value] of Object.entries(p.segments)) {
      if (value === '') continue;
      byKey.set(key, (byKey.get(key) ?? new Set()).add(value));
    }
  }
  const out: Shares = {};
  for (const [key, values] of [...byKey].sort()) {
    const shown = [...values].filter((v) => published.has(populationId({ key, value: v }))).length;
    out[key] = { values: values.size, published: shown, share: Math.round((shown / values.size) * 1000) / 1000 };
  }
  return out;
}

async function demo() {
  const db = createDb(':memory:');
  await migrateToLatest(db.db);
  const now = new Date('2026-11-22T10:00:00.000Z');
  await seedDemo(db.db, { now, hashPassword: async (p) => `x:${p}` });
  const organizationId = DEMO_ORGANIZATION.id;
  const k = DEMO_ORGANIZATION.kThreshold;
  await publishClosedWaves(db.db, {
    organizationId,
    k,
    commentK: DEMO_ORGANIZATION.commentThreshold,
    now: now.toISOString(),
  });
  const rows = await db.db
    .selectFrom('wave_publication as p')
    .innerJoin('wave as w', 'w.id', 'p.wave_id')
    .innerJoin('stakeholder_group as g', 'g.id', 'p.group_id')
    .select(['g.code', 'w.label', 'p.content'])
    .execute();
  const result = [];
  for (const r of rows) {
    const content = JSON.parse(r.content) as {
      whole: string | null;
      populations: { segment: { key: string; value: string }; n: number }[];
      refused: { segment: { key: string; value: string }; reason: string }[];
      atoms: { count: number; smallest: number | null };
    };
    const keys = new Map<string, { values: number; published: number }>();
    for (const p of content.populations) {
      const e = keys.get(p.segment.key) ?? { values: 0, published: 0 };
      keys.set(p.segment.key, { values: e.values + 1, published: e.published + 1 });
    }
    for (const p of content.refused) {
      const e = keys.get(p.segment.key) ?? { values: 0, published: 0 };
      keys.set(p.segment.key, { values: e.values + 1, published: e.published });
    }
    result.push({
      group: r.code,
      wave: r.label,
      whole: content.whole ?? 'shown',
      atoms: content.atoms,
      keys: Object.fromEntries([...keys].sort().map(([key, v]) => [key, v])),
    });
  }
  await db.close();
  return result.sort((a, b) => (a.group + a.wave < b.group + b.wave ? -1 : 1));
}

function generated() {
  const random = createRandom(20_000);
  const k = 5;
  const departments = Array.from({ length: 50 }, (_, i) => ({
    code: `d${String(i + 1).padStart(2, '0')}`,
    weight: 1 + random.int(0, 12),
    sites: [`s${String(i + 1).padStart(2, '0')}`, `s${String(((i * 7) % 50) + 1).padStart(2, '0')}`],
  }));
  const tenures = ['under_1y', '1_2y', '2_5y', '5_10y', '10_20y', 'over_20y'];
  const counts = new Map<string, RespondentPattern>();
  let respondents = 0;
  for (let i = 0; i < 20_000; i++) {
    if (!random.chance(0.75)) continue; // response rate
    const d = random.weighted(departments.map((x) => [x, x.weight] as const));
    const site = random.chance(0.8) ? d.sites[0]! : d.sites[1]!;
    const segments = { department: d.code, site, tenure: random.pick(tenures) };
    const id = `${segments.department}|${segments.site}|${segments.tenure}`;
    const p = counts.get(id) ?? { segments, n: 0, measures: {} };
    counts.set(id, { ...p, n: p.n + 1, measures: { lived: p.n + 1 } });
    respondents += 1;
  }
  const patterns = [...counts.values()];
  const run = (order: string[]) => {
    const publication = publish({
      patterns,
      candidates: candidateOrder({ patterns, keys: order, primaryKey: order[0]! }),
      k,
      measures: [{ id: 'lived', threshold: k, belowReason: 'below_k' }],
      companyKey: null,
    });
    const published = new Set(publication.populations.map((p) => populationId(p.segment)));
    return {
      order: order.join(' → '),
      atoms: publication.atoms.length,
      smallestAtom: publication.atoms[0] ?? null,
      keys: sharesOf(patterns, published),
    };
  };
  return {
    respondents,
    k,
    runs: [
      run(['department', 'site', 'tenure']),
      run(['site', 'department', 'tenure']),
      run(['tenure', 'department', 'site']),
    ],
  };
}

const result = { takenAt: new Date().toISOString(), demo: await demo(), generated: generated() };
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'disclosure.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result.generated, null, 2));
for (const d of result.demo) console.log(d.group, d.wave, d.whole, JSON.stringify(d.keys));
