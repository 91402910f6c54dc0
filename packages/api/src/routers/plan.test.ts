import type { Db } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, type Org, openDb } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const t = (en: string) => ({ fr: `${en} (fr)`, en });

const initiative = (o: Org, extra: Record<string, unknown> = {}) => ({
  title: t('Weekly payment run'),
  description: t('Invoices approved on Monday are paid on Friday'),
  kind: 'process' as const,
  ownerDepartment: 'finance' as const,
  status: 'planned' as const,
  startDate: '2026-12-01',
  endDate: '2027-02-28',
  targets: [{ groupId: o.groups.supplier, dimensionId: o.dimensions.payment }],
  ...extra,
});

describe('plan: intended experience', () => {
  it('lets leadership set, change and clear a target that everyone then reads', async () => {
    const leadership = await callerFor(db.db, org.leadership.userId);
    const set = await leadership.plan.intended.set({
      groupId: org.groups.supplier,
      dimensionId: org.dimensions.transparency,
      statement: t('Suppliers always know where their invoice stands'),
      target: 75,
      priority: 1,
    });
    expect(set).toMatchObject({ target: 75, priority: 1, updatedAt: '2026-11-22T09:00:00.000Z' });
    const analyst = await callerFor(db.db, org.staff.analyst.userId);
    expect((await analyst.plan.intended.list()).map((c) => [c.groupId, c.dimensionId, c.target])).toEqual(
      expect.arrayContaining([[org.groups.supplier, org.dimensions.transparency, 75]]),
    );
    await leadership.plan.intended.clear({ groupId: org.groups.supplier, dimensionId: org.dimensions.transparency });
    expect((await analyst.plan.intended.list()).map((c) => c.dimensionId)).not.toContain(org.dimensions.transparency);
  });

  it('refuses a target above 100 or an empty statement, naming the field, and writes nothing', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await count(db.db, 'intended_experience');
    const base = {
      groupId: org.groups.employee,
      dimensionId: org.dimensions.transparency,
      statement: t('Open books'),
      target: 60,
      priority: 2,
    };
    await expect(admin.plan.intended.set({ ...base, target: 120 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^target: /),
    });
    await expect(admin.plan.intended.set({ ...base, statement: { fr: 'Oui', en: ' ' } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^statement\.en: /),
    });
    await expect(
      admin.plan.intended.set({ ...base, groupId: org.groups.supplier, dimensionId: org.dimensions.recognition }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'dimensionId: is not a dimension of this group' });
    expect(await count(db.db, 'intended_experience')).toBe(before);
  });

  it('answers another organisation’s group as not found', async () => {
    const other = await buildOrg(db.db);
    const leadership = await callerFor(db.db, org.leadership.userId);
    const attempt = leadership.plan.intended.set({
      groupId: other.groups.supplier,
      dimensionId: other.dimensions.payment,
      statement: t('Hijack'),
      target: 1,
      priority: 3,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const theirs = await callerFor(db.db, other.leadership.userId);
    expect((await theirs.plan.intended.list()).map((c) => c.target).sort()).toEqual([80, 90]);
  });
});

describe('plan: initiatives and promises', () => {
  it('lets HR create, edit, move and publish an initiative', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const created = await hr.plan.initiatives.create(initiative(org));
    expect(created).toMatchObject({ status: 'planned', published: false, ownerDepartment: 'finance' });
    const edited = await hr.plan.initiatives.update({
      initiativeId: created.id,
      ...initiative(org, { title: t('Payment run every Friday') }),
    });
    expect(edited.title.en).toBe('Payment run every Friday');
    await hr.plan.initiatives.setStatus({ initiativeId: created.id, status: 'active' });
    const published = await hr.plan.initiatives.publish({ initiativeId: created.id, published: true });
    expect(published).toMatchObject({ status: 'active', published: true });
    expect(await hr.plan.initiatives.list()).toEqual([published]);
    await hr.plan.initiatives.delete({ initiativeId: created.id });
    expect(await hr.plan.initiatives.list()).toEqual([]);
    expect(await count(db.db, 'initiative_target')).toBe(0);
  });

  it('refuses an end before the start and an unknown department, naming the field, and writes nothing', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    await expect(hr.plan.initiatives.create(initiative(org, { endDate: '2026-11-01' }))).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'endDate: must be on or after the start date',
    });
    await expect(
      hr.plan.initiatives.create(initiative(org, { ownerDepartment: 'astrology' }) as never),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^ownerDepartment: /) });
    await expect(hr.plan.initiatives.create({ ...initiative(org), extra: 1 } as never)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^extra: /),
    });
    expect(await count(db.db, 'initiative')).toBe(0);
    expect(await count(db.db, 'initiative_target')).toBe(0);
  });

  it('registers, edits and deletes a promise; refuses a malformed date and writes nothing', async () => {
    const leadership = await callerFor(db.db, org.leadership.userId);
    const fields = {
      groupId: org.groups.supplier,
      dimensionId: org.dimensions.payment,
      channel: 'supplier_charter' as const,
      statement: t('Paid within 30 days'),
      madeOn: '2026-05-01',
    };
    await expect(leadership.plan.promises.create({ ...fields, madeOn: '01/05/2026' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^madeOn: /),
    });
    expect(await count(db.db, 'promise')).toBe(0);
    const promise = await leadership.plan.promises.create(fields);
    const edited = await leadership.plan.promises.update({ promiseId: promise.id, ...fields, dimensionId: null });
    expect(edited.dimensionId).toBeNull();
    expect(await leadership.plan.promises.list()).toEqual([edited]);
    await leadership.plan.promises.delete({ promiseId: promise.id });
    expect(await leadership.plan.promises.list()).toEqual([]);
  });

  it('keeps another organisation’s initiatives and promises out of reach', async () => {
    const other = await buildOrg(db.db);
    const theirs = await callerFor(db.db, other.staff.hr.userId);
    const initiativeId = (await theirs.plan.initiatives.create(initiative(other))).id;
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect(await hr.plan.initiatives.list()).toEqual([]);
    for (const attempt of [
      hr.plan.initiatives.setStatus({ initiativeId, status: 'cancelled' }),
      hr.plan.initiatives.publish({ initiativeId, published: true }),
      hr.plan.initiatives.update({ initiativeId, ...initiative(org) }),
      hr.plan.initiatives.delete({ initiativeId }),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await theirs.plan.initiatives.list())[0]).toMatchObject({ status: 'planned', published: false });
  });

  it('shows a manager the plan of employee groups only, and lets them change none of it', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    await hr.plan.initiatives.create(initiative(org));
    await hr.plan.initiatives.create(
      initiative(org, {
        title: t('Open books to staff and suppliers'),
        targets: [
          { groupId: org.groups.supplier, dimensionId: org.dimensions.transparency },
          { groupId: org.groups.employee, dimensionId: org.dimensions.transparency },
        ],
      }),
    );
    await hr.plan.promises.create({
      groupId: org.groups.supplier,
      dimensionId: null,
      channel: 'supplier_charter',
      statement: t('Fair terms'),
      madeOn: '2026-05-01',
    });
    const manager = await callerFor(db.db, org.staff.manager.userId);
    const initiatives = await manager.plan.initiatives.list();
    expect(initiatives.map((i) => i.title.en)).toEqual(['Open books to staff and suppliers']);
    expect(initiatives[0]?.targets).toEqual([
      { groupId: org.groups.employee, dimensionId: org.dimensions.transparency },
    ]);
    expect(await manager.plan.promises.list()).toEqual([]);
    expect((await manager.plan.intended.list()).map((c) => c.groupId)).toEqual([org.groups.employee]);
    const dimensions = await manager.plan.dimensions.list();
    expect(dimensions.groups.map((g) => g.kind)).toEqual(['employee']);
    expect(dimensions.dimensions.map((d) => d.code).sort()).toEqual(['recognition', 'transparency']);
    await expect(manager.plan.initiatives.create(initiative(org))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(db.db, 'initiative')).toBe(2);
  });
});
