import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { enqueueMessage } from '../repositories/outbox.ts';
import { submitResponse } from '../repositories/responses.ts';
import { addSegmentAttributeValues, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { inviteFromDirectory } from './invite.ts';
import { eraseStakeholder, listDirectory } from './people.ts';
import { previewDirectorySync, syncDirectory } from './sync.ts';

/**
 * An organisation that is not the demo: 300 employees in six departments with a reporting line (one head, six
 * department heads, everyone else under their department's head), and 40 supplier contacts of 12 companies.
 */

const dialects = await testDialects();
const now = '2026-11-22T09:00:00.000Z';
const DEPARTMENTS = ['it', 'hr', 'sales', 'finance', 'production', 'logistics'] as const;
const LABELS: Record<(typeof DEPARTMENTS)[number], [string, string]> = {
  it: ['Informatique', 'IT'],
  hr: ['Ressources humaines', 'Human resources'],
  sales: ['Ventes', 'Sales'],
  finance: ['Finance', 'Finance'],
  production: ['Production', 'Production'],
  logistics: ['Logistique', 'Logistics'],
};

interface Employee {
  ref: string;
  email: string;
  name: string;
  department: (typeof DEPARTMENTS)[number];
  start: string;
  end: string;
  manager: string;
}

function employees(count = 300): Employee[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const ref = `E${String(n).padStart(3, '0')}`;
    const department = DEPARTMENTS[n % DEPARTMENTS.length]!;
    // E001 heads everyone; E002–E007 head a department each; the rest report to their department's head.
    const head = `E${String(2 + DEPARTMENTS.indexOf(department)).padStart(3, '0')}`;
    const manager = n === 1 ? '' : n <= 7 ? 'E001' : head;
    return {
      ref,
      email: `person${n}@atelier-nord.test`,
      name: `Person ${n}`,
      department: n <= 7 && n > 1 ? DEPARTMENTS[n - 2]! : department,
      start: `${String((n % 28) + 1).padStart(2, '0')}/0${(n % 9) + 1}/20${10 + (n % 15)}`,
      end: '',
      manager,
    };
  });
}

/** An HR export: French headers, semicolons, department labels in French. */
function hrFile(people: readonly Employee[]): string {
  const rows = people.map((p) =>
    [p.ref, p.email, p.name, 'fr', LABELS[p.department][0], p.start, p.end, p.manager].join(';'),
  );
  return ['Matricule;Courriel;Nom;Langue;Service;Date de début;Date de fin;Responsable', ...rows].join('\n');
}

const COMPANIES = [
  'Verrerie du Rhône',
  'Scierie Martin',
  'Textiles Lebrun',
  'Cartonnerie Alpine',
  'Fonderie Morel',
  'Transports Girard',
  'Peintures Faure',
  'Céramiques Roux',
  'Métaux Perrin',
  'Emballages Blanc',
  'Cuirs Fontaine',
  'Lumières Chevalier',
];

/** A CRM export: English headers, commas, 40 contacts of 12 companies. */
function supplierFile(): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const company = COMPANIES[i % COMPANIES.length]!;
    const category = i % 2 === 0 ? 'Materials' : 'Services';
    return `S${i + 1},contact${i + 1}@supplier-${i % COMPANIES.length}.test,Contact ${i + 1},en,${company},${category}`;
  });
  return ['External ID,E-mail,Name,Language,Company,Category', ...rows].join('\n');
}

