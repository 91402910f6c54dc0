import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  screenshotsDir,
  sidewaysOverflow,
  snap,
  type ViewportName,
} from './browser.ts';
import { readHeatCell, readScoreCell } from './cells.ts';
import { answerEveryScreen } from './survey-answers.ts';

/**
 * The survey builder through the console: a survey from a template, a wave scheduled and opened, a CSV of invitees
 * refused whole with its report (nothing written), a good one imported, each invitation e-mail read from the outbox
 * and its link answered in the customer portal, the live response rate moving, then leadership's heatmap and
 * dimension page showing the new wave once k customers answered. (Customers rather than employees: the walking
 * skeleton reads the employees' latest wave on the overview.) Then the same screens in French on a phone, and the
 * read-only views of an analyst and a manager.
 */

const PASSWORD = 'facets-demo';
const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    surveys: 'Surveys',
    newSurvey: 'New survey',
    group: 'Group to survey',
    create: 'Create the survey',
    waveName: 'Name of the wave',
    schedule: 'Schedule the wave',
    nameRequired: 'Give the wave a name',
    locks: 'from the first answer on the survey’s questions can no longer be changed',
    openNow: 'Schedule and open now',
    manage: 'Invitations and response rate',
    csvFile: 'CSV file',
    refused: 'The file was not imported',
    ready: 'The file is ready',
    sent: 'Invitations sent',
    next: 'Next',
    submit: 'Submit',
    thanks: 'Thank you!',
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    surveys: 'Enquêtes',
    newSurvey: 'Nouvelle enquête',
    group: 'Groupe à interroger',
    create: 'Créer l’enquête',
    waveName: 'Nom de la vague',
    schedule: 'Planifier la vague',
    nameRequired: 'Donnez un nom à la vague',
    locks: 'dès la première réponse les questions de l’enquête ne peuvent plus être modifiées',
    openNow: 'Planifier et ouvrir maintenant',
    manage: 'Invitations et taux de réponse',
    csvFile: 'Fichier CSV',
    refused: 'Le fichier n’a pas été importé',
    ready: 'Le fichier est prêt',
    sent: 'Invitations envoyées',
    next: 'Suivant',
    submit: 'Envoyer',
    thanks: 'Merci !',
  },
} as const;
type Locale = keyof typeof WORDS;
type Words = (typeof WORDS)[Locale];

