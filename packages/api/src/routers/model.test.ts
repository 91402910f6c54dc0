import { createOrganization, type Db, newId } from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorData } from '../errors.ts';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

/**
 * The organisation's model through the API: an organisation made from scratch (no groups) builds its own, every change
 * audited; bad input is refused whole; archived items leave new work and stay in the reports.
 */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

const label = (en: string) => ({ fr: `${en} (fr)`, en });
const NOW = '2026-11-22T09:00:00.000Z';

/** A new organisation with its one admin and nothing else, as `facets init` leaves it. */
async function freshOrganisation() {
  const created = await createOrganization(db.db, {
    organization: { name: 'Clinique du Parc', slug: `parc-${newId()}`, defaultLocale: 'fr' },
    admin: { email: `admin-${newId()}@parc.test`, name: 'Admin' },
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

const rows = async () =>
  JSON.stringify(
    await Promise.all(
      (['stakeholder_group', 'dimension', 'dimension_group', 'segment_attribute', 'audit_event'] as const).map((t) =>
        db.db.selectFrom(t).selectAll().orderBy('organization_id').execute(),
      ),
    ),
  );

describe('model: an organisation builds its own', () => {
  it('creates groups, a shared dimension and segment attributes, each change audited', async () => {
    const { api, organizationId } = await freshOrganisation();
    expect(await api.model.get()).toEqual({ groups: [], dimensions: [] });
    const staff = await api.model.groups.create({ kind: 'employee', code: 'staff', label: label('Staff') });
    const patients = await api.model.groups.create({ kind: 'custom', code: 'patients', label: label('Patients') });
    await api.model.groups.rename({ groupId: patients.id, label: label('Patients and families') });
    await api.model.dimensions.create({
      code: 'respect',
      label: label('Respect'),
      description: label('Being treated with respect'),
      groupIds: [staff.id, patients.id],
    });
    await api.model.attributes.create({
      groupId: staff.id,
      key: 'site',
      label: label('Site'),
      values: [{ value: 'north', label: label('North') }],
    });
    await api.model.attributes.addValue({ groupId: staff.id, key: 'site', value: 'south', label: label('South') });
    await api.model.attributes.renameValue({
      groupId: staff.id,
      key: 'site',
      value: 'north',
      label: label('North wing'),
    });

    const model = await api.model.get();
    expect(model.groups.map((g) => [g.code, g.kind, g.label.en, g.archived])).toEqual([
      // Made at the same instant: by code.
      ['patients', 'custom', 'Patients and families', false],
      ['staff', 'employee', 'Staff', false],
    ]);
    expect(model.groups[1]?.attributes.map((a) => [a.key, a.values.map((v) => v.label.en)])).toEqual([
      ['site', ['North wing', 'South']],
    ]);
    expect(model.dimensions).toMatchObject([
      { code: 'respect', groupIds: [staff.id, patients.id].sort(), inUse: false },
    ]);
    // The new group is offered to a new survey, with its dimension.
    expect((await api.org.groups()).map((g) => g.code)).toEqual(['patients', 'staff']);
    const { surveyId } = await api.surveys.create({ groupId: staff.id, title: label('First survey') });
    expect((await api.surveys.get({ surveyId })).dimensions.map((d) => d.code)).toEqual(['respect']);

    const events = await db.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('organization_id', '=', organizationId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, JSON.parse(e.details).item])).toEqual([
      ['model.create', 'group'],
      ['model.create', 'group'],
      ['model.update', 'group'],
      ['model.create', 'dimension'],
      ['model.create', 'attribute'],
      ['model.create', 'value'],
      ['model.update', 'value'],
    ]);
  });

  it('refuses bad input whole, naming the field, with nothing written', async () => {
    const admin = await callerFor(db.db, org.staff.admin.userId);
    const before = await rows();
    expect(
      await refusal(admin.model.groups.create({ kind: 'custom', code: 'Partners!', label: label('P') })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      field: 'code',
    });
    expect(
      await refusal(admin.model.groups.create({ kind: 'employee', code: 'employee', label: label('Again') })),
    ).toMatchObject({ code: 'CONFLICT', field: 'code', reason: 'duplicate' });
    // A code is the path of the group's portal: the server's own paths and other kinds' app mounts are kept.
    for (const [kind, code] of [
      ['custom', 'console'],
      ['employee', 'api'],
      ['custom', 'trpc'],
      ['supplier', 'healthz'],
      ['customer', 'assets'],
      ['custom', 'employee'],
      ['supplier', 'group'],
    ] as const) {
      expect(await refusal(admin.model.groups.create({ kind, code, label: label('Taken') }))).toMatchObject({
        code: 'BAD_REQUEST',
        field: 'code',
        reason: 'reserved',
      });
    }
    expect(
      await refusal(admin.model.groups.create({ kind: 'custom', code: 'partners', label: { fr: '', en: 'Partners' } })),
    ).toMatchObject({ code: 'BAD_REQUEST', field: 'label.fr', reason: 'required' });
    expect(
      await refusal(
        admin.model.attributes.create({
          groupId: org.groups.supplier,
          key: 'company',
          label: label('Company'),
          values: [],
        }),
      ),
    ).toMatchObject({ field: 'key', reason: 'reserved' });
    expect(
      await refusal(
        admin.model.attributes.create({
          groupId: org.groups.employee,
          key: 'site',
          label: label('Site'),
          values: [
            { value: 'lyon', label: label('Lyon') },
            { value: 'lyon', label: label('Lyon again') },
          ],
        }),
      ),
    ).toMatchObject({ field: 'values.1.value', reason: 'duplicate' });
    expect(
      await refusal(
        admin.model.dimensions.update({
          dimensionId: org.dimensions.transparency,
          label: label('Openness'),
          description: null,
          groupIds: [org.groups.supplier],
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', field: 'groupIds', reason: 'in_use' });
    expect(await refusal(admin.model.dimensions.remove({ dimensionId: org.dimensions.recognition }))).toMatchObject({
      code: 'CONFLICT',
      field: 'dimensionId',
      reason: 'in_use',
      message: expect.stringContaining('Pulse'),
    });
    expect(await rows()).toBe(before);
  });

  it('gives another organisation’s ids NOT_FOUND, and refuses HR and analysts', async () => {
    const other = await freshOrganisation();
    for (const call of [
      other.api.model.groups.rename({ groupId: org.groups.employee, label: label('Mine') }),
      other.api.model.groups.remove({ groupId: org.groups.employee }),
      other.api.model.dimensions.remove({ dimensionId: org.dimensions.payment }),
      other.api.model.attributes.addValue({
        groupId: org.groups.employee,
        key: 'department',
        value: 'x',
        label: label('X'),
      }),
    ]) {
      expect((await refusal(call)).code).toBe('NOT_FOUND');
    }
    const hr = await callerFor(db.db, org.staff.hr.userId);
    expect((await refusal(hr.model.groups.create({ kind: 'custom', code: 'x', label: label('X') }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await hr.model.get()).groups).toHaveLength(2);
  });

  it('archives what carries data: gone from new work, still in the reports', async () => {
    const leadership = await callerFor(db.db, org.leadership.userId);
    expect(await leadership.model.groups.remove({ groupId: org.groups.supplier })).toEqual({ outcome: 'archived' });
    expect((await leadership.org.groups()).find((g) => g.id === org.groups.supplier)).toMatchObject({ archived: true });
    expect(
      await refusal(leadership.surveys.create({ groupId: org.groups.supplier, title: label('Another') })),
    ).toMatchObject({ code: 'CONFLICT', field: 'groupId', reason: 'archived' });
    expect((await refusal(leadership.surveys.templates({ groupId: org.groups.supplier }))).reason).toBe('archived');
    // Still reported: the overview keeps the archived group.
    const overview = await leadership.insights.overview();
    expect(JSON.stringify(overview)).toContain(org.groups.supplier);

    // A segment value someone carries is archived: invitation files no longer take it.
    const admin = await callerFor(db.db, org.staff.admin.userId);
    await admin.model.attributes.create({
      groupId: org.groups.employee,
      key: 'department',
      label: label('Department'),
      values: [
        { value: 'it', label: label('IT') },
        { value: 'hr', label: label('HR') },
      ],
    });
    expect(
      await admin.model.attributes.removeValue({ groupId: org.groups.employee, key: 'department', value: 'hr' }),
    ).toEqual({
      outcome: 'archived',
    });
    const survey = await admin.surveys.get({ surveyId: org.surveys.employee.surveyId });
    expect(survey.invitationColumns.attributes.map((a) => [a.key, a.values.map((v) => v.value)])).toEqual([
      ['department', ['it']],
    ]);
    const preview = await admin.surveys.invitations.preview({
      waveId: org.surveys.employee.waveId,
      csv: 'email,department\nnew@parc.test,hr',
    });
    expect(preview.status).toBe('refused');

    // A dimension closed to new work once its open waves are over.
    await db.db
      .updateTable('wave')
      .set({ status: 'closed' })
      .where('organization_id', '=', org.organizationId)
      .execute();
    expect(await leadership.model.dimensions.remove({ dimensionId: org.dimensions.recognition })).toEqual({
      outcome: 'archived',
    });
    expect(
      (await leadership.surveys.templates({ groupId: org.groups.employee })).dimensions.map((d) => d.code),
    ).toEqual(['transparency']);
    const { surveyId } = await leadership.surveys.create({ groupId: org.groups.employee, title: label('Next') });
    expect(
      await refusal(
        leadership.surveys.questions.save({
          surveyId,
          questions: [
            {
              type: 'rating',
              scale: 'likert5',
              facet: 'lived',
              dimensionId: org.dimensions.recognition,
              prompt: label('Recognised?'),
              options: null,
              required: true,
            },
          ],
        }),
      ),
    ).toMatchObject({ field: 'questions.0.dimensionId' });
    const employee = await leadership.insights.dimension({
      groupId: org.groups.employee,
      dimensionId: org.dimensions.recognition,
    });
    expect(employee).toBeTruthy();
  });
});
