import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage as check, launchBrowser, newContext, signIn, snap, type ViewportName } from './browser.ts';
import { readHeatCell, readScoreCell } from './cells.ts';
import { answerEveryScreen } from './survey-answers.ts';

/**
 * The console's analysis pages as leadership walks them — overview, stakeholder comparison (every metric), a cell
 * opened on its dimension page, a group drill-down with a hidden cell and its reason, the maturity page with a
 * self-assessment — and as the IT manager, who sees their department only. A supplier's answer to an open wave moves
 * neither the heatmap nor the dimension page. Every step in French and English, on a desktop and a phone, scanned by axe.
 */

const LEADERSHIP = 'leadership@demo.facets.test';
const MANAGER = 'manager.it@demo.facets.test';
const SUPPLIER = 'supplier@demo.facets.test';
const READERS = ['hr@demo.facets.test', 'analyst@demo.facets.test'];

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    start: 'Start',
    next: 'Next',
    submit: 'Submit',
    thanks: 'Thank you!',
    compare: 'Compare stakeholders',
    groups: 'Group drill-down',
    maturity: 'Maturity',
    overview: 'Overview',
    metric: 'Metric',
    metrics: ['Expected', 'Expectation gap', 'Favourability', 'Lived'],
    employees: 'Employees',
    suppliers: 'Suppliers',
    customers: 'Customers',
    transparency: 'Transparency',
    alerts: /\d+ alerts?/,
    trendChart: /Transparency: expected and lived across waves/,
    group: 'Group',
    cutBy: 'Cut by',
    tenure: 'Tenure',
    band: '3 to 10 years',
    department: 'Department',
    it: 'IT',
    show: 'Show',
    difference: 'Difference from the whole group',
    points: /[+−-]\d+\.\d pts/,
    questions: 'Questions',
    againstWhole: 'Against the whole group',
    /** Tenure bands cut across the demo's departments: the publication withholds them, and says why. */
    withheld: /combined with the other groups shown|few people outside it/,
    stage3: /^3\. Integrated offer/,
    strengths: 'What already supports this stage?',
    record: 'Record the self-assessment',
    recorded: 'Your self-assessment is recorded.',
    latest: 'Latest self-assessment: stage 3',
    managerScope: 'You see the employee results of your own department',
    notForRole: 'not available to your role',
    driversManager: 'not shown to managers',
    groupsManager: 'A drill-down cuts a whole group into segments',
    readOnly: 'Only leadership and administrators record the self-assessment',
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    start: 'Commencer',
    next: 'Suivant',
    submit: 'Envoyer',
    thanks: 'Merci !',
    compare: 'Comparer les groupes',
    groups: 'Analyse par groupe',
    maturity: 'Maturité',
    overview: 'Vue d’ensemble',
    metric: 'Indicateur',
    metrics: ['Attendue', 'Écart aux attentes', 'Favorabilité', 'Vécue'],
    employees: 'Salariés',
    suppliers: 'Fournisseurs',
    customers: 'Clients',
    transparency: 'Transparence',
    alerts: /\d+ alertes?/,
    trendChart: /Transparence : attendue et vécue au fil des vagues/,
    group: 'Groupe',
    cutBy: 'Découper par',
    tenure: 'Ancienneté',
    band: '3 à 10 ans',
    department: 'Service',
    it: 'Informatique',
    show: 'Afficher',
    difference: 'L’écart avec tout le groupe',
    points: /[+−-]\d+,\d pts/,
    questions: 'Questions',
    againstWhole: 'Par rapport à tout le groupe',
    withheld: /croisé avec les autres groupes affichés|personnes hors de ce groupe/,
    stage3: /^3\. Offre intégrée/,
    strengths: 'Qu’est-ce qui soutient déjà ce stade ?',
    record: 'Enregistrer l’auto-évaluation',
    recorded: 'Votre auto-évaluation est enregistrée.',
    latest: 'Dernière auto-évaluation : stade 3',
    managerScope: 'Vous voyez les résultats des salariés de votre service',
    notForRole: 'n’est pas accessible à votre rôle',
    driversManager: 'ne sont pas montrés aux managers',
    groupsManager: 'Une analyse par groupe découpe tout un groupe',
    readOnly: 'Seules la direction et les administrateurs enregistrent l’auto-évaluation',
  },
} as const;
type Locale = keyof typeof WORDS;
type Words = (typeof WORDS)[Locale];

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const navigate = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** The heatmap cell of a group on a dimension, a link named "<group>, <dimension>: …". */
const heatCell = (page: Page, group: string, dimension: string) =>
  page.getByRole('link', { name: new RegExp(`^${group}, ${dimension}:`) });