/** What the server wrote, read from its SQLite file (the test reads; the product never shares it). */
function query<T>(sql: string, ...params: string[]): T[] {
  const db = new DatabaseSync(databaseUrl, { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const countOf = (sql: string, ...params: string[]) => Number(query<{ n: number }>(sql, ...params)[0]?.n ?? 0);

async function signIn(page: Page, w: Words, path: string, email: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
}

async function check(page: Page, shot: string): Promise<void> {
  // Survey pages refresh their live counts; on a busy machine the network may not fall quiet for long.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => page.waitForLoadState('load'));
  expect(await accessibilityViolations(page)).toEqual([]);
  expect(await sidewaysOverflow(page)).toEqual([]);
  await snap(page, shot);
}

const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/**
 * Creates a survey from one of the group's templates (the first by default), schedules a wave opening now, and opens
 * its wave page.
 */
async function launchFromTemplate(
  page: Page,
  w: Words,
  args: { group: string; wave: string; prefix: string; template?: RegExp },
): Promise<string> {
  const { group, wave, prefix } = args;
  await page.getByRole('navigation').getByRole('link', { name: w.surveys }).click();
  await page.getByRole('heading', { name: w.surveys, level: 1 }).waitFor();
  await check(page, `${prefix}-01-surveys-list`);
  await page.getByRole('link', { name: w.newSurvey }).click();
  await page.getByLabel(w.group).selectOption({ label: group });
  await (args.template ? page.getByRole('radio', { name: args.template }) : page.getByRole('radio').first()).check();
  await check(page, `${prefix}-02-new-survey`);
  await page.getByRole('button', { name: w.create }).click();
  await page.getByRole('button', { name: w.schedule }).waitFor();
  await check(page, `${prefix}-03-survey-editor`);
  // A wave needs a name; one that opens now is confirmed first, since it locks the questions from its first answer.
  await page.getByRole('button', { name: w.schedule }).click();
  await page.getByText(w.nameRequired).waitFor();
  await page.getByLabel(w.waveName).fill(wave);
  await page.getByRole('button', { name: w.schedule }).click();
  const confirm = page.getByRole('dialog');
  await confirm.getByText(w.locks).waitFor();
  await check(page, `${prefix}-03b-confirm-open`);
  await confirm.screenshot({ path: join(screenshotsDir, `${prefix}-03c-confirm-dialog.png`) });
  await confirm.getByRole('button', { name: w.openNow }).click();
  await page.getByRole('link', { name: w.manage }).click();
  await page.getByLabel(w.csvFile).waitFor();
  return page.url().split('/waves/')[1]!;
}

describe.skipIf(!chromiumPath)('console surveys', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const open = async (locale: Locale, viewport: ViewportName) => {
    const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
    return { context, page: await context.newPage() };
  };

  it('en, desktop: a customer survey from its template, a refused CSV, a good CSV, answers by link, the rate, the heatmap and the dimension page moving', async () => {
    const w = WORDS.en;
    const prefix = 'en-desktop-surveys';
    const hr = await open('en', 'desktop');
    await signIn(hr.page, w, '/console/', 'hr@demo.facets.test');
    const waveId = await launchFromTemplate(hr.page, w, {
      group: 'Customers',
      wave: 'Winter 2026',
      prefix,
      template: /^Customer relationship/,
    });
    await hr.page.getByText('Nobody has been invited to this wave yet.').waitFor();
    await check(hr.page, `${prefix}-04-wave`);

    const stakeholdersBefore = countOf('select count(*) as n from stakeholder');
    // An empty file and a spreadsheet are named for what they are, and nothing is sent.
    await hr.page.getByLabel(w.csvFile).setInputFiles(file('empty.csv', ''));
    await hr.page.getByText('“empty.csv” is empty: it needs a header row').waitFor();
    await hr.page.getByLabel(w.csvFile).setInputFiles({
      name: 'customers.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('PK\u0003\u0004 a spreadsheet', 'binary'),
    });
    await hr.page.getByText('“customers.xlsx” is not a CSV file.').waitFor();
    const bad = 'email,name,segment,region\nnot-an-email,Bad Row,online,other\nzoe@example.org,Zoé,online,Mars\n';
    await hr.page.getByLabel(w.csvFile).setInputFiles(file('customers.csv', bad));
    await hr.page.getByText(w.refused).waitFor();
    await hr.page.getByText('2 problems in 2 rows.').waitFor();
    const report = hr.page.getByRole('table', { name: 'Problems found in the file' });
    await expect.poll(() => report.getByRole('row').count()).toBe(3);
    await expect
      .poll(() => report.getByRole('row').nth(1).textContent())
      .toContain('“not-an-email” is not an e-mail address.');
    await expect.poll(() => report.getByRole('row').nth(2).textContent()).toContain('“Mars” is not allowed.');
    await check(hr.page, `${prefix}-05-csv-refused`);
    // Refused whole: nobody created, nobody invited, nothing sent.
    expect(countOf('select count(*) as n from stakeholder')).toBe(stakeholdersBefore);
    expect(countOf('select count(*) as n from invitation where wave_id = ?', waveId)).toBe(0);

    // Each invitee's e-mail subject, in the language of the file's row.
    const en = 'Maison Lumière: your view counts – Your experience with Maison Lumière';
    const invitees = [
      ['customer@demo.facets.test', en],
      ['nora.petit@example.org', 'Maison Lumière : votre avis compte – Votre expérience avec Maison Lumière'],
      ['sam.okafor@example.org', en],
      ['ines.garnier@example.org', en],
      ['theo.marchand@example.org', en],
    ] as const;
    const good = [
      'email,name,external_id,segment,region,language',
      'customer@demo.facets.test,,,online,Île-de-France,en',
      'nora.petit@example.org,Nora Petit,C-9001,In-store shoppers,Hauts-de-France,fr',
      'sam.okafor@example.org,Sam Okafor,C-9002,trade,other,en',
      'ines.garnier@example.org,Inès Garnier,C-9003,online,Auvergne-Rhône-Alpes,en',
      'theo.marchand@example.org,Théo Marchand,C-9004,retail,other,en',
    ].join('\n');
    await hr.page.getByLabel(w.csvFile).setInputFiles(file('customers.csv', good));
    await hr.page.getByText(w.ready).waitFor();
    await hr.page.getByRole('button', { name: 'Send 5 invitations' }).click();
    await hr.page.getByText(w.sent).waitFor();
    await check(hr.page, `${prefix}-06-csv-imported`);
    // The demo customer was matched by e-mail, not created again.
    expect(countOf('select count(*) as n from stakeholder')).toBe(stakeholdersBefore + 4);
    expect(countOf('select count(*) as n from invitation where wave_id = ?', waveId)).toBe(5);
    // Nobody has answered yet: below k, the count says nothing (the first answer must not move it).
    await hr.page.getByText('fewer than 5 responses · 5 invited').waitFor();

    // What leadership compares before anyone answers: customers as their latest wave with answers left them.
    const lead = await open('en', 'desktop');
    await signIn(lead.page, w, '/console/compare', 'leadership@demo.facets.test');
    const heat = lead.page.getByRole('link', { name: /^Customers, Reliability of promises:/ });
    await heat.waitFor();
    const before = readHeatCell(await heat.textContent());

    // Each invitee opens the link of their e-mail and answers, signed out, at the top of every scale.
    for (const [i, [to, subject]] of invitees.entries()) {
      const [mail] = query<{ subject: string; body: string }>(
        'select subject, body from outbox where to_address = ? order by created_at desc limit 1',
        to,
      );
      expect(mail!.subject).toBe(subject);
      const link = new RegExp(`${baseUrl}(/customer/i/[A-Za-z0-9_-]{43})`).exec(mail!.body)?.[1];
      expect(link).toBeDefined();
      const invitee = await open('en', 'desktop');
      await invitee.page.goto(link!);
      await answerEveryScreen(invitee.page, w, async (screen) => {
        if (i === 0 && screen === 1) await snap(invitee.page, `${prefix}-07-invitation-screen`);
      });
      await invitee.page.getByRole('heading', { name: w.thanks }).waitFor();
      await invitee.context.close();
      if (i === 0) {
        // An open wave publishes nothing, and one answer is not k: the overview keeps the customers' previous results
        // and says the new wave is under way without saying how many answered.
        await lead.page.goto('/console/');
        await lead.page
          .getByText('Winter 2026 of “Your experience with Maison Lumière” is under way: fewer than 5 answers so far.')
          .waitFor();
        await check(lead.page, `${prefix}-07-overview-pending`);
        await lead.page.goto('/console/compare');
        expect(readHeatCell(await heat.textContent())).toEqual(before);
      }
    }
    expect(countOf('select count(*) as n from response where wave_id = ?', waveId)).toBe(5);

    // The wave page reads the counts again on its own.
    await hr.page.getByText('5 responses ·').waitFor({ timeout: 20_000 });
    await hr.page.getByText('100%').waitFor();
    await check(hr.page, `${prefix}-08-rate-moved`);
    // Nothing is published while the wave is open, however many answered: the heatmap has not moved.
    await lead.page.goto('/console/');
    await lead.page
      .getByText('Winter 2026 of “Your experience with Maison Lumière” is under way: 5 answers so far.')
      .waitFor();
    await lead.page.goto('/console/compare');
    expect(readHeatCell(await heat.textContent())).toEqual(before);
    // HR closes the wave: its results are published.
    await hr.page.goBack();
    await hr.page.getByRole('button', { name: 'Close', exact: true }).click();
    await hr.page.getByRole('button', { name: 'Close', exact: true }).waitFor({ state: 'detached' });
    await hr.context.close();

    // Five answers reach k and the wave is closed: its results are published. The heatmap keeps reporting on the
    // customers' headline survey (a new survey never replaces it by itself) until leadership chooses the new one.
    await lead.page.reload();
    await heat.waitFor();
    expect(readHeatCell(await heat.textContent())).toEqual(before);
    await lead.page.getByText('Choose the survey and wave of each group').click();
    const picker = lead.page.getByRole('search', { name: 'What the results of Customers report on' });
    await picker.getByLabel('Survey').selectOption({ label: 'Your experience with Maison Lumière' });
    await expect.poll(async () => readHeatCell(await heat.textContent())).toEqual({ score: 100, n: 5 });
    expect(before).not.toEqual({ score: 100, n: 5 });
    // The choice is in the page's link: a reload keeps it.
    expect(new URL(lead.page.url()).searchParams.get('survey')).toBeTruthy();
    await lead.page.reload();
    await expect.poll(async () => readHeatCell(await heat.textContent())).toEqual({ score: 100, n: 5 });
    await check(lead.page, `${prefix}-09-heatmap-moved`);
    await heat.click();
    const trend = lead.page.getByRole('table', { name: /Reliability of promises: expected and lived across waves/ });
    const last = trend.getByRole('row').last();
    await expect.poll(async () => (await last.textContent()) ?? '').toContain('Winter 2026');
    expect(readScoreCell((await last.getByRole('cell').nth(1).textContent()) ?? '')).toEqual({ score: 100, n: 5 });
    await check(lead.page, `${prefix}-10-dimension-moved`);
    await lead.context.close();
  }, 300_000);

  it('fr, phone: a supplier survey from its template, a refused file and its report, a good file, an answer pending', async () => {
    const w = WORDS.fr;
    const prefix = 'fr-phone-surveys';
    const lead = await open('fr', 'phone');
    await signIn(lead.page, w, '/console/', 'leadership@demo.facets.test');
    const waveId = await launchFromTemplate(lead.page, w, { group: 'Fournisseurs', wave: 'Relation 2026', prefix });
    await check(lead.page, `${prefix}-04-wave`);
    await lead.page
      .getByLabel(w.csvFile)
      .setInputFiles(
        file(
          'fournisseurs.csv',
          'courriel;nom;catégorie de fournisseur\nlea@verrerie.example;Léa;verre\nlea@verrerie.example;Léa bis;Logistique\n',
        ),
      );
    await lead.page.getByText(w.refused).waitFor();
    await check(lead.page, `${prefix}-05-csv-refused`);
    expect(countOf('select count(*) as n from invitation where wave_id = ?', waveId)).toBe(0);
    await lead.page
      .getByLabel(w.csvFile)
      .setInputFiles(
        file(
          'fournisseurs.csv',
          'courriel;nom;entreprise;catégorie de fournisseur\nlea@verrerie.example;Léa Morel;Verrerie du Rhône;Matières premières\n',
        ),
      );
    await lead.page.getByText(w.ready).waitFor();
    await lead.page.getByRole('button', { name: 'Envoyer 1 invitation' }).click();
    await lead.page.getByText(w.sent).waitFor();
    await check(lead.page, `${prefix}-06-csv-imported`);
    const [mail] = query<{ subject: string; body: string }>(
      "select subject, body from outbox where to_address = 'lea@verrerie.example'",
    );
    expect(mail!.subject).toBe('Maison Lumière : votre avis compte – Votre relation avec Maison Lumière');

    // Léa answers through her link; the wave is open, so the overview says it is under way, without a count below k.
    const link = new RegExp(`${baseUrl}(/supplier/i/[A-Za-z0-9_-]{43})`).exec(mail!.body)?.[1];
    expect(link).toBeDefined();
    const lea = await open('fr', 'phone');
    await lea.page.goto(link!);
    await answerEveryScreen(lea.page, w);
    await lea.page.getByRole('heading', { name: w.thanks }).waitFor();
    await lea.context.close();
    // One answer is fewer than k: the wave page says so, without the count or a rate (nor how many links were used).
    await lead.page.getByText('moins de 5 réponses ·').waitFor({ timeout: 20_000 });
    await lead.page.getByText('moins de 5 liens d’invitation utilisés').waitFor();
    expect(await lead.page.getByText('1 réponse').count()).toBe(0);
    await check(lead.page, `${prefix}-07-wave-fewer-than-k`);
    await lead.page.goto('/console/');
    await lead.page
      .getByText(
        'Relation 2026 de « Votre relation avec Maison Lumière » est en cours : moins de 5 réponses pour l’instant. Ses résultats seront publiés à sa clôture, si 5 entreprises ont répondu.',
      )
      .waitFor();
    await check(lead.page, `${prefix}-07-overview-pending`);
    await lead.context.close();
  }, 240_000);

  it('an analyst reads every survey and changes none; a manager sees the employee surveys only', async () => {
    const analyst = await open('en', 'desktop');
    await signIn(analyst.page, WORDS.en, '/console/surveys', 'analyst@demo.facets.test');
    await analyst.page.getByRole('heading', { name: 'Surveys', level: 1 }).waitFor();
    await analyst.page.getByRole('link', { name: 'Your relationship with Maison Lumière' }).waitFor();
    expect(await analyst.page.getByRole('link', { name: 'New survey' }).count()).toBe(0);
    await check(analyst.page, 'en-desktop-surveys-08-analyst');
    await analyst.page.getByRole('link', { name: 'Your experience with Maison Lumière' }).first().click();
    await analyst.page.getByRole('heading', { name: 'Questions' }).waitFor();
    expect(await analyst.page.getByRole('button', { name: 'Schedule the wave' }).count()).toBe(0);
    await analyst.context.close();

    const manager = await open('fr', 'phone');
    await signIn(manager.page, WORDS.fr, '/console/surveys', 'manager.it@demo.facets.test');
    await manager.page.getByRole('link', { name: 'Baromètre trimestriel des équipes' }).waitFor();
    expect(await manager.page.getByRole('link', { name: 'Votre relation avec Maison Lumière' }).count()).toBe(0);
    await check(manager.page, 'fr-phone-surveys-08-manager');
    await manager.context.close();
  }, 120_000);
});
