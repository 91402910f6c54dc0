import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, screenshotsDir, snap, VIEWPORTS, type ViewportName } from './browser.ts';
import { WORDS as CONSOLE, DEMO, expectClean, type Locale, signIn } from './console-plan-words.ts';
import { printToPdf } from './pdf.ts';

/**
 * The report to print, in both languages and at both widths: HR opens the employees' report from the overview, it
 * prints to A4 PDF (each dimension on its own page, no menus or buttons on paper), and choosing an earlier wave
 * changes the report and survives a reload; the IT manager's report is their department's, without the heatmap.
 * Every PDF is kept and its pages rendered to PNG under screenshots/ to be looked at.
 */

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const WORDS = {
  en: {
    link: 'Report to print of Employees',
    documentTitle: 'Report to print – Facets console',
    title: 'Results of “Employees”',
    summary: 'At a glance',
    summaryOf: 'Summary of “Employees”',
    heatmap: 'By segment',
    plans: 'Focus areas and actions',
    wave: 'Wave',
    scope: 'Scope',
    wholeGroup: 'The whole group',
    department: 'Department: IT',
    which: 'Which one',
    tenure: 'Tenure',
    band: '3 to 10 years',
    withheldScope: 'Tenure: 3 to 10 years',
    withheld: /^The results of Tenure: 3 to 10 years are not shown for .+: combined with the other groups shown/,
    print: 'Print or save as PDF',
    notOnPaper: ['Sign out', 'Export CSV', 'Print or save as PDF', 'Overview'],
  },
  fr: {
    link: 'Rapport à imprimer de Salariés',
    documentTitle: 'Rapport à imprimer – Console Facets',
    title: 'Résultats de « Salariés »',
    summary: 'En un coup d’œil',
    summaryOf: 'Synthèse de « Salariés »',
    heatmap: 'Par segment',
    plans: 'Axes de progrès et actions',
    wave: 'Vague',
    scope: 'Périmètre',
    wholeGroup: 'Tout le groupe',
    department: 'Service : Informatique',
    which: 'Lequel',
    tenure: 'Ancienneté',
    band: '3 à 10 ans',
    withheldScope: 'Ancienneté : 3 à 10 ans',
    withheld:
      /^Les résultats de Ancienneté : 3 à 10 ans ne sont pas montrés pour .+ : croisé avec les autres groupes affichés/,
    print: 'Imprimer ou enregistrer en PDF',
    notOnPaper: ['Se déconnecter', 'Exporter en CSV', 'Imprimer ou enregistrer en PDF', 'Vue d’ensemble'],
  },
} as const;

const report = (page: Page) => page.locator('article.fx-report[data-report-ready="true"]');

/** What the cover says: its description list as term → value. */
async function cover(page: Page): Promise<Record<string, string>> {
  const terms = await report(page).locator('.fx-report__meta dt').allInnerTexts();
  const values = await report(page).locator('.fx-report__meta dd').allInnerTexts();
  return Object.fromEntries(terms.map((t, i) => [t.trim(), (values[i] ?? '').trim()]));
}

/** The report printed: at least a page per part, each dimension from a new page, nothing of the screen's chrome. */
async function expectPrinted(page: Page, locale: Locale, name: string, parts: { heatmap: boolean }) {
  const w = WORDS[locale];
  const dimensions = await report(page).locator('.fx-report__dimension > h2').allInnerTexts();
  expect(dimensions.length).toBeGreaterThan(3);
  const printed = await printToPdf(page, name);
  // Cover and summary, the dimension table, (the heatmap), each dimension, the plans.
  expect(printed.length).toBeGreaterThanOrEqual(2 + dimensions.length + (parts.heatmap ? 1 : 0));
  expect(printed[0]!.text).toContain('Maison Lumière');
  expect(printed[0]!.text).toContain(w.title);
  expect(printed[0]!.text).toContain(w.summary);
  for (const d of dimensions) expect(printed.some((p) => p.text.startsWith(d.trim()))).toBe(true);
  expect(printed.some((p) => p.text.startsWith(w.heatmap))).toBe(parts.heatmap);
  expect(printed.some((p) => p.text.includes(w.plans))).toBe(true);
  for (const p of printed) for (const word of w.notOnPaper) expect(p.text).not.toContain(word);
  return printed;
}

