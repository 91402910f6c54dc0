import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { seedDemo } from '../demo/index.ts';
import { addStakeholder } from '../fixture.ts';
import { newId } from '../ids.ts';
import { buildFixture, openTestDb, testDialects } from '../testing.ts';
import { coarsenResponseSegments } from './coarsen.ts';
import { submitResponse } from './responses.ts';
import { uniqueSnapshots } from './unique-snapshots.ts';

const dialects = await testDialects();

describe.each(dialects)('uniqueSnapshots (%s)', (dialect) => {
  let handle: Db;
  beforeAll(async () => {
    handle = await openTestDb(dialect);
  });
  afterAll(() => handle?.close());

  it('counts the responses whose snapshot fits exactly one participant', async () => {
    const db = handle.db;
    const fx = await buildFixture(db);
    const q = fx.surveys.employee.questions;
    const people = [
      { department: 'it', site: 'lyon' }, // alone in lyon: unique
      { department: 'it', site: 'paris' },
      { department: 'it', site: 'paris' },
      { department: 'hr', site: 'paris' }, // alone in hr: unique
    ];
    for (const [i, segments] of people.entries()) {
      const person = await addStakeholder(db, fx, { groupId: fx.groups.employee, segments });
      await submitResponse(db, {
        organizationId: fx.organizationId,
        waveId: fx.surveys.employee.waveId,
        stakeholderId: person.id,
        groupId: fx.groups.employee,
        segments,
        idempotencyKey: `unique-${i}-${newId()}`,
        answers: [
          { questionId: q.recognition_lived!, value: 4 },
          { questionId: q.recognition_expected!, value: 5 },
        ],
        now: fx.now,
        newId,
      });
    }
    // Someone invited who did not answer does not make a snapshot less unique: only participants count.
    await addStakeholder(db, fx, { groupId: fx.groups.employee, segments: { department: 'hr', site: 'paris' } });
    const wave = { organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId };
    expect(await uniqueSnapshots(db, wave)).toEqual({ responses: 4, unique: 2 });
    // Sites dropped: the one person in lyon disappears among the others; hr's only participant stays named.
    const atomOf = (segments: Record<string, string>) => ({ department: segments.department! });
    await coarsenResponseSegments(db, { ...wave, atomOf });
    expect(await uniqueSnapshots(db, { ...wave, atomOf })).toEqual({ responses: 4, unique: 1 });
  });
});

describe('uniqueSnapshots on the demo (sqlite)', () => {
  let handle: Db;
  beforeAll(async () => {
    handle = await openTestDb('sqlite');
    await seedDemo(handle.db, {
      now: new Date('2026-11-22T10:00:00.000Z'),
      hashPassword: async (p) => `fake-hash:${p}`,
    });
  }, 180_000);
  afterAll(() => handle?.close());

  it('reports, per wave, how many stored snapshots name one participant', async () => {
    const waves = await handle.db
      .selectFrom('wave as w')
      .innerJoin('survey as s', 's.id', 'w.survey_id')
      .select(['w.id', 'w.organization_id', 'w.label', 's.title', 's.anonymous'])
      .orderBy('s.title')
      .orderBy('w.sequence')
      .execute();
    const figures: Record<string, string> = {};
    for (const w of waves) {
      const { responses, unique } = await uniqueSnapshots(handle.db, {
        organizationId: w.organization_id,
        waveId: w.id,
      });
      const title = (JSON.parse(w.title) as { en: string }).en;
      if (responses > 0) figures[`${title} ${w.label}`] = `${unique} of ${responses}`;
    }
    // Snapshots as a submission stores them (department, site, tenure; company for suppliers), before any
    // coarsening: the figure `coarsenResponseSegments` exists to bring down at publication. An employee's site
    // follows from their department but for operations' two workshops, so it rarely narrows a snapshot.
    expect(figures).toEqual({
      'Quarterly team pulse 2025-Q4': '7 of 83',
      'Quarterly team pulse 2026-Q1': '6 of 90',
      'Quarterly team pulse 2026-Q2': '7 of 90',
      'Quarterly team pulse 2026-Q3': '6 of 94',
      'Quarterly team pulse 2026-Q4': '5 of 73',
      'Shareholder perception survey 2025-Q4': '0 of 13',
      'Shareholder perception survey 2026-Q1': '0 of 16',
      'Shareholder perception survey 2026-Q2': '0 of 16',
      'Shareholder perception survey 2026-Q3': '0 of 16',
      'Shareholder perception survey 2026-Q4': '0 of 12',
      'Supplier relationship survey 2025-Q4': '2 of 19',
      'Supplier relationship survey 2026-Q1': '2 of 21',
      'Supplier relationship survey 2026-Q2': '4 of 17',
      'Supplier relationship survey 2026-Q3': '3 of 18',
      'Supplier relationship survey 2026-Q4': '5 of 9',
      'Your Maison Lumière experience 2025-Q4': '1 of 77',
      'Your Maison Lumière experience 2026-Q1': '1 of 84',
      'Your Maison Lumière experience 2026-Q2': '1 of 99',
      'Your Maison Lumière experience 2026-Q3': '0 of 100',
      'Your Maison Lumière experience 2026-Q4': '0 of 75',
    });
  });
});