describe.each(dialects)('people directory (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  const employeeArgs = (csv: string, extra: { confirmDeactivation?: boolean } = {}) => ({
    organizationId: fx.organizationId,
    groupId: fx.groups.employee,
    csv,
    now,
    newId,
    ...extra,
  });
  const count = async (where: { active?: 0 | 1 } = {}) => {
    let q = handle.db
      .selectFrom('stakeholder')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('organization_id', '=', fx.organizationId)
      .where('group_id', '=', fx.groups.employee);
    if (where.active !== undefined) q = q.where('active', '=', where.active);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  const byRef = (ref: string) =>
    handle.db
      .selectFrom('stakeholder')
      .selectAll()
      .where('organization_id', '=', fx.organizationId)
      .where('external_ref', '=', ref)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { slug: 'atelier-nord' });
    await addSegmentAttributeValues(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      key: 'department',
      label: { fr: 'Service', en: 'Department' },
      values: DEPARTMENTS.map((d) => [d, ...LABELS[d]]),
    });
    await addSegmentAttributeValues(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.supplier,
      key: 'category',
      label: { fr: 'Catégorie', en: 'Category' },
      values: [
        ['materials', 'Matières', 'Materials'],
        ['services', 'Prestations', 'Services'],
      ],
    });
  });
  afterAll(() => handle.close());

  it('previews a first sync: 300 created, the three people already there deactivated, so it asks to confirm', async () => {
    const outcome = await previewDirectorySync(handle.db, employeeArgs(hrFile(employees())));
    expect(outcome.status).toBe('valid');
    if (outcome.status !== 'valid') return;
    expect(outcome.summary).toMatchObject({
      rows: 300,
      created: 300,
      updated: 0,
      unchanged: 0,
      deactivated: 3,
      active: 3,
      confirmationRequired: true,
    });
    expect(outcome.summary.deactivations.map((d) => d.name).sort()).toEqual(['Alice', 'Bob', 'Carol']);
    expect(await count()).toBe(3);
  });

  it('refuses to apply that without confirmation, naming the count, and writes nothing', async () => {
    const outcome = await syncDirectory(handle.db, employeeArgs(hrFile(employees())));
    expect(outcome).toMatchObject({ status: 'needs_confirmation', summary: { deactivated: 3, active: 3 } });
    expect(await count()).toBe(3);
  });

  it('applies it when confirmed: everyone with their dates and manager, nobody deleted', async () => {
    const outcome = await syncDirectory(handle.db, employeeArgs(hrFile(employees()), { confirmDeactivation: true }));
    expect(outcome).toMatchObject({ status: 'synced', summary: { created: 300, deactivated: 3 } });
    expect(await count()).toBe(303);
    expect(await count({ active: 1 })).toBe(300);
    const [head, itHead, someone] = await Promise.all([byRef('E001'), byRef('E002'), byRef('E014')]);
    expect(head.manager_id).toBeNull();
    expect(itHead.manager_id).toBe(head.id);
    // E014: 14 % 6 = 2 → sales, whose head is E004.
    expect(someone).toMatchObject({
      manager_id: (await byRef('E004')).id,
      start_date: '2024-06-15',
      end_date: null,
      locale: 'fr',
      active: 1,
    });
    expect(JSON.parse(someone.segments)).toEqual({ department: 'sales' });
  });

  it('finds nothing to do in the same file again', async () => {
    const outcome = await previewDirectorySync(handle.db, employeeArgs(hrFile(employees())));
    expect(outcome).toMatchObject({
      status: 'valid',
      summary: { created: 0, updated: 0, unchanged: 300, deactivated: 0, confirmationRequired: false },
    });
  });

  it('says which fields change and who leaves, and applies exactly that', async () => {
    const people = employees().slice(0, 298);
    people[4] = { ...people[4]!, name: 'Person Five', department: 'it' };
    people[9] = { ...people[9]!, end: '2026-12-31' };
    people[20] = { ...people[20]!, manager: 'E001' };
    const preview = await previewDirectorySync(handle.db, employeeArgs(hrFile(people)));
    if (preview.status !== 'valid') throw new Error(preview.status);
    expect(preview.summary).toMatchObject({ created: 0, updated: 3, unchanged: 295, deactivated: 2 });
    expect(preview.summary.updates).toEqual([
      { row: 6, name: 'Person Five', fields: ['name', 'segments'] },
      { row: 11, name: 'Person 10', fields: ['endDate'] },
      { row: 22, name: 'Person 21', fields: ['manager'] },
    ]);
    expect(preview.summary.deactivations.map((d) => d.externalId).sort()).toEqual(['E299', 'E300']);
    const applied = await syncDirectory(handle.db, employeeArgs(hrFile(people)));
    expect(applied).toMatchObject({ status: 'synced', summary: preview.summary });
    expect(await byRef('E005')).toMatchObject({ display_name: 'Person Five' });
    expect(await byRef('E010')).toMatchObject({ end_date: '2026-12-31' });
    expect((await byRef('E021')).manager_id).toBe((await byRef('E001')).id);
    expect(await byRef('E300')).toMatchObject({ active: 0, display_name: 'Person 300' });
    // Back in the file, a deactivated person is active again: an update of `active`.
    const back = await previewDirectorySync(handle.db, employeeArgs(hrFile([...people, ...employees().slice(298)])));
    expect(back).toMatchObject({ status: 'valid', summary: { updated: 2, deactivated: 0 } });
  });

  it('asks to confirm above 40 % of the active people, with the count', async () => {
    const outcome = await syncDirectory(handle.db, employeeArgs(hrFile(employees().slice(0, 170))));
    // 298 active, 128 absent: 43 %.
    expect(outcome).toMatchObject({
      status: 'needs_confirmation',
      summary: { deactivated: 128, active: 298, confirmShare: 0.4 },
    });
    expect(await count({ active: 1 })).toBe(298);
  });

  it('refuses a file whole, naming every problem: duplicates, unknown manager, a cycle, bad dates', async () => {
    const people = employees();
    people[1] = { ...people[1]!, email: people[0]!.email }; // row 3: e-mail of row 2
    people[3] = { ...people[3]!, ref: 'E003' }; // row 5: external id of row 4
    people[10] = { ...people[10]!, manager: 'E999' }; // row 12
    people[20] = { ...people[20]!, manager: 'E023' }; // rows 22 and 24 manage each other
    people[22] = { ...people[22]!, manager: 'E021' };
    people[30] = { ...people[30]!, start: '31/02/2024' }; // row 32
    people[40] = { ...people[40]!, start: '2025-06-01', end: '2025-01-01' }; // row 42
    const before = await count({ active: 1 });
    const outcome = await syncDirectory(handle.db, employeeArgs(hrFile(people), { confirmDeactivation: true }));
    if (outcome.status !== 'refused') throw new Error(outcome.status);
    expect(outcome.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Courriel', 'duplicate_email'],
      [5, 'Matricule', 'duplicate_external_id'],
      [32, 'Date de début', 'invalid_date'],
      [42, 'Date de fin', 'end_before_start'],
    ]);
    // The reporting line is checked once the rows themselves are right.
    people[1] = employees()[1]!;
    people[3] = employees()[3]!;
    people[30] = employees()[30]!;
    people[40] = employees()[40]!;
    const second = await syncDirectory(handle.db, employeeArgs(hrFile(people), { confirmDeactivation: true }));
    if (second.status !== 'refused') throw new Error(second.status);
    expect(second.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [12, 'Responsable', 'unknown_manager', 'E999'],
      [22, 'Responsable', 'reporting_cycle', 'E021 → E023 → E021'],
      [24, 'Responsable', 'reporting_cycle', 'E021 → E023 → E021'],
    ]);
    expect(second.errors[1]!.message).toContain('rows 22, 24');
    expect(await count({ active: 1 })).toBe(before);
  });

  it('syncs suppliers with their companies: 40 contacts, 12 companies', async () => {
    const args = { organizationId: fx.organizationId, groupId: fx.groups.supplier, csv: supplierFile(), now, newId };
    const preview = await previewDirectorySync(handle.db, args);
    expect(preview).toMatchObject({ status: 'valid', summary: { created: 40, newCompanies: 12, deactivated: 1 } });
    const outcome = await syncDirectory(handle.db, { ...args, confirmDeactivation: true });
    expect(outcome.status).toBe('synced');
    const contacts = await handle.db
      .selectFrom('stakeholder')
      .select(['company_id', 'segments'])
      .where('organization_id', '=', fx.organizationId)
      .where('group_id', '=', fx.groups.supplier)
      .where('active', '=', 1)
      .execute();
    expect(contacts).toHaveLength(40);
    expect(new Set(contacts.map((c) => c.company_id)).size).toBe(12);
    expect(contacts.filter((c) => JSON.parse(c.segments).category === 'materials')).toHaveLength(20);
  });

  it('lists a page of people, searched by name, e-mail or external id', async () => {
    const page = await listDirectory(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      search: 'person 1',
      page: 0,
      pageSize: 5,
    });
    // Person 1, 10–19, 100–199 among the active (E005 is "Person Five").
    expect(page.total).toBe(111);
    expect(page.people).toHaveLength(5);
    expect(page.people[0]).toMatchObject({ name: 'Person 1', externalId: 'E001', manager: null, active: true });
    expect(page.people[1]).toMatchObject({ name: 'Person 10', manager: { name: 'Person 6' } });
    const byRefSearch = await listDirectory(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      search: 'e29',
      status: 'all',
      page: 0,
      pageSize: 50,
    });
    expect(byRefSearch.people.map((p) => p.externalId)).toEqual([
      'E290',
      'E291',
      'E292',
      'E293',
      'E294',
      'E295',
      'E296',
      'E297',
      'E298',
      'E299',
    ]);
    const wildcards = await listDirectory(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      search: '%',
      page: 0,
      pageSize: 5,
    });
    expect(wildcards.total).toBe(0);
  });

  it('erases a person: no name, e-mail, reference or company left, the confidential answer kept', async () => {
    const sam = fx.stakeholders.sam;
    const { responseId } = await submitResponse(handle.db, {
      organizationId: fx.organizationId,
      waveId: fx.surveys.supplier.waveId,
      stakeholderId: sam.id,
      groupId: sam.groupId,
      segments: sam.segments,
      idempotencyKey: newId(),
      answers: [{ questionId: fx.surveys.supplier.questions.payment_lived!, value: 4 }],
      now,
      newId,
    });
    await eraseStakeholder(handle.db, { organizationId: fx.organizationId, stakeholderId: sam.id, now });
    const named = await handle.db
      .selectFrom('response as r')
      .innerJoin('stakeholder as s', 's.id', 'r.stakeholder_id')
      .select(['s.display_name', 's.email', 's.external_ref', 's.company', 's.company_id', 's.erased_at', 's.active'])
      .where('r.id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(named).toEqual({
      display_name: '',
      email: null,
      external_ref: null,
      company: null,
      company_id: null,
      erased_at: now,
      active: 0,
    });
    const user = await handle.db
      .selectFrom('auth_user')
      .select(['name', 'email'])
      .where('id', '=', sam.userId)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('');
    expect(user.email).not.toContain('sam');
    const member = await handle.db
      .selectFrom('member')
      .select('removed_at')
      .where('id', '=', sam.memberId)
      .executeTakeFirstOrThrow();
    expect(member.removed_at).toBe(now);
    await expect(
      eraseStakeholder(handle.db, { organizationId: fx.organizationId, stakeholderId: sam.id, now }),
    ).rejects.toMatchObject({ kind: 'conflict', field: 'stakeholderId' });
    const other = await buildFixture(handle.db);
    await expect(
      eraseStakeholder(handle.db, { organizationId: other.organizationId, stakeholderId: fx.stakeholders.bob.id, now }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('erases a person who, as an admin too, was told of undelivered e-mail: the notice goes with its message', async () => {
    const own = await buildFixture(handle.db);
    const sam = own.stakeholders.sam;
    const email = `sam.${newId().toLowerCase()}@example.test`;
    await handle.db.updateTable('stakeholder').set({ email }).where('id', '=', sam.id).execute();
    const { id } = await enqueueMessage(handle.db, {
      organizationId: own.organizationId,
      to: email,
      subject: 'Undelivered e-mail',
      body: 'Hello',
      now,
      newId,
    });
    await handle.db
      .insertInto('delivery_notice')
      .values({
        organization_id: own.organizationId,
        outbox_id: id,
        member_id: own.staff.admin.memberId,
        created_at: now,
      })
      .execute();
    await eraseStakeholder(handle.db, { organizationId: own.organizationId, stakeholderId: sam.id, now });
    expect(await handle.db.selectFrom('outbox').select('id').where('id', '=', id).execute()).toEqual([]);
    expect(
      await handle.db.selectFrom('delivery_notice').select('outbox_id').where('outbox_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('erasing a manager leaves their reports without one', async () => {
    const head = await byRef('E004');
    await eraseStakeholder(handle.db, { organizationId: fx.organizationId, stakeholderId: head.id, now });
    expect((await byRef('E014')).manager_id).toBeNull();
  });

  it('invites the active people of a department from the directory, each once', async () => {
    const args = {
      organization: { id: fx.organizationId, name: 'Atelier Nord', defaultLocale: 'fr' },
      waveId: fx.surveys.employee.waveId,
      segments: { department: ['it'] },
      now,
      baseUrl: 'https://facets.example.org',
      newId,
    };
    const active = await handle.db
      .selectFrom('stakeholder')
      .select(['segments'])
      .where('organization_id', '=', fx.organizationId)
      .where('group_id', '=', fx.groups.employee)
      .where('active', '=', 1)
      .execute();
    const it = active.filter((p) => JSON.parse(p.segments).department === 'it').length;
    const dry = await inviteFromDirectory(handle.db, { ...args, dryRun: true });
    expect(dry).toEqual({ selected: it, invited: it, alreadyInvited: 0, withoutEmail: 0, overLimit: 0, dryRun: true });
    const outbox = async () =>
      Number(
        (
          await handle.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('organization_id', '=', fx.organizationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await outbox();
    expect(await inviteFromDirectory(handle.db, args)).toMatchObject({ invited: it, alreadyInvited: 0 });
    expect(await outbox()).toBe(before + it);
    expect(await inviteFromDirectory(handle.db, { ...args, segments: {} })).toMatchObject({
      selected: active.length,
      invited: active.length - it,
      alreadyInvited: it,
    });
    await expect(inviteFromDirectory(handle.db, { ...args, segments: { department: ['moon'] } })).rejects.toMatchObject(
      { kind: 'invalid', field: 'segments.department' },
    );
  });
});
