import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { openTestDb, testDialects, underSchemaLock } from '../testing.ts';
import { migrateToLatest, migrationProvider } from './index.ts';

/**
 * 2026_12_02_1200_create_company on data written before it: free-text companies become one record per organisation
 * and normalised name, and the supplier responses and aggregates count each company once.
 */

const dialects = await testDialects();
const BEFORE = '2026_12_01_1400_create_aggregate_series_indexes';
const now = '2026-11-30T09:00:00.000Z';

describe.each(dialects)('migration to company records (%s)', (dialect) => {
  let handle: Db;
  const migrating = <T>(fn: () => Promise<T>) => (dialect === 'postgres' ? underSchemaLock('shared', fn) : fn());

  beforeEach(async () => {
    handle = await openTestDb(dialect);
    const schema =
      dialect === 'postgres'
        ? {
            migrationTableSchema: (await sql<{ s: string }>`select current_schema() as s`.execute(handle.db)).rows[0]!
              .s,
          }
        : {};
    const migrator = new Migrator({ db: handle.db, provider: migrationProvider, ...schema });
    const down = await migrating(() => migrator.migrateTo(BEFORE));
    expect(down.error).toBeUndefined();
    await writeOldData(handle);
    await migrating(() => migrateToLatest(handle.db));
  });
  afterEach(() => handle?.close());

  const companies = (organizationId: string) =>
    handle.db
      .selectFrom('company')
      .select(['id', 'name', 'domains'])
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .execute();
  const idNamed = async (organizationId: string, name: string) =>
    (await companies(organizationId)).find((c) => c.name === name)!.id;

  it('makes one record per organisation and normalised name, with its contacts’ private domains', async () => {
    const mine = await companies('o1');
    expect(mine.map((c) => [c.name, JSON.parse(c.domains)])).toEqual([
      ['Atelier Durand', ['durand.example']],
      ['Verrerie du Rhône', ['verrerie-rhone.fr']],
      ['ancien_fournisseur', []],
    ]);
    // another organisation's supplier of the same name is its own record
    const theirs = await companies('o2');
    expect(theirs.map((c) => c.name)).toEqual(['Verrerie du Rhône']);
    expect(theirs[0]!.id).not.toBe(await idNamed('o1', 'Verrerie du Rhône'));
  });

  it('points every stakeholder with a company at its record, and leaves the others without', async () => {
    const verrerie = await idNamed('o1', 'Verrerie du Rhône');
    const rows = await handle.db
      .selectFrom('stakeholder')
      .select(['id', 'company', 'company_id'])
      .where('organization_id', '=', 'o1')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 's1', company: 'Verrerie du Rhône', company_id: verrerie },
      { id: 's2', company: 'Verrerie du Rhone SA', company_id: verrerie },
      { id: 's3', company: 'VERRERIE DU RHÔNE', company_id: verrerie },
      { id: 's4', company: 'Atelier Durand', company_id: await idNamed('o1', 'Atelier Durand') },
      { id: 's5', company: null, company_id: null },
      { id: 's6', company: 'Verrerie du Rhône', company_id: verrerie },
    ]);
  });

  it('turns the company segment of supplier responses and aggregates into ids, each company counted once', async () => {
    const [verrerie, durand, former] = (await Promise.all(
      ['Verrerie du Rhône', 'Atelier Durand', 'ancien_fournisseur'].map((n) => idNamed('o1', n)),
    )) as [string, string, string];
    const responses = await handle.db.selectFrom('response').select(['id', 'segments']).orderBy('id').execute();
    expect(responses.map((r) => [r.id, JSON.parse(r.segments)])).toEqual([
      ['r1', { company: verrerie, category: 'glass' }],
      ['r2', { company: verrerie, category: 'glass' }],
      ['r3', { company: verrerie, category: 'glass' }],
      ['r4', { company: durand, category: 'wood' }],
      ['r5', { company: former, category: 'wood' }],
      ['r6', { segment: 'trade', company: 'verrerie_du_rhone' }], // a customer's own segment is left alone
    ]);
    const respondents = await handle.db
      .selectFrom('aggregate_respondents')
      .select(['group_id', 'segment_key', 'segment_value', 'n'])
      .orderBy('group_id')
      .orderBy('segment_key')
      .orderBy('n', 'desc')
      .execute();
    expect(respondents).toEqual([
      { group_id: 'g-c', segment_key: 'company', segment_value: 'verrerie_du_rhone', n: 1 },
      { group_id: 'g-s', segment_key: '', segment_value: '', n: 5 },
      { group_id: 'g-s', segment_key: 'company', segment_value: verrerie, n: 3 },
      { group_id: 'g-s', segment_key: 'company', segment_value: expect.any(String), n: 1 },
      { group_id: 'g-s', segment_key: 'company', segment_value: expect.any(String), n: 1 },
    ]);
    const small = respondents.filter((r) => r.group_id === 'g-s' && r.n === 1).map((r) => r.segment_value);
    expect(small.sort()).toEqual([durand, former].sort());
    const cell = await handle.db
      .selectFrom('aggregate_cell')
      .select(['n', 'sum', 'sum_sq'])
      .where('segment_key', '=', 'company')
      .where('segment_value', '=', verrerie)
      .executeTakeFirstOrThrow();
    expect(cell).toEqual({ n: 3, sum: 225, sum_sq: 16875 });
    const bins = await handle.db
      .selectFrom('aggregate_bin')
      .select(['value', 'count'])
      .where('segment_value', '=', verrerie)
      .orderBy('value')
      .execute();
    expect(bins).toEqual([
      { value: 3, count: 1 },
      { value: 4, count: 2 },
    ]);
    const overlaps = await handle.db
      .selectFrom('aggregate_segment_overlap')
      .select(['value_a', 'value_b', 'n'])
      .orderBy('n', 'desc')
      .execute();
    expect(overlaps).toEqual([
      { value_a: 'glass', value_b: verrerie, n: 3 },
      { value_a: 'wood', value_b: expect.any(String), n: 1 },
      { value_a: 'wood', value_b: expect.any(String), n: 1 },
    ]);
  });
});

