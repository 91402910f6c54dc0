import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../create-db.ts';
import { newId } from '../ids.ts';
import { buildFixture, type Fixture, openTestDb, testDialects } from '../testing.ts';
import { listCompanies } from './companies.ts';
import { importInvitations, previewInvitationImport } from './invitation-import.ts';

/** Invitation files place each supplier contact in a company record: by name, by e-mail domain, or a new one. */

const dialects = await testDialects();
const now = '2026-11-22T09:00:00.000Z';

describe.each(dialects)('companies of invited suppliers (%s)', (dialect) => {
  let handle: Db;
  let fx: Fixture;
  const args = (csv: string) => ({
    organization: { id: fx.organizationId, name: 'Atelier Nord', defaultLocale: 'fr' },
    waveId: fx.surveys.supplier.waveId,
    csv,
    now,
    baseUrl: 'https://facets.example.org',
    newId,
  });
  const companyOf = async (email: string) =>
    (
      await handle.db
        .selectFrom('stakeholder')
        .leftJoin('company', 'company.id', 'stakeholder.company_id')
        .select(['company.id', 'company.name'])
        .where('stakeholder.email', '=', email)
        .executeTakeFirstOrThrow()
    ).name;

  beforeEach(async () => {
    handle = await openTestDb(dialect);
    fx = await buildFixture(handle.db, { now });
    await handle.db
      .insertInto('company')
      .values({
        id: 'c-verrerie',
        organization_id: fx.organizationId,
        name: 'Verrerie du Rhône',
        domains: JSON.stringify(['verrerie-rhone.fr']),
        created_at: now,
      })
      .execute();
  });
  afterEach(() => handle.close());

  const FILE =
    'email,name,company\n' +
    'lea@gmail.com,Léa,VERRERIE DU RHONE SA\n' +
    'max@verrerie-rhone.fr,Max,\n' +
    'zoe@verrerie-rhone.fr,Zoé,Verrerie Rhône Logistique\n' +
    'paul@beal.example,Paul,Cartonnages Béal\n' +
    'anne@beal.example,Anne,CARTONNAGES BEAL SARL\n' +
    'jo@orange.fr,Jo,\n';

  it('says in the preview which company each row matched and how, and writes nothing', async () => {
    const outcome = await previewInvitationImport(handle.db, args(FILE));
    expect(outcome.status).toBe('valid');
    if (outcome.status === 'refused') return;
    expect(outcome.summary.newCompanies).toBe(1);
    expect(outcome.companies.map((c) => [c.row, c.company, c.how])).toEqual([
      [2, 'Verrerie du Rhône', 'name'],
      [3, 'Verrerie du Rhône', 'domain'],
      [4, 'Verrerie du Rhône', 'domain'],
      [5, 'Cartonnages Béal', 'new'],
      [6, 'Cartonnages Béal', 'name'],
    ]);
    // the fixture's supplier already has Atelier Durand
    expect((await listCompanies(handle.db, fx.organizationId)).map((c) => c.name).sort()).toEqual([
      'Atelier Durand',
      'Verrerie du Rhône',
    ]);
  });

  it('imports each contact into its company: one record per company however it is spelled', async () => {
    const outcome = await importInvitations(handle.db, args(FILE));
    expect(outcome.status).toBe('imported');
    if (outcome.status === 'refused') return;
    expect(outcome.companies.map((c) => c.how)).toEqual(['name', 'domain', 'domain', 'new', 'name']);
    for (const email of ['lea@gmail.com', 'max@verrerie-rhone.fr', 'zoe@verrerie-rhone.fr']) {
      expect(await companyOf(email), email).toBe('Verrerie du Rhône');
    }
    expect(await companyOf('paul@beal.example')).toBe('Cartonnages Béal');
    expect(await companyOf('anne@beal.example')).toBe('Cartonnages Béal');
    // a public mail domain and no company name: no company is guessed
    expect(await companyOf('jo@orange.fr')).toBeNull();
    const companies = await listCompanies(handle.db, fx.organizationId);
    expect(companies.map((c) => [c.name, c.domains]).sort()).toEqual([
      ['Atelier Durand', []],
      ['Cartonnages Béal', ['beal.example']],
      ['Verrerie du Rhône', ['verrerie-rhone.fr']],
    ]);

    // Uploading again creates no company, and a new contact of a known domain joins it.
    const again = await importInvitations(handle.db, args(`${FILE}marc@beal.example,Marc,\n`));
    if (again.status === 'refused') throw new Error('refused');
    expect(again.summary.newCompanies).toBe(0);
    expect(again.companies.at(-1)).toMatchObject({ row: 8, company: 'Cartonnages Béal', how: 'domain' });
    expect(await listCompanies(handle.db, fx.organizationId)).toHaveLength(3);
  });
});
