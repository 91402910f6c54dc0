import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, snap, VIEWPORTS, type ViewportName } from './browser.ts';
import { WORDS as CONSOLE, DEMO, expectClean, type Locale, signIn } from './console-plan-words.ts';

/**
 * Action plans, in both languages and at both widths: the IT manager picks a focus area from the department's
 * results, writes an action, records progress and publishes it; an IT employee then reads it in "You said, we did"
 * under "Your team"; HR sees the managers' plans. Each pass removes its focus area at the end, which tests that path
 * and leaves the demo as the other browser tests expect it.
 */

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

const WORDS = {
  en: {
    nav: 'Action plans',
    choose: /^Choose (.+) as a focus area$/,
    addAction: (d: string) => `Add an action to ${d}`,
    remove: (d: string) => `Remove the focus area ${d}`,
    what: 'What will be done',
    owner: 'Owner',
    due: 'Due date',
    save: 'Save',
    saved: 'Action saved.',
    required: 'Please fill this in.',
    progress: (title: string) => `Update the progress of “${title}”`,
    status: 'Status',
    inProgress: 'In progress',
    note: 'What was done',
    progressSaved: 'Progress recorded.',
    publish: (title: string) => `Publish “${title}” to employees`,
    published: /^Action published/,
    removeButton: 'Remove',
    removed: 'Focus area removed.',
    coverage: /^Managers’ plans for /,
    group: 'Group',
    employees: 'Employees',
    employeePortal: '/employee/',
    employeeEmail: 'employee@demo.facets.test',
    results: 'You said, we did',
    yourTeam: 'Your team',
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
  },
  fr: {
    nav: 'Plans d’action',
    choose: /^Choisir (.+) comme axe de progrès$/,
    addAction: (d: string) => `Ajouter une action à ${d}`,
    remove: (d: string) => `Retirer l’axe de progrès ${d}`,
    what: 'Ce qui sera fait',
    owner: 'Responsable',
    due: 'Échéance',
    save: 'Enregistrer',
    saved: 'Action enregistrée.',
    required: 'Merci de renseigner ce champ.',
    progress: (title: string) => `Faire le point sur « ${title} »`,
    status: 'Statut',
    inProgress: 'En cours',
    note: 'Ce qui a été fait',
    progressSaved: 'Point d’avancement enregistré.',
    publish: (title: string) => `Publier « ${title} » aux salariés`,
    published: /^Action publiée/,
    removeButton: 'Retirer',
    removed: 'Axe de progrès retiré.',
    coverage: /^Plans des managers pour /,
    group: 'Groupe',
    employees: 'Salariés',
    employeePortal: '/employee/',
    employeeEmail: 'employee@demo.facets.test',
    results: 'Vous avez dit, nous avons fait',
    yourTeam: 'Votre équipe',
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
  },
} as const;

async function openPlans(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: WORDS[locale].nav, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: WORDS[locale].nav }).waitFor();
}

/** The manager's pass: a focus area, an action with progress, published; returns the dimension's name. */
async function managerPlans(page: Page, locale: Locale, title: string, shot: string): Promise<string> {
  const w = WORDS[locale];
  await signIn(page, CONSOLE[locale], DEMO.manager);
  await openPlans(page, locale);
  const choose = page.getByRole('button', { name: w.choose }).first();
  await choose.waitFor();
  await expectClean(page);
  await snap(page, `${shot}-01-results`);
  const dimension = ((await choose.getAttribute('aria-label')) ?? '').replace(w.choose, '$1');
  await choose.click();
  await page.getByRole('button', { name: w.addAction(dimension) }).click();
  const dialog = page.getByRole('dialog');
  // Nothing written yet: the form says what is missing.
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.getByText(w.required).first().waitFor();
  await dialog.getByLabel(w.what).fill(title);
  await dialog.getByLabel(w.owner).fill('Karim Benali');
  await dialog.getByLabel(w.due).fill('2027-03-31');
  await expectClean(page);
  await snap(page, `${shot}-02-action-dialog`);
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: w.saved }).waitFor();

  await page.getByRole('button', { name: w.progress(title) }).click();
  await dialog.getByLabel(w.status, { exact: true }).selectOption({ label: w.inProgress });
  await dialog.getByLabel(w.note).fill('First team meeting held');
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: w.progressSaved }).waitFor();
  await page.getByRole('button', { name: w.publish(title) }).click();
  await page.getByRole('status').filter({ hasText: w.published }).waitFor();
  await page.getByRole('row').filter({ hasText: title }).getByText(w.inProgress).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-03-plan`);
  return dimension;
}

async function employeeReads(browser: Browser, locale: Locale, viewport: ViewportName, title: string, shot: string) {
  const w = WORDS[locale];
  const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto(w.employeePortal);
    await page.getByLabel(w.email).fill(w.employeeEmail);
    await page.getByLabel(w.password).fill('facets-demo');
    await page.getByRole('button', { name: w.signIn, exact: true }).click();
    await page.getByRole('button', { name: w.signOut }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: w.results }).click();
    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.waitFor();
    expect(await item.getByText(w.yourTeam).count()).toBe(1);
    await expectClean(page);
    await snap(page, `${shot}-04-employee-sees-action`);
  } finally {
    await context.close();
  }
}

async function removeFocus(page: Page, locale: Locale, dimension: string): Promise<void> {
  const w = WORDS[locale];
  await page
    .getByRole('button', { name: w.remove(dimension) })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: w.removeButton, exact: true }).click();
  await page.getByRole('status').filter({ hasText: w.removed }).waitFor();
}

describe.skipIf(!chromiumPath)('action plans in the console and the employee portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as Locale[]) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      it(`${locale}, ${viewport}: a manager's plan reaches the team; HR follows the plans`, async () => {
        const shot = `console-actions-${locale}-${viewport}`;
        const title = `Weekly thanks (${locale}, ${viewport})`;
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        try {
          const page = await context.newPage();
          const dimension = await managerPlans(page, locale, title, shot);
          await employeeReads(browser, locale, viewport, title, shot);
          await removeFocus(page, locale, dimension);
          expect(await page.getByRole('row').filter({ hasText: title }).count()).toBe(0);
        } finally {
          await context.close();
        }
        const hr = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        try {
          const page = await hr.newPage();
          await signIn(page, CONSOLE[locale], DEMO.hr);
          await openPlans(page, locale);
          const w = WORDS[locale];
          await page.getByRole('search').getByLabel(w.group, { exact: true }).selectOption({ label: w.employees });
          await page.getByRole('heading', { name: w.coverage }).waitFor();
          await expectClean(page);
          await snap(page, `${shot}-05-hr-coverage`);
        } finally {
          await hr.close();
        }
      });
    }
  }
});
