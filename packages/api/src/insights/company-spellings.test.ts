import { closeWave, type Db, listOutbox } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, type Org, openDb } from '../test-setup.ts';

/**
 * Three contacts of one supplier whose file spells the company three ways are one company, not three: with k = 3, they
 * and one other company's contact stand on two companies, so neither the console nor the supplier portal's "you said,
 * we did" shows their figures.
 */

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db, { kThreshold: 3 });
});
afterEach(() => db.close());

const FILE =
  'email,name,company\n' +
  'lea@verrerie-rhone.fr,Léa,Verrerie du Rhône\n' +
  'max@verrerie-rhone.fr,Max,VERRERIE DU RHONE SA\n' +
  'zoe@gmail.com,Zoé,Verrerie du Rhône S.A.\n' +
  'paul@beal.example,Paul,Cartonnages Béal\n';

/** Everyone in the file answers payment (lived) through their invitation link, and the wave closes. */
async function answerThroughLinks(spellings = FILE) {
  const hr = await callerFor(db.db, org.staff.hr.userId);
  const waveId = org.surveys.supplier.waveId;
  const imported = await hr.surveys.invitations.import({ waveId, csv: spellings });
  if (imported.status === 'refused') throw new Error(JSON.stringify(imported.errors));
  const visitor = await callerFor(db.db, null);
  for (const [i, line] of spellings.trim().split('\n').slice(1).entries()) {
    const [mail] = await listOutbox(db.db, { to: line.split(',')[0]! });
    const token = /\/supplier\/i\/([\w-]+)/.exec(mail!.body)![1]!;
    await visitor.portal.invitation.submit({
      token,
      idempotencyKey: `spelling-${i}-answer-0001`,
      answers: [{ questionId: org.surveys.supplier.questions.payment_lived!, value: 4 }],
    });
  }
  await closeWave(db.db, { organizationId: org.organizationId, waveId, now: org.now });
  return imported;
}

describe('a supplier spelled three ways', () => {
  it('is matched to one company at import, whatever the spelling', async () => {
    const imported = await answerThroughLinks();
    const companies = imported.companies.map((c) => [c.company, c.how]);
    expect(companies).toEqual([
      ['Verrerie du Rhône', 'new'],
      ['Verrerie du Rhône', 'name'],
      ['Verrerie du Rhône', 'name'],
      ['Cartonnages Béal', 'new'],
    ]);
    expect(new Set(imported.companies.slice(0, 3).map((c) => c.companyId)).size).toBe(1);
  });

  it('counts as one company in the console: four contacts of two companies show nothing', async () => {
    await answerThroughLinks();
    const leadership = await callerFor(db.db, org.leadership.userId);
    const overview = await leadership.insights.overview();
    const suppliers = overview.groups.find((g) => g.id === org.groups.supplier)!;
    // Withheld, and its n with it.
    expect(suppliers.respondents).toEqual({ n: 0, hidden: 'companies_below_k' });
    const payment = suppliers.dimensions.find((d) => d.id === org.dimensions.payment)!;
    expect(payment.lived).toMatchObject({ score: null, hidden: 'companies_below_k' });
  });

  it('counts as one company in the supplier portal’s "you said, we did"', async () => {
    await answerThroughLinks();
    const tom = await callerFor(db.db, org.tom.userId);
    const results = await tom.portal.results.get();
    expect(results.countsCompanies).toBe(true);
    expect(results.respondents).toMatchObject({ hidden: 'companies_below_k' });
    const payment = results.dimensions.find((d) => d.id === org.dimensions.payment)!;
    expect(payment.lived).toMatchObject({ value: null, hidden: 'companies_below_k' });
  });

  it('shows the figures once two more companies answer (three would leave one company with most of the answers)', async () => {
    await answerThroughLinks(
      `${FILE}ines@nord-express.example,Inès,Nord Express Logistique\nmarc@bois-jura.example,Marc,Scierie du Jura\n`,
    );
    const leadership = await callerFor(db.db, org.leadership.userId);
    const suppliers = (await leadership.insights.overview()).groups.find((g) => g.id === org.groups.supplier)!;
    expect(suppliers.respondents).toEqual({ n: 6, hidden: null });
    const results = await (await callerFor(db.db, org.tom.userId)).portal.results.get();
    expect(results.respondents).toMatchObject({ hidden: null });
  });
});
