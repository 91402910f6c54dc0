import { type Db, newId, submitResponse } from '@facets/db';
import { addSegmentAttributeValues } from '@facets/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, count, type Org, openDb } from '../test-setup.ts';

/**
 * The people directory through the API, on an organisation that is not the demo: 300 employees in five departments
 * with a reporting line (a head, five department heads, everyone else under theirs), 40 supplier contacts of 12
 * companies.
 */

const DEPARTMENTS = ['it', 'hr', 'sales', 'finance', 'production'] as const;

function employeeFile(count = 300): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const department = n >= 2 && n <= 6 ? DEPARTMENTS[n - 2]! : DEPARTMENTS[n % DEPARTMENTS.length]!;
    const manager = n === 1 ? '' : n <= 6 ? 'P1' : `P${2 + DEPARTMENTS.indexOf(department)}`;
    return `P${n},worker${n}@forges-est.test,Worker ${n},${department},2020-01-${String((n % 28) + 1).padStart(2, '0')},,${manager}`;
  });
  return ['external_id,email,name,department,start_date,end_date,manager', ...rows].join('\n');
}

function supplierFile(): string {
  const rows = Array.from(
    { length: 40 },
    (_, i) => `C${i + 1};c${i + 1}@co${i % 12}.test;Contact ${i + 1};Fournisseur ${i % 12}`,
  );
  return ['Identifiant;Courriel;Nom;Entreprise', ...rows].join('\n');
}

let db: Db;
let org: Org;
let other: Org;

beforeAll(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
  other = await buildOrg(db.db);
  await addSegmentAttributeValues(db.db, {
    organizationId: org.organizationId,
    groupId: org.groups.employee,
    key: 'department',
    label: { fr: 'Service', en: 'Department' },
    values: DEPARTMENTS.map((d) => [d, d.toUpperCase(), d]),
  });
});
afterAll(() => db.close());

const auditEvents = (action: string) =>
  db.db
    .selectFrom('audit_event')
    .select(['target', 'details'])
    .where('organization_id', '=', org.organizationId)
    .where('action', '=', action)
    .execute();