describe.skipIf(!chromiumPath)('the report to print', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as Locale[]) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      it(`${locale}, ${viewport}: HR prints the employees' report, and an earlier wave's`, async () => {
        const w = WORDS[locale];
        const shot = `console-report-${locale}-${viewport}`;
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        try {
          const page = await context.newPage();
          await signIn(page, CONSOLE[locale], DEMO.hr);
          // The overview's summary band, which the report opens with.
          await page.getByRole('heading', { name: w.summaryOf }).waitFor({ state: 'attached' });
          await expectClean(page);
          await snap(page, `${shot}-00-overview`);
          await page.getByRole('link', { name: w.link, exact: true }).click();
          await report(page).waitFor();
          expect(await page.title()).toBe(w.documentTitle);
          const latest = await cover(page);
          expect(latest[w.scope]).toBe(w.wholeGroup);
          await expectClean(page);
          await snap(page, `${shot}-01-screen`);
          // The top of the screen too: a phone's full page is too long to look at in one picture.
          await page.screenshot({ path: join(screenshotsDir, `${shot}-02-screen-top.png`) });
          if (viewport === 'desktop') await expectPrinted(page, locale, `${shot}-pdf`, { heatmap: true });

          // An earlier wave: the cover and every part follow, and the link keeps the choice.
          const picker = page.locator('.fx-report__controls').getByLabel(w.wave, { exact: true });
          const options = await picker.locator('option').allInnerTexts();
          const earlier = options.at(2);
          expect(earlier).toBeDefined();
          await picker.selectOption({ label: earlier as string });
          await expect.poll(async () => (await cover(page))[w.wave]).toBe(earlier);
          expect(page.url()).toContain('wave=');
          await page.reload();
          await report(page).waitFor();
          expect((await cover(page))[w.wave]).toBe(earlier);
          expect(earlier).not.toBe(latest[w.wave]);

          // A segment the wave withholds (a tenure band: with the departments shown it would single people out)
          // prints its reason and nothing else: no figure, no empty page per dimension.
          const controls = page.locator('.fx-report__controls');
          await controls.getByLabel(w.scope, { exact: true }).selectOption({ label: w.tenure });
          await controls.getByLabel(w.which, { exact: true }).selectOption({ label: w.band });
          await expect.poll(async () => (await cover(page))[w.scope]).toBe(w.withheldScope);
          await report(page).getByText(w.withheld).waitFor();
          expect(await report(page).locator('.fx-report__part').count()).toBe(0);
          await expectClean(page);
          await snap(page, `${shot}-03-withheld-segment`);
        } finally {
          await context.close();
        }
      });
    }

    it(`${locale}: the IT manager's report is the department's, without the heatmap`, async () => {
      const w = WORDS[locale];
      const context = await newContext(browser, { locale, viewport: 'desktop', baseURL: baseUrl });
      try {
        const page = await context.newPage();
        await signIn(page, CONSOLE[locale], DEMO.manager);
        await page.getByRole('link', { name: w.link, exact: true }).click();
        await report(page).waitFor();
        expect((await cover(page))[w.scope]).toBe(w.department);
        expect(await report(page).getByRole('heading', { name: w.heatmap }).count()).toBe(0);
        await expectClean(page);
        const printed = await expectPrinted(page, locale, `console-report-${locale}-manager-pdf`, { heatmap: false });
        expect(printed[0]!.text).toContain(w.department);
      } finally {
        await context.close();
      }
    });
  }
});
