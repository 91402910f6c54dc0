import { DRIVER_MIN_N_WEIGHTS, INVITED_ONLY_KINDS, keyDrivers, mean, type SurveyKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFocusAreas, planCountsByValue, publishedActionsFor } from '../action-plans/index.ts';
import type { Db } from '../create-db.ts';
import { type PublishedWave, publishWave } from '../publication/index.ts';
import { diffAggregates, recomputeAggregates } from '../repositories/aggregate-repair.ts';
import { readAggregates, readCells, readPairs, readRespondents } from '../repositories/aggregates.ts';
import { readComments } from '../repositories/comments.ts';
import { findInvitation } from '../repositories/invitations.ts';
import { isWaveOpen, listOpenWaves } from '../repositories/surveys.ts';
import type { Database } from '../schema.ts';
import { openTestDb, testDialects } from '../testing.ts';
import { groupId } from './content.ts';
import { dimensionId } from './dimensions.ts';
import { DEMO_ORGANIZATION, DEMO_SIGN_INS, type SeedDemoResult, seedDemo } from './index.ts';
import { questionId, SURVEYS, waveId } from './surveys.ts';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const hashPassword = async (password: string) => `fake-hash:${password}`;
const org = DEMO_ORGANIZATION.id;
const GROUPS = ['employee', 'customer', 'supplier', 'shareholder'] as const;
const TABLES = [
  'organization',
  'auth_user',
  'auth_account',
  'member',
  'stakeholder_group',
  'segment_attribute',
  'stakeholder',
  'dimension',
  'dimension_group',
  'intended_experience',
  'initiative',
  'initiative_target',
  'promise',
  'survey',
  'wave',
  'question',
  'response',
  'answer',
  'wave_participation',
  'aggregate_cell',
  'aggregate_bin',
  'aggregate_pair',
  'aggregate_respondents',
  'aggregate_segment_overlap',
  'maturity_assessment',
  'feedback',
  'feedback_reply',
  'focus_area',
  'plan_action',
  'plan_action_update',
] as const;

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

async function aggregateSums(db: Kysely<Database>) {
  return db
    .selectFrom('aggregate_cell')
    .select((eb) => [
      eb.fn.sum<number>('n').as('n'),
      eb.fn.sum<number>('sum').as('sum'),
      eb.fn.sum<number>('sum_sq').as('sumSq'),
    ])
    .executeTakeFirstOrThrow();
}

const wholeGroupCell = (cells: Awaited<ReturnType<typeof readCells>>, dimension: string, facet: string) =>
  cells.find((c) => c.segmentKey === '' && c.dimensionId === dimensionId(dimension) && c.facet === facet);