describe('people: sync, list, erase, invite', () => {
  it('previews and syncs 300 employees, confirming the deactivation of the three already there', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const input = { groupId: org.groups.employee, csv: employeeFile() };
    const preview = await hr.people.sync.preview(input);
    expect(preview).toMatchObject({
      status: 'valid',
      summary: { created: 300, deactivated: 3, active: 3, confirmationRequired: true },
    });
    expect(await hr.people.sync.commit(input)).toMatchObject({
      status: 'needs_confirmation',
      summary: { deactivated: 3 },
    });
    expect(await auditEvents('people.sync')).toEqual([]);
    const synced = await hr.people.sync.commit({ ...input, confirmDeactivation: true });
    expect(synced).toMatchObject({ status: 'synced', summary: { created: 300, deactivated: 3 } });
    const [event] = await auditEvents('people.sync');
    expect(event!.target).toBe(org.groups.employee);
    expect(JSON.parse(event!.details)).toEqual({
      group: 'employee',
      rows: 300,
      created: 300,
      updated: 0,
      deactivated: 3,
      confirmedDeactivation: true,
    });
    expect(event!.details).not.toMatch(/Worker|Alice|@/);
  });

  it('syncs 40 supplier contacts of 12 companies from a French file', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const outcome = await admin.people.sync.commit({
      groupId: org.groups.supplier,
      csv: supplierFile(),
      confirmDeactivation: true,
    });
    expect(outcome).toMatchObject({ status: 'synced', summary: { created: 40, newCompanies: 12, deactivated: 2 } });
    const page = await admin.people.list({ groupId: org.groups.supplier, pageSize: 200 });
    expect(page.total).toBe(40);
    expect(new Set(page.people.map((p) => p.company)).size).toBe(12);
  });

  it('lists a page with a search, the manager named, and the file columns', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const page = await hr.people.list({ groupId: org.groups.employee, search: 'worker 2', pageSize: 3 });
    // Worker 2, 20–29, 200–299.
    expect(page.total).toBe(111);
    expect(page.active).toBe(300);
    expect(page.people.map((p) => [p.name, p.manager?.name ?? null])).toEqual([
      ['Worker 2', 'Worker 1'],
      ['Worker 20', 'Worker 2'],
      ['Worker 200', 'Worker 2'],
    ]);
    expect(page.columns.headers).toEqual([
      'external_id',
      'email',
      'name',
      'language',
      'company',
      'start_date',
      'end_date',
      'manager',
      'department',
    ]);
    const inactive = await hr.people.list({ groupId: org.groups.employee, status: 'inactive' });
    expect(inactive.people.map((p) => p.name).sort()).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('refuses a file with an unknown manager and a cycle, naming the rows, writing nothing', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const csv = `${employeeFile(10)}\nP11,w11@forges-est.test,W,it,,,P12\nP12,w12@forges-est.test,W,it,,,P11\nP13,w13@forges-est.test,W,it,,,P99`;
    const before = await count(db.db, 'stakeholder');
    const outcome = await hr.people.sync.commit({ groupId: org.groups.employee, csv, confirmDeactivation: true });
    expect(outcome.status === 'refused' && outcome.errors.map((e) => [e.row, e.code])).toEqual([
      [12, 'reporting_cycle'],
      [13, 'reporting_cycle'],
      [14, 'unknown_manager'],
    ]);
    expect(await count(db.db, 'stakeholder')).toBe(before);
  });

  it('invites the active people of the group, or of one department, each once', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const waveId = org.surveys.employee.waveId;
    const it = await hr.surveys.invitations.fromDirectory({ waveId, segments: { department: ['it'] }, dryRun: true });
    expect(it).toEqual({ selected: 60, invited: 60, alreadyInvited: 0, withoutEmail: 0, overLimit: 0, dryRun: true });
    expect(await hr.surveys.invitations.fromDirectory({ waveId, segments: { department: ['it'] } })).toMatchObject({
      invited: 60,
    });
    expect(await hr.surveys.invitations.fromDirectory({ waveId })).toMatchObject({
      selected: 300,
      invited: 240,
      alreadyInvited: 60,
    });
    const events = await auditEvents('invitations.import_open_wave');
    expect(events.map((e) => JSON.parse(e.details))).toEqual([
      expect.objectContaining({ source: 'directory', filter: ['department=it'], invited: 60 }),
      expect.objectContaining({ source: 'directory', filter: [], invited: 240 }),
    ]);
  });

  it('erases a person on request: their confidential answer stays, with no name; the log names no one', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const tom = org.tom;
    const { responseId } = await submitResponse(db.db, {
      organizationId: org.organizationId,
      waveId: org.surveys.supplier.waveId,
      stakeholderId: tom.stakeholderId,
      groupId: org.groups.supplier,
      segments: {},
      idempotencyKey: newId(),
      answers: [{ questionId: org.surveys.supplier.questions.payment_lived!, value: 5 }],
      now: org.now,
      newId,
    });
    expect(await admin.people.erase({ stakeholderId: tom.stakeholderId })).toEqual({
      erased: true,
      stakeholderId: tom.stakeholderId,
    });
    const row = await db.db
      .selectFrom('response as r')
      .innerJoin('stakeholder as s', 's.id', 'r.stakeholder_id')
      .select(['s.display_name', 's.email', 's.company'])
      .where('r.id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: '', email: null, company: null });
    const [event] = await auditEvents('people.erase');
    expect(JSON.parse(event!.details)).toEqual({ group: 'supplier' });
    await expect(admin.people.erase({ stakeholderId: tom.stakeholderId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers NOT_FOUND to another organisation, FORBIDDEN to managers and leadership', async () => {
    const intruder = await callerFor(db.db, other.staff.hr.userId);
    const before = await count(db.db, 'stakeholder');
    for (const call of [
      intruder.people.list({ groupId: org.groups.employee }),
      intruder.people.sync.preview({ groupId: org.groups.employee, csv: employeeFile(3) }),
      intruder.people.sync.commit({ groupId: org.groups.employee, csv: employeeFile(3), confirmDeactivation: true }),
      intruder.people.erase({ stakeholderId: org.stakeholders.bob.id }),
      intruder.surveys.invitations.fromDirectory({ waveId: org.surveys.employee.waveId }),
    ]) {
      await expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await count(db.db, 'stakeholder')).toBe(before);
    for (const who of [org.staff.manager.userId, org.leadership.userId, org.staff.analyst.userId]) {
      const caller = await callerFor(db.db, who);
      await expect(caller.people.list({ groupId: org.groups.employee })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('names the field of a bad input', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    await expect(hr.people.list({ groupId: org.groups.employee, pageSize: 1000 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^pageSize: /),
    });
    await expect(
      hr.surveys.invitations.fromDirectory({ waveId: org.surveys.employee.waveId, segments: { site: ['lyon'] } }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/^segments\.site: /) });
  });
});