/** Two organisations as the schema before the migration held them. */
async function writeOldData(handle: Db) {
  // biome-ignore lint/suspicious/noExplicitAny: the schema before the migration
  const db = handle.db as any;
  for (const id of ['o1', 'o2']) {
    await db
      .insertInto('organization')
      .values({ id, slug: id, name: id, default_locale: 'fr', k_threshold: 3, comment_threshold: 3, created_at: now })
      .execute();
  }
  const group = (id: string, organization_id: string, kind: string) => ({
    id,
    organization_id,
    kind,
    code: id,
    label: '{"fr":"G","en":"G"}',
    created_at: now,
  });
  await db
    .insertInto('stakeholder_group')
    .values([group('g-s', 'o1', 'supplier'), group('g-c', 'o1', 'customer'), group('g-s2', 'o2', 'supplier')])
    .execute();
  const person = (id: string, organization_id: string, group_id: string, company: string | null, email: string) => ({
    id,
    organization_id,
    group_id,
    external_ref: null,
    email,
    display_name: id,
    company,
    segments: '{}',
    created_at: now,
  });
  await db
    .insertInto('stakeholder')
    .values([
      person('s1', 'o1', 'g-s', 'Verrerie du Rhône', 'lea@verrerie-rhone.fr'),
      person('s2', 'o1', 'g-s', 'Verrerie du Rhone SA', 'max@verrerie-rhone.fr'),
      person('s3', 'o1', 'g-s', 'VERRERIE DU RHÔNE', 'zoe@gmail.com'),
      person('s4', 'o1', 'g-s', 'Atelier Durand', 'marc@durand.example'),
      person('s5', 'o1', 'g-s', null, 'ann@solo.example'),
      person('s6', 'o1', 'g-c', 'Verrerie du Rhône', 'bob@verrerie-rhone.fr'),
      person('t1', 'o2', 'g-s2', 'Verrerie du Rhône', 'lea@verrerie-rhone.fr'),
    ])
    .execute();
  for (const [survey, groupId] of [
    ['sv-s', 'g-s'],
    ['sv-c', 'g-c'],
  ] as const) {
    await db
      .insertInto('survey')
      .values({
        id: survey,
        organization_id: 'o1',
        group_id: groupId,
        kind: 'relationship',
        title: '{"fr":"S","en":"S"}',
        intro: null,
        anonymous: 1,
        status: 'open',
        created_at: now,
      })
      .execute();
    await db
      .insertInto('wave')
      .values({
        id: `w-${groupId}`,
        organization_id: 'o1',
        survey_id: survey,
        sequence: 1,
        label: 'W',
        opens_at: now,
        closes_at: null,
        status: 'open',
      })
      .execute();
  }
  const response = (id: string, groupId: string, segments: Record<string, string>) => ({
    id,
    organization_id: 'o1',
    wave_id: `w-${groupId}`,
    group_id: groupId,
    stakeholder_id: null,
    idempotency_key: id,
    segments: JSON.stringify(segments),
    submitted_at: now,
  });
  await db
    .insertInto('response')
    .values([
      response('r1', 'g-s', { company: 'verrerie_du_rhone', category: 'glass' }),
      response('r2', 'g-s', { company: 'verrerie_du_rhone_sa', category: 'glass' }),
      response('r3', 'g-s', { company: 'verrerie_du_rhone', category: 'glass' }),
      response('r4', 'g-s', { company: 'atelier_durand', category: 'wood' }),
      response('r5', 'g-s', { company: 'ancien_fournisseur', category: 'wood' }),
      response('r6', 'g-c', { segment: 'trade', company: 'verrerie_du_rhone' }),
    ])
    .execute();
  const where = (groupId: string) => ({ organization_id: 'o1', wave_id: `w-${groupId}`, group_id: groupId });
  const respondents = (groupId: string, key: string, value: string, n: number) => ({
    ...where(groupId),
    segment_key: key,
    segment_value: value,
    n,
  });
  await db
    .insertInto('aggregate_respondents')
    .values([
      respondents('g-s', '', '', 5),
      respondents('g-s', 'company', 'verrerie_du_rhone', 2),
      respondents('g-s', 'company', 'verrerie_du_rhone_sa', 1),
      respondents('g-s', 'company', 'atelier_durand', 1),
      respondents('g-s', 'company', 'ancien_fournisseur', 1),
      respondents('g-c', 'company', 'verrerie_du_rhone', 1),
    ])
    .execute();
  const cell = { dimension_id: 'd', facet: 'lived', scale: 'likert5' };
  await db
    .insertInto('aggregate_cell')
    .values([
      {
        ...where('g-s'),
        segment_key: 'company',
        segment_value: 'verrerie_du_rhone',
        ...cell,
        n: 2,
        sum: 150,
        sum_sq: 11250,
      },
      {
        ...where('g-s'),
        segment_key: 'company',
        segment_value: 'verrerie_du_rhone_sa',
        ...cell,
        n: 1,
        sum: 75,
        sum_sq: 5625,
      },
    ])
    .execute();
  await db
    .insertInto('aggregate_bin')
    .values([
      { ...where('g-s'), segment_key: 'company', segment_value: 'verrerie_du_rhone', ...cell, value: 4, count: 1 },
      { ...where('g-s'), segment_key: 'company', segment_value: 'verrerie_du_rhone', ...cell, value: 3, count: 1 },
      { ...where('g-s'), segment_key: 'company', segment_value: 'verrerie_du_rhone_sa', ...cell, value: 4, count: 1 },
    ])
    .execute();
  const overlap = (value: string, category: string, n: number) => ({
    ...where('g-s'),
    key_a: 'category',
    value_a: category,
    key_b: 'company',
    value_b: value,
    n,
  });
  await db
    .insertInto('aggregate_segment_overlap')
    .values([
      overlap('verrerie_du_rhone', 'glass', 2),
      overlap('verrerie_du_rhone_sa', 'glass', 1),
      overlap('atelier_durand', 'wood', 1),
      overlap('ancien_fournisseur', 'wood', 1),
    ])
    .execute();
}