/** What publishing a wave would show, rolled back: the other tests read the seed as `npm start` leaves it. */
async function wouldPublish(db: Kysely<Database>, wave: string): Promise<PublishedWave> {
  const rollback = new Error('rollback');
  let published: PublishedWave | undefined;
  const args = { organizationId: org, waveId: wave, k: DEMO_ORGANIZATION.kThreshold, now: NOW.toISOString() };
  await db
    .transaction()
    .execute(async (trx) => {
      published = await publishWave(trx, { ...args, commentK: DEMO_ORGANIZATION.commentThreshold });
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return published!;
}

const dialects = await testDialects();

describe('seedDemo', () => {
  let first: Db;
  /** The second run: on PostgreSQL when reachable, which also proves the seed portable; else on SQLite again. */
  let second: Db;
  let responses = 0;
  let seeded: SeedDemoResult;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    [first, second] = await Promise.all([
      openTestDb('sqlite'),
      openTestDb(dialects.includes('postgres') ? 'postgres' : 'sqlite'),
    ]);
    // Concurrently: PostgreSQL mostly waits on the network, SQLite on the CPU.
    [seeded] = await Promise.all([
      seedDemo(first.db, { now: NOW, hashPassword, onProgress: (d, t) => progress.push([d, t]) }),
      seedDemo(second.db, { now: NOW, hashPassword }),
    ]);
    responses = seeded.responses;
    // About a thousand submissions of a dozen statements each: a second or two on SQLite, several on PostgreSQL —
    // and a minute or more when two shared cores also run the other packages' suites.
  }, 180_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it(`gives the same rows and aggregates on every run (second run on ${dialects.at(-1)})`, async () => {
    const counts = await rowCounts(first.db);
    expect(await rowCounts(second.db)).toEqual(counts);
    const [a, b] = [await aggregateSums(first.db), await aggregateSums(second.db)];
    expect(Number(b.n)).toBe(Number(a.n));
    expect(Number(b.sum)).toBeCloseTo(Number(a.sum), 6);
    expect(Number(b.sumSq)).toBeCloseTo(Number(a.sumSq), 4);
    const aggregates = await readAggregates(first.db, { organizationId: org });
    expect(diffAggregates(await readAggregates(second.db, { organizationId: org }), aggregates)).toEqual([]);
    expect(counts.response).toBe(responses);
    expect(responses).toBeGreaterThan(400);
    expect(responses).toBeLessThan(3000);
    expect(counts.stakeholder_group).toBe(4);
    expect(counts.auth_user).toBe(9);
  });

  it('reports progress up to the number of responses', () => {
    expect(progress[0]).toEqual([0, responses]);
    expect(progress.at(-1)).toEqual([responses, responses]);
  });

  it('builds aggregates that match a recomputation from the raw answers', async () => {
    const stored = await readAggregates(first.db, { organizationId: org });
    const recomputed = await recomputeAggregates(first.db, { organizationId: org });
    expect(diffAggregates(stored, recomputed)).toEqual([]);
  });

  it('gives every group one open wave and four closed ones', async () => {
    const waves = await first.db.selectFrom('wave').selectAll().orderBy('survey_id').orderBy('sequence').execute();
    for (const group of GROUPS) {
      const ofGroup = waves.filter((w) => w.survey_id === `demo-survey-${group}`);
      expect(ofGroup.map((w) => w.status)).toEqual(['closed', 'closed', 'closed', 'closed', 'open']);
      expect(isWaveOpen(ofGroup[4]!, NOW.toISOString())).toBe(true);
      expect(ofGroup.slice(0, 4).every((w) => w.closes_at! < NOW.toISOString())).toBe(true);
    }
  });

  it('leaves the open waves unanswered by the demo sign-in stakeholders', async () => {
    const signIns = await first.db
      .selectFrom('member')
      .innerJoin('stakeholder', 'stakeholder.id', 'member.stakeholder_id')
      .select(['stakeholder.id', 'stakeholder.group_id'])
      .where('member.role', '=', 'stakeholder')
      .execute();
    expect(signIns).toHaveLength(4);
    for (const s of signIns) {
      const open = (
        await listOpenWaves(first.db, {
          organizationId: org,
          groupId: s.group_id,
          stakeholderId: s.id,
          now: NOW.toISOString(),
        })
      ).filter((w) => !INVITED_ONLY_KINDS.includes(w.kind as SurveyKind));
      expect(open).toHaveLength(1);
      expect(open[0]!.answered).toBe(false);
    }
    // …while others already have, so the open waves have data.
    for (const group of GROUPS) {
      const cells = await readCells(first.db, { organizationId: org, waveId: waveId(group, 5), segmentKey: '' });
      expect(Math.min(...cells.filter((c) => c.facet === 'lived').map((c) => c.n))).toBeGreaterThanOrEqual(5);
    }
  });

  it('has at least k respondents in every whole-group lived cell of the latest closed wave', async () => {
    for (const group of GROUPS) {
      const cells = await readCells(first.db, { organizationId: org, waveId: waveId(group, 4), segmentKey: '' });
      const lived = cells.filter((c) => c.facet === 'lived');
      expect(lived.length).toBeGreaterThanOrEqual(5);
      for (const c of lived) expect(c.n, `${group} ${c.dimensionId}`).toBeGreaterThanOrEqual(5);
    }
    // Some segment cells stay below k, so the console has something to hide.
    const segments = await readCells(first.db, {
      organizationId: org,
      waveId: waveId('supplier', 4),
      segmentKey: 'company',
    });
    expect(segments.some((c) => c.n < 5)).toBe(true);
  });

  it('makes its supplier companies records, one per company however its contacts spell it', async () => {
    const suppliers = await first.db
      .selectFrom('stakeholder')
      .innerJoin('company', 'company.id', 'stakeholder.company_id')
      .select(['stakeholder.company', 'company.id', 'company.name', 'company.domains'])
      .where('stakeholder.group_id', '=', groupId('supplier'))
      .execute();
    const verrerie = suppliers.filter((s) => s.name === 'Verrerie du Rhône');
    expect(new Set(verrerie.map((s) => s.company)).size).toBe(3);
    expect(new Set(verrerie.map((s) => s.id)).size).toBe(1);
    expect(JSON.parse(verrerie[0]!.domains)).toEqual(['verrerie-du-rhone.example']);
    expect(new Set(suppliers.map((s) => s.id)).size).toBe(10);
    // responses carry the company's id, so the company cells count companies, not spellings
    const values = await readRespondents(first.db, {
      organizationId: org,
      groupId: groupId('supplier'),
      segmentKey: 'company',
    });
    expect(new Set(values.map((r) => r.segmentValue))).toEqual(new Set(suppliers.map((s) => s.id)));
  });

  it('has enough employees and customers in every wave for key-driver weights', async () => {
    const minimum = { employee: 60, customer: 50, supplier: 5, shareholder: 5 } as const;
    for (const group of GROUPS) {
      const whole = await readRespondents(first.db, { organizationId: org, groupId: groupId(group), segmentKey: '' });
      expect(whole.map((r) => r.waveId).sort()).toEqual([1, 2, 3, 4, 5].map((s) => waveId(group, s)));
      for (const r of whole) expect(r.n, r.waveId).toBeGreaterThanOrEqual(minimum[group]);
    }
    // The open wave, where the console reads drivers: weights for the eNPS and the customers' NPS.
    for (const group of ['employee', 'customer'] as const) {
      const pairs = await readPairs(first.db, {
        organizationId: org,
        groupId: groupId(group),
        waveId: waveId(group, 5),
      });
      const predictors = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].filter((v) => v.startsWith('lived:'));
      const drivers = keyDrivers({ outcome: 'outcome:nps11', predictors, pairs });
      expect(drivers.status, group).toBe('ok');
      expect(drivers.n).toBeGreaterThanOrEqual(DRIVER_MIN_N_WEIGHTS);
    }
  });

  it('asks every survey one optional question on a dimension, answered by a share of respondents', async () => {
    for (const survey of SURVEYS) {
      const onDimension = survey.questions.filter((q) => q.type === 'text' && q.dimension !== null);
      expect(onDimension, survey.group).toHaveLength(1);
      const question = await first.db
        .selectFrom('question')
        .select(['dimension_id', 'required'])
        .where('id', '=', questionId(survey.group, onDimension[0]!.code))
        .executeTakeFirstOrThrow();
      expect(question).toEqual({ dimension_id: dimensionId(onDimension[0]!.dimension!), required: 0 });
    }
    const wave = waveId('employee', 5);
    const comments = await readComments(first.db, {
      organizationId: org,
      groupId: groupId('employee'),
      waveId: wave,
      dimensionId: dimensionId('workload'),
      limit: 1000,
    });
    const [respondents] = await readRespondents(first.db, { organizationId: org, waveId: wave, segmentKey: '' });
    expect(comments.commenters).toBeGreaterThanOrEqual(DEMO_ORGANIZATION.commentThreshold);
    expect(comments.commenters).toBeLessThan(respondents!.n);
    expect(comments.comments).toHaveLength(comments.commenters);
  });

  it('tells the story: promise drift on delivery, supplier payments below target, recognition improving', async () => {
    const cellsOf = async (group: (typeof GROUPS)[number], sequence: number) =>
      readCells(first.db, { organizationId: org, waveId: waveId(group, sequence), segmentKey: '' });
    const score = (cells: Awaited<ReturnType<typeof readCells>>, dimension: string, facet: string) =>
      mean(wholeGroupCell(cells, dimension, facet)!)!;
    const [c1, c4] = [await cellsOf('customer', 1), await cellsOf('customer', 4)];
    const expectedRise = score(c4, 'delivery', 'expected') - score(c1, 'delivery', 'expected');
    const livedRise = score(c4, 'delivery', 'lived') - score(c1, 'delivery', 'lived');
    expect(expectedRise).toBeGreaterThan(livedRise + 10);

    const target = await first.db
      .selectFrom('intended_experience')
      .select('target')
      .where('group_id', '=', groupId('supplier'))
      .where('dimension_id', '=', dimensionId('payment_reliability'))
      .executeTakeFirstOrThrow();
    expect(score(await cellsOf('supplier', 4), 'payment_reliability', 'lived')).toBeLessThan(target.target - 20);

    const [e1, e4] = [await cellsOf('employee', 1), await cellsOf('employee', 4)];
    expect(score(e4, 'recognition', 'lived')).toBeGreaterThan(score(e1, 'recognition', 'lived') + 5);
  });

  it('sends the onboarding, exit and after-interaction surveys by invitation, the demo customer’s included', async () => {
    const invitations = await first.db
      .selectFrom('invitation as i')
      .innerJoin('wave as w', 'w.id', 'i.wave_id')
      .innerJoin('survey as s', 's.id', 'w.survey_id')
      .select(['s.kind', 'i.stakeholder_id', 'i.used_at'])
      .execute();
    const kinds = new Set(invitations.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(['exit', 'onboarding', 'post_interaction']);
    expect(invitations.every((i) => i.used_at === null)).toBe(true);
    expect(invitations.some((i) => i.stakeholder_id === 'demo-stakeholder-customer-001')).toBe(true);
    expect(seeded.invitations).toHaveLength(invitations.length);
    const link = seeded.invitations.find((i) => i.email === 'customer@demo.facets.test');
    expect((await findInvitation(first.db, link!.token))?.waveId).toBe('demo-wave-customer-interaction-1');
  });

  it('creates the sign-ins of the contract, with their roles and segments', async () => {
    const members = await first.db
      .selectFrom('member')
      .innerJoin('auth_user', 'auth_user.id', 'member.user_id')
      .leftJoin('stakeholder', 'stakeholder.id', 'member.stakeholder_id')
      .leftJoin('stakeholder_group', 'stakeholder_group.id', 'stakeholder.group_id')
      .select([
        'auth_user.email',
        'member.role',
        'member.department',
        'stakeholder_group.code',
        'stakeholder.company',
        'stakeholder.segments',
      ])
      .execute();
    const byEmail = new Map(members.map((m) => [m.email, m]));
    expect([...byEmail.keys()].sort()).toEqual(DEMO_SIGN_INS.map((s) => s.email).sort());
    expect(byEmail.get('manager.it@demo.facets.test')).toMatchObject({ role: 'manager', department: 'it' });
    expect(byEmail.get('leadership@demo.facets.test')).toMatchObject({ role: 'leadership' });
    const employee = byEmail.get('employee@demo.facets.test')!;
    expect(employee).toMatchObject({ role: 'stakeholder', code: 'employee' });
    expect(JSON.parse(employee.segments!)).toMatchObject({ department: 'it', site: 'lyon' });
    expect(byEmail.get('supplier@demo.facets.test')).toMatchObject({ code: 'supplier', company: 'Atelier Durand' });
    expect(byEmail.get('customer@demo.facets.test')).toMatchObject({ code: 'customer' });
    expect(byEmail.get('shareholder@demo.facets.test')).toMatchObject({ code: 'shareholder' });
    const org = await first.db.selectFrom('organization').selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({
      slug: 'demo',
      name: 'Maison Lumière',
      default_locale: 'fr',
      k_threshold: 5,
      comment_threshold: 5,
    });
  });

  it('gives the demo supplier one answered feedback item, and no other sign-in any feedback', async () => {
    const items = await first.db
      .selectFrom('feedback')
      .innerJoin('member', 'member.stakeholder_id', 'feedback.stakeholder_id')
      .select(['feedback.id', 'member.role', 'feedback.group_id'])
      .execute();
    expect(items).toEqual([{ id: expect.any(String), role: 'stakeholder', group_id: groupId('supplier') }]);
    const replies = await first.db
      .selectFrom('feedback_reply')
      .select('author_kind')
      .where('feedback_id', '=', items[0]!.id)
      .execute();
    expect(replies).toEqual([{ author_kind: 'staff' }]);
  });

  it('stores no person on anonymous employee responses, and credential accounts for every sign-in', async () => {
    const linked = await first.db
      .selectFrom('response')
      .select('id')
      .where('group_id', '=', groupId('employee'))
      .where('stakeholder_id', 'is not', null)
      .execute();
    expect(linked).toEqual([]);
    const accounts = await first.db
      .selectFrom('auth_account')
      .innerJoin('auth_user', 'auth_user.id', 'auth_account.user_id')
      .select([
        'auth_user.email',
        'auth_account.account_id',
        'auth_account.user_id',
        'auth_account.provider_id',
        'auth_account.password',
      ])
      .execute();
    expect(accounts.map((a) => a.email).sort()).toContain('supplier@demo.facets.test');
    for (const a of accounts) {
      expect(a).toMatchObject({ provider_id: 'credential', account_id: a.user_id, password: 'fake-hash:facets-demo' });
    }
  });

  describe('action plans', () => {
    const IT = { key: 'department', value: 'it' };
    const employees = groupId('employee');
    const latestClosed = waveId('employee', 4);

    it('gives the IT manager a plan on the latest closed wave, on the department’s two lowest dimensions', async () => {
      const waves = await first.db
        .selectFrom('wave')
        .select(['id', 'status', 'closes_at'])
        .where('survey_id', '=', 'demo-survey-employee')
        .orderBy('sequence')
        .execute();
      const wave = waves.filter((w) => w.status === 'closed').at(-1)!;
      expect(wave.id).toBe(latestClosed);
      // The department is shown in that wave's results: there is something to plan from.
      const published = await wouldPublish(first.db, wave.id);
      expect(published.populations).toContainEqual({ segment: IT, n: expect.any(Number) });
      const lived = (await readCells(first.db, { organizationId: org, waveId: wave.id, segmentKey: 'department' }))
        .filter((c) => c.segmentValue === 'it' && c.facet === 'lived')
        .sort((a, b) => mean(a)! - mean(b)!);
      expect(lived.slice(0, 2).map((c) => c.dimensionId)).toEqual([dimensionId('workload'), dimensionId('growth')]);

      const areas = await listFocusAreas(first.db, { organizationId: org, groupId: employees, scope: IT });
      expect(areas.map((a) => [a.waveId, a.dimensionId])).toEqual([
        [latestClosed, dimensionId('workload')],
        [latestClosed, dimensionId('growth')],
      ]);
      const actions = areas.flatMap((a) => a.actions);
      expect(actions.map((a) => [a.status, a.published])).toEqual([
        ['done', true],
        ['cancelled', false],
        ['in_progress', true],
        ['planned', false],
      ]);
      expect(actions.filter((a) => a.published)).toHaveLength(2);
      expect(actions.filter((a) => a.initiativeId !== null).map((a) => [a.status, a.initiativeId])).toEqual([
        ['in_progress', 'demo-initiative-manager-path'],
      ]);
      const inProgress = actions.find((a) => a.status === 'in_progress')!;
      expect(inProgress.updates.map((u) => [u.status, u.note === null])).toEqual([
        ['planned', true],
        ['in_progress', false],
      ]);
      expect(actions[0]!.updates.map((u) => u.status)).toEqual(['planned', 'in_progress', 'done']);
      expect(new Set(actions.flatMap((a) => a.updates.map((u) => u.authorName)))).toEqual(new Set(['Karim Benali']));
      const authors = await first.db
        .selectFrom('focus_area')
        .select('created_by')
        .where('scope_key', '=', IT.key)
        .where('scope_value', '=', IT.value)
        .execute();
      expect(authors).toEqual([{ created_by: 'demo-member-manager-it' }, { created_by: 'demo-member-manager-it' }]);

      // Written after the results came out, before now; due dates are calendar days.
      const times = [
        ...areas.map((a) => a.createdAt),
        ...actions.flatMap((a) => [a.createdAt, a.updatedAt, ...a.updates.map((u) => u.createdAt)]),
      ];
      for (const time of times) {
        expect(time > wave.closes_at!).toBe(true);
        expect(time < NOW.toISOString()).toBe(true);
      }
      for (const a of actions) expect(a.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // HR's coverage counts what is planned and done, the cancelled action left out.
      const counts = await planCountsByValue(first.db, {
        organizationId: org,
        groupId: employees,
        waveId: latestClosed,
        scopeKey: 'department',
      });
      expect([...counts]).toEqual([['it', { focusAreas: 2, actions: 3, done: 1 }]]);
    });

    it('gives HR one focus area for the whole group, with one published action', async () => {
      const areas = await listFocusAreas(first.db, { organizationId: org, groupId: employees, scope: null });
      expect(areas.map((a) => [a.waveId, a.dimensionId])).toEqual([[latestClosed, dimensionId('workload')]]);
      expect(areas[0]!.actions.map((a) => [a.status, a.published, a.updates.at(-1)?.authorName])).toEqual([
        ['in_progress', true, 'Sophie Lefèvre'],
      ]);
    });

    it('shows IT employees their team’s published actions and the whole group’s, others the whole group’s', async () => {
      const shown = async (department: string) =>
        (
          await publishedActionsFor(first.db, {
            organizationId: org,
            groupId: employees,
            segments: { department, site: 'lyon' },
          })
        ).map((a) => [a.scope?.value ?? null, a.status]);
      expect(await shown('it')).toEqual([
        [null, 'in_progress'],
        ['it', 'done'],
        ['it', 'in_progress'],
      ]);
      expect(await shown('finance')).toEqual([[null, 'in_progress']]);
    });

    it(`writes the same plans, ids and times on every run (second run on ${dialects.at(-1)})`, async () => {
      const plans = (db: Kysely<Database>) => listFocusAreas(db, { organizationId: org, groupId: employees });
      const plan = await plans(first.db);
      expect(plan).toHaveLength(3);
      expect(await plans(second.db)).toEqual(plan);
    });
  });
});