/** Answers the supplier survey of one wave from the portal's list; false when it is not offered (already answered). */
async function answerSupplierSurvey(page: Page, w: Words, waveId: string): Promise<boolean> {
  await page.locator(`[id="survey-${waveId}"]`).waitFor();
  const start = page.locator(`a[href$="/surveys/${encodeURIComponent(waveId)}"]`, { hasText: w.start });
  if (!(await start.isVisible())) return false;
  await start.click();
  await answerEveryScreen(page, w);
  await page.getByRole('heading', { name: w.thanks }).waitFor();
  return true;
}

describe.skipIf(!chromiumPath)('console insights', () => {
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

  const walks: [Locale, ViewportName][] = [
    ['en', 'desktop'],
    ['fr', 'phone'],
    ['fr', 'desktop'],
    ['en', 'phone'],
  ];

  for (const [locale, viewport] of walks) {
    it(`leadership walks the analysis pages (${locale}, ${viewport})`, async () => {
      const w = WORDS[locale];
      const shot = (n: string) => `console-insights-${locale}-${viewport}-${n}`;
      const { context, page } = await open(locale, viewport);
      await signIn(page, w, LEADERSHIP, '/console/');

      const employees = page.getByRole('region', { name: w.employees, exact: true });
      await employees.getByRole('heading', { name: w.alerts }).waitFor();
      await check(page, shot('01-overview'));

      await navigate(page, w.compare);
      const cell = heatCell(page, w.suppliers, w.transparency);
      await cell.waitFor();
      const lived = readHeatCell(await cell.textContent());
      expect(lived.score).not.toBeNull();
      await check(page, shot('02-compare-lived'));
      const metrics = page.getByRole('group', { name: w.metric });
      for (const [i, name] of w.metrics.entries()) {
        await metrics.getByRole('button', { name, exact: true }).click();
        await expect
          .poll(() => metrics.getByRole('button', { name, exact: true }).getAttribute('aria-pressed'))
          .toBe('true');
        await expect.poll(() => page.locator('table[aria-busy]').getAttribute('aria-busy')).toBe('false');
        if (name !== w.metrics[3]) expect(readHeatCell(await cell.textContent()).score).not.toBe(lived.score);
        if (i === 1) await check(page, shot('03-compare-expectation-gap'));
      }
      await expect.poll(async () => readHeatCell(await cell.textContent()).score).toBe(lived.score);

      await cell.click();
      await page.getByRole('heading', { level: 1, name: w.transparency }).waitFor();
      await page.getByRole('img', { name: w.trendChart }).waitFor();
      await check(page, shot('04-dimension'));

      await navigate(page, w.groups);
      await page.getByLabel(w.group, { exact: true }).selectOption({ label: w.employees });
      await page.getByLabel(w.cutBy).selectOption({ label: w.tenure });
      const band = page.getByRole('row', { name: new RegExp(`^${w.band}`) });
      await expect.poll(async () => (await band.textContent()) ?? '').toMatch(w.withheld);
      await check(page, shot('05-groups-hidden-cell'));

      // Each department against the whole group, then one department's questions against it.
      await page.getByLabel(w.cutBy).selectOption({ label: w.department });
      await page.getByRole('group', { name: w.show }).getByRole('button', { name: w.difference }).click();
      expect(page.url()).toContain('show=difference');
      const it = page.getByRole('row', { name: new RegExp(`^${w.it}`) });
      await expect.poll(async () => (await it.textContent()) ?? '').toMatch(w.points);
      await check(page, shot('05b-groups-difference'));
      await heatCell(page, w.it, w.transparency).click();
      await page.getByRole('heading', { level: 1, name: w.transparency }).waitFor();
      const questions = page.getByRole('region', { name: new RegExp(`^${w.transparency}`) }).filter({
        has: page.getByRole('columnheader', { name: w.againstWhole }),
      });
      await questions.waitFor();
      expect(await questions.getByRole('row').count()).toBeGreaterThan(1);
      await check(page, shot('05c-dimension-questions'));

      await navigate(page, w.maturity);
      await page.getByRole('radio', { name: w.stage3 }).check();
      await page
        .getByLabel(w.strengths)
        .fill(locale === 'en' ? 'Offers designed with HR and IT.' : 'Des offres conçues avec les RH.');
      await page.getByRole('button', { name: w.record }).click();
      await page.getByRole('status').filter({ hasText: w.recorded }).waitFor();
      await page.getByText(w.latest).waitFor();
      await check(page, shot('06-maturity-assessed'));
      await context.close();
    });
  }

  it('a supplier’s answer to an open wave moves neither the heatmap nor the dimension page', async () => {
    const w = WORDS.en;
    const lead = await open('en', 'desktop');
    await signIn(lead.page, w, LEADERSHIP, '/console/compare');
    const cell = heatCell(lead.page, w.suppliers, w.transparency);
    await cell.waitFor();
    const before = readHeatCell(await cell.textContent());
    await cell.click();
    const livedN = async () => {
      await lead.page.getByRole('img', { name: w.trendChart }).waitFor();
      const last = lead.page.getByRole('table', { name: w.trendChart }).getByRole('row').last();
      return readScoreCell((await last.getByRole('cell').nth(1).textContent()) ?? '').n;
    };
    const nBefore = await livedN();
    expect(nBefore).toBe(before.n);

    // The supplier answers a survey that is open: views report on published (closed) waves only, so that nobody can
    // read a figure before and after one person's answer and subtract.
    const supplier = await open('en', 'desktop');
    await signIn(supplier.page, w, SUPPLIER, '/supplier/');
    const offered = supplier.page.locator('[id^="survey-"]').first();
    await offered.waitFor();
    const waveId = ((await offered.getAttribute('id')) ?? '').slice('survey-'.length);
    await answerSupplierSurvey(supplier.page, w, waveId);
    await supplier.context.close();

    await lead.page.reload();
    expect(await livedN()).toBe(nBefore);
    await lead.page.goto('/console/compare');
    await cell.waitFor();
    expect(readHeatCell(await cell.textContent())).toEqual(before);
    await snap(lead.page, 'console-insights-en-desktop-07-compare-after-answer');
    await lead.context.close();
  });

  for (const [locale, viewport] of walks.slice(0, 2)) {
    it(`the IT manager sees their department only (${locale}, ${viewport})`, async () => {
      const w = WORDS[locale];
      const shot = (n: string) => `console-insights-manager-${locale}-${viewport}-${n}`;
      const { context, page } = await open(locale, viewport);
      await signIn(page, w, MANAGER, '/console/');
      await page.getByRole('main').getByText(w.managerScope).waitFor();
      await page.getByRole('region', { name: w.employees, exact: true }).waitFor();
      expect(await page.getByRole('region', { name: w.customers, exact: true }).count()).toBe(0);
      expect(await page.getByRole('navigation').getByRole('link', { name: w.maturity }).count()).toBe(0);
      await check(page, shot('01-overview'));

      await navigate(page, w.compare);
      await heatCell(page, w.employees, w.transparency).click();
      await page.getByText(w.driversManager).first().waitFor();
      await check(page, shot('02-dimension'));

      await navigate(page, w.groups);
      await page.getByText(w.groupsManager).waitFor();
      await check(page, shot('03-groups'));

      await page.goto('/console/maturity');
      await page.getByText(w.notForRole).waitFor();
      await check(page, shot('04-maturity-refused'));
      await context.close();
    });
  }

  for (const [i, email] of READERS.entries()) {
    it(`${email.split('@')[0]} drills down and reads the maturity page without changing it`, async () => {
      const locale: Locale = i === 0 ? 'fr' : 'en';
      const w = WORDS[locale];
      const { context, page } = await open(locale, 'desktop');
      await signIn(page, w, email, '/console/');
      await navigate(page, w.groups);
      await page.getByLabel(w.group, { exact: true }).selectOption({ label: w.employees });
      await page.getByLabel(w.cutBy).selectOption({ label: w.tenure });
      await expect
        .poll(async () => (await page.getByRole('row', { name: new RegExp(`^${w.band}`) }).textContent()) ?? '')
        .toMatch(w.withheld);
      await navigate(page, w.maturity);
      await page.getByText(w.readOnly).waitFor();
      expect(await page.getByRole('button', { name: w.record }).count()).toBe(0);
      expect(await page.getByRole('radio').count()).toBe(0);
      await check(page, `console-insights-${email.split('@')[0]}-${locale}-desktop-maturity-read-only`);
      await context.close();
    });
  }
});
