import { createOrganization, type Db, newId } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorData } from '../errors.ts';
import { callerFor, openDb } from '../test-setup.ts';

/**
 * An organisation that is not the demo adopts Facets: it writes in English only and owns initiatives in a department
 * of its own ("legal"); its lists and languages are its own, another organisation's entries are not found.
 */

let db: Db;
beforeEach(async () => {
  db = await openDb();
});
afterEach(() => db.close());

const NOW = '2026-11-22T09:00:00.000Z';

async function organisation(name: string) {
  const created = await createOrganization(db.db, {
    organization: { name, slug: `${name.toLowerCase()}-${newId().toLowerCase()}`, defaultLocale: 'en' },
    admin: { email: `admin-${newId()}@${name.toLowerCase()}.test`, name: 'Admin' },
    credential: { passwordHash: 'x' },
    now: NOW,
    newId,
  });
  return { ...created, api: await callerFor(db.db, created.userId) };
}

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const e = error as TRPCError;
  const { field, reason } = errorData(e);
  return { code: e.code, field, reason, message: e.message };
}

describe('an organisation’s languages and lists', () => {
  it('writes in English only, with a department of its own used by an initiative', async () => {
    const harbour = await organisation('Harbour');
    const { organizationId } = harbour;
    await harbour.api.admin.settings.update({ languages: ['en'] });
    // The session read after the change (a caller is one request).
    const api = await callerFor(db.db, harbour.userId);
    expect((await api.session.me())?.organization.languages).toEqual(['en']);

    // French alone is refused, naming the field; English alone is enough.
    expect(
      await refusal(api.model.lists.create({ list: 'department', code: 'legal', label: { fr: 'Juridique' } })),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'label.en', reason: 'required' });
    expect(await refusal(api.model.lists.create({ list: 'department', code: 'legal', label: {} }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await api.model.lists.create({ list: 'department', code: 'legal', label: { en: 'Legal' } });
    expect(
      await refusal(api.model.lists.create({ list: 'department', code: 'legal', label: { en: 'Law' } })),
    ).toMatchObject({ code: 'CONFLICT', field: 'code', reason: 'duplicate' });

    await api.model.groups.create({ kind: 'employee', code: 'crew', label: { en: 'Crew' } });
    const initiative = await api.plan.initiatives.create({
      title: { en: 'Contract review clinic' },
      description: null,
      kind: 'service',
      ownerDepartment: 'legal',
      status: 'active',
      startDate: null,
      endDate: null,
      targets: [],
    });
    expect(initiative).toMatchObject({
      ownerDepartment: 'legal',
      title: { fr: 'Contract review clinic', en: 'Contract review clinic' },
    });
    expect(
      await refusal(
        api.plan.initiatives.create({
          title: { en: 'Lobbying' },
          description: null,
          kind: 'lobbying',
          ownerDepartment: 'legal',
          status: 'planned',
          startDate: null,
          endDate: null,
          targets: [],
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'kind' });

    // Legal counts as "other" for maturity: the service initiative counts, its department integrates nothing.
    const maturity = await api.insights.maturity.get();
    expect(maturity.evidence.initiatives).toEqual([{ kind: 'service', ownerDepartment: 'legal', status: 'active' }]);
    expect(maturity.evidenceStage).toBe(2);

    // In use: removing it archives it; the initiative keeps it, no new one may choose it.
    expect(await api.model.lists.remove({ list: 'department', code: 'legal' })).toEqual({ outcome: 'archived' });
    const legal = (await api.model.lists.get()).department.find((e) => e.code === 'legal');
    expect(legal).toEqual({ code: 'legal', label: { fr: 'Legal', en: 'Legal' }, archived: true, inUse: true });
    expect((await api.plan.initiatives.list())[0]?.ownerDepartment).toBe('legal');
    const archived = await refusal(
      api.plan.initiatives.create({
        title: { en: 'Second' },
        description: null,
        kind: 'service',
        ownerDepartment: 'legal',
        status: 'planned',
        startDate: null,
        endDate: null,
        targets: [],
      }),
    );
    expect(archived).toMatchObject({ field: 'ownerDepartment', reason: 'archived' });

    const audited = await db.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('organization_id', '=', organizationId)
      .where('action', 'like', 'model.%')
      .execute();
    expect(
      audited
        .filter((a) => JSON.parse(a.details).item === 'department')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['model.archive', 'model.create']);
  });

  it('refuses one language while a message would go out in the other, and keeps texts on a switch', async () => {
    const { api } = await organisation('Quay');
    expect(await refusal(api.admin.settings.update({ languages: ['fr'] }))).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'defaultLocale',
    });
    const { id } = await api.model.groups.create({
      kind: 'custom',
      code: 'partners',
      label: { fr: 'Partenaires', en: 'Partners' },
    });
    const after = await api.admin.settings.update({ languages: ['fr'], defaultLocale: 'fr' });
    expect(after.languages).toEqual(['fr']);
    // Nothing is filled or dropped: the label read back is the one stored.
    expect((await api.model.get()).groups.find((g) => g.id === id)?.label).toEqual({
      fr: 'Partenaires',
      en: 'Partners',
    });
    await api.model.groups.rename({ groupId: id, label: { fr: 'Partenaires clés' } });
    expect((await api.model.get()).groups.find((g) => g.id === id)?.label).toEqual({
      fr: 'Partenaires clés',
      en: 'Partenaires clés',
    });
  });

  it('finds no entry of another organisation', async () => {
    const ours = await organisation('Harbour');
    const theirs = await organisation('Other');
    await ours.api.model.lists.create({
      list: 'promise_channel',
      code: 'newsletter',
      label: { fr: 'Lettre', en: 'Newsletter' },
    });
    for (const call of [
      theirs.api.model.lists.rename({ list: 'promise_channel', code: 'newsletter', label: { fr: 'X', en: 'X' } }),
      theirs.api.model.lists.remove({ list: 'promise_channel', code: 'newsletter' }),
      theirs.api.model.lists.restore({ list: 'promise_channel', code: 'newsletter' }),
    ]) {
      expect((await refusal(call)).code).toBe('NOT_FOUND');
    }
    expect((await theirs.api.model.lists.get()).promise_channel.map((e) => e.code)).not.toContain('newsletter');
  });
});
