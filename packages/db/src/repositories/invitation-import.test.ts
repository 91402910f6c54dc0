import { DomainError } from '@facets/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import type { Database } from '../schema.ts';
import { addSegmentAttributeValues, buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { importInvitations, previewInvitationImport } from './invitation-import.ts';
import { findInvitation, invitationCounts } from './invitations.ts';
import { listOutbox } from './outbox.ts';
import { closeWave } from './waves.ts';

const dialects = await testDialects();
const now = '2026-11-22T09:00:00.000Z';
const BASE = 'https://facets.example.org';

describe.each(dialects)('invitations by CSV (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  const count = async (table: keyof Database) =>
    Number(
      (
        await handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const snapshot = async () => ({
    stakeholders: await count('stakeholder'),
    invitations: await count('invitation'),
    outbox: await count('outbox'),
  });
  const args = (csv: string, waveId = fx.surveys.employee.waveId) => ({
    organization: { id: fx.organizationId, name: 'Atelier Nord', defaultLocale: 'fr' },
    waveId,
    csv,
    now,
    baseUrl: BASE,
    newId,
  });

  beforeAll(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now });
    await addSegmentAttributeValues(handle.db, {
      organizationId: fx.organizationId,
      groupId: fx.groups.employee,
      key: 'department',
      label: { fr: 'Service', en: 'Department' },
      values: [
        ['it', 'Informatique', 'IT'],
        ['hr', 'Ressources humaines', 'Human resources'],
      ],
    });
  });
  afterAll(() => handle.close());

  it('refuses a file with any mistake whole, with its report, and writes nothing', async () => {
    const before = await snapshot();
    const csv = 'email,name,department\nnew@example.org,New,it\nwrong,Wrong,it\nx@example.org,X,finance\n';
    for (const run of [previewInvitationImport, importInvitations]) {
      const outcome = await run(handle.db, args(csv));
      expect(outcome).toMatchObject({ status: 'refused', rows: 3, errorCount: 2 });
      if (outcome.status !== 'refused') throw new Error('expected a refusal');
      expect(outcome.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, 'email', 'invalid_email'],
        [4, 'department', 'unknown_value'],
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('previews a good file without writing, then imports it: people, invitations and e-mails in their language', async () => {
    const csv = [
      'email,name,external_id,department,language',
      `${fx.stakeholders.alice.email.toUpperCase()},Alice Martin,,hr,en`,
      'dana@example.org,Dana,E-1,it,',
      'eli@example.org,Eli,E-2,,en',
    ].join('\n');
    const before = await snapshot();
    const preview = await previewInvitationImport(handle.db, args(csv));
    expect(preview).toEqual({
      status: 'valid',
      summary: {
        rows: 3,
        created: 2,
        updated: 1,
        unchanged: 0,
        invited: 3,
        alreadyInvited: 0,
        overLimit: 0,
        newCompanies: 0,
      },
      companies: [],
    });
    expect(await snapshot()).toEqual(before);

    const outcome = await importInvitations(handle.db, args(csv));
    expect(outcome).toEqual({
      status: 'imported',
      summary: preview.status === 'valid' ? preview.summary : null,
      companies: [],
    });
    expect(await snapshot()).toEqual({
      stakeholders: before.stakeholders + 2,
      invitations: before.invitations + 3,
      outbox: before.outbox + 3,
    });

    const alice = await handle.db
      .selectFrom('stakeholder')
      .selectAll()
      .where('id', '=', fx.stakeholders.alice.id)
      .executeTakeFirstOrThrow();
    expect(alice).toMatchObject({ display_name: 'Alice Martin', locale: 'en', email: fx.stakeholders.alice.email });
    expect(JSON.parse(alice.segments)).toEqual({ department: 'hr', site: 'lyon' });

    const [dana] = await listOutbox(handle.db, { organizationId: fx.organizationId, to: 'dana@example.org' });
    expect(dana!.subject).toBe('Atelier Nord : votre avis compte – Pulse (fr)');
    expect(dana!.body).toContain('Vos réponses sont anonymes');
    const token = /\/employee\/i\/([A-Za-z0-9_-]+)/.exec(dana!.body)?.[1];
    expect(dana!.body).toContain(`${BASE}/employee/i/${token}`);
    const invitation = await findInvitation(handle.db, token!);
    expect(invitation).toMatchObject({ waveId: fx.surveys.employee.waveId, usedAt: null, group: { code: 'employee' } });
    const [eli] = await listOutbox(handle.db, { organizationId: fx.organizationId, to: 'eli@example.org' });
    expect(eli!.subject).toBe('Atelier Nord: your view counts – Pulse');
    expect(eli!.body).toMatch(/^Hello Eli,/);
    expect(
      await invitationCounts(handle.db, { organizationId: fx.organizationId, waveId: fx.surveys.employee.waveId }),
    ).toEqual({ invited: 3, used: 0 });
  });

  it('creates nobody twice and invites nobody twice when the same people come again', async () => {
    const before = await snapshot();
    const csv =
      'email,name,external_id,department\ndana@example.org,Dana Roux,E-1,it\neli@example.org,Eli,E-2,\nfay@example.org,Fay,E-3,hr\n';
    const outcome = await importInvitations(handle.db, args(csv));
    expect(outcome).toEqual({
      status: 'imported',
      summary: {
        rows: 3,
        created: 1,
        updated: 1,
        unchanged: 1,
        invited: 1,
        alreadyInvited: 2,
        overLimit: 0,
        newCompanies: 0,
      },
      companies: [],
    });
    expect(await snapshot()).toEqual({
      stakeholders: before.stakeholders + 1,
      invitations: before.invitations + 1,
      outbox: before.outbox + 1,
    });
    const danas = await handle.db
      .selectFrom('stakeholder')
      .select('display_name')
      .where('external_ref', '=', 'E-1')
      .execute();
    expect(danas).toEqual([{ display_name: 'Dana Roux' }]);
  });

  it('refuses a row whose external id and e-mail belong to two different people', async () => {
    const before = await snapshot();
    const taken = await importInvitations(handle.db, args('email,external_id\neli@example.org,E-1\n'));
    expect(taken).toMatchObject({ status: 'refused', errors: [{ row: 2, column: 'email', code: 'email_taken' }] });
    const mismatch = await importInvitations(handle.db, args('email,external_id\neli@example.org,E-9\n'));
    expect(mismatch).toMatchObject({
      status: 'refused',
      errors: [{ row: 2, column: 'external_id', code: 'external_id_mismatch' }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('invites nobody to a closed wave, nor to another organisation’s', async () => {
    const other = await buildFixture(handle.db, { now });
    const notFound = await importInvitations(
      handle.db,
      args('email\nz@example.org\n', other.surveys.employee.waveId),
    ).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(DomainError);
    expect((notFound as DomainError).kind).toBe('not_found');
    await closeWave(handle.db, { organizationId: fx.organizationId, waveId: fx.surveys.supplier.waveId, now });
    const closed = await importInvitations(handle.db, args('email\nz@example.org\n', fx.surveys.supplier.waveId)).catch(
      (e: unknown) => e,
    );
    expect(closed).toMatchObject({ kind: 'conflict', field: 'waveId' });
  });
});
