import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, snap, VIEWPORTS, type ViewportName } from './browser.ts';
import { invite, type Locale, PASSWORD, PORTALS, WORDS } from './portal-fixtures.ts';
import { answerScreen, expectClean, next } from './portal-support.ts';

/**
 * What respondents are told about the protection of their answers, read as they would read it: the mode of the survey
 * on its first screen (anonymous for the employees' onboarding survey, confidential for the suppliers' survey, counted
 * in companies), the link to the reporting rules that works without an account, the warning beside a comment box and
 * beside anonymous feedback. The demo organisation's threshold is 5 (comments: 5).
 */

const SAY = {
  en: {
    anonymousTitle: 'This survey is anonymous',
    anonymous: 'No link between your answers and you is stored, so the organisation can never know who answered what.',
    confidentialTitle: 'This survey is confidential',
    confidentialCompanies: 'results are shown only for groups of at least 5 companies',
    rulesLink: 'How your answers are reported',
    rulesHeading: 'Who sees what',
    afterClose: 'Results are published only once a survey has closed',
    threshold: 'A result is shown only for a group of at least 5 people.',
    thresholdCompanies: 'a result is shown only for a group of at least 5 different companies',
    comments: 'Written comments are shown only for groups in which at least 5 people commented',
    limits: 'What an anonymous survey cannot protect against',
    colluding: 'if 4 of the people behind a result tell each other what they answered',
    back: 'Back to the survey',
    warningTitle: 'What you write can identify you',
    warning: 'names, dates, places or an event few people lived through',
    reference: 'A reference you add, such as an order or ticket number, can point to you too.',
    mode: 'Mode',
    consoleAnonymous: /^Anonymous\. No link from a response to the person is stored/,
    consoleConfidential: /^Confidential\. .*only for groups of at least 5 people \(companies, for suppliers\); nobody/,
    locked: 'A wave was launched, so the mode can no longer change.',
  },
  fr: {
    anonymousTitle: 'Cette enquête est anonyme',
    anonymous:
      'Aucun lien entre vos réponses et vous n’est enregistré : l’organisation ne peut jamais savoir qui a répondu quoi.',
    confidentialTitle: 'Cette enquête est confidentielle',
    confidentialCompanies: 'les résultats ne sont montrés que pour des groupes d’au moins 5 entreprises',
    rulesLink: 'Comment vos réponses sont présentées',
    rulesHeading: 'Qui voit quoi',
    afterClose: 'Les résultats ne sont publiés qu’une fois l’enquête close',
    threshold: 'Un résultat n’est montré que pour un groupe d’au moins 5 personnes.',
    thresholdCompanies: 'un résultat n’est montré que pour un groupe d’au moins 5 entreprises différentes',
    comments: 'Les commentaires écrits ne sont montrés que pour des groupes où au moins 5 personnes ont commenté',
    limits: 'Ce contre quoi une enquête anonyme ne protège pas',
    colluding: 'si 4 des personnes derrière un résultat se disent ce qu’elles ont répondu',
    back: 'Revenir à l’enquête',
    warningTitle: 'Ce que vous écrivez peut vous identifier',
    warning: 'un nom, une date, un lieu ou un événement vécu par peu de personnes',
    reference: 'Une référence ajoutée, comme un numéro de commande ou de ticket, peut aussi vous désigner.',
    mode: 'Mode',
    consoleAnonymous: /^Anonyme\. Aucun lien entre une réponse et la personne n’est enregistré/,
    consoleConfidential: /^Confidentielle\. .*d’au moins 5 personnes \(entreprises, pour les fournisseurs\) ; personne/,
    locked: 'Une vague a été lancée : le mode ne peut plus changer.',
  },
} as const;

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

const shot = (locale: Locale, viewport: ViewportName, step: string) => `disclosure-${locale}-${viewport}-${step}`;

/** The text of the elements that describe `selector` (aria-describedby), as a screen reader reads them out. */
async function descriptionOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe.skipIf(!chromiumPath)('what respondents are told', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      const say = SAY[locale];
      const w = WORDS[locale];

      it(`${locale}, ${viewport}: an anonymous survey says so first, links to the rules, warns at the comment box`, async () => {
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        const { token } = await invite(databaseUrl, 'employee');
        await page.goto(`${PORTALS.employee.path}i/${token}`);
        const mode = page.getByRole('region', { name: say.anonymousTitle });
        await mode.getByText(say.anonymous).waitFor();
        expect(await page.getByText(say.confidentialTitle).count()).toBe(0);
        await expectClean(page);
        await snap(page, shot(locale, viewport, '01-anonymous-first-screen'));

        // Someone answering from a link has no account: the rules open from the link itself, with the way back.
        await mode.getByRole('link', { name: say.rulesLink }).click();
        await page.getByRole('heading', { level: 1, name: say.rulesHeading }).waitFor();
        for (const text of [say.afterClose, say.threshold, say.comments, say.colluding]) {
          await page.getByText(text).waitFor();
        }
        await page.getByRole('heading', { name: say.limits }).waitFor();
        await expectClean(page);
        await snap(page, shot(locale, viewport, '02-rules-from-invitation'));
        await page.getByRole('link', { name: say.back }).click();
        await page.getByRole('progressbar').waitFor();
        await mode.waitFor();

        // The first comment box of the survey carries the warning, and the box is described by it.
        for (let screen = 0; screen < 40 && (await page.locator('form textarea').count()) === 0; screen++) {
          await answerScreen(page);
          await next(page, w);
        }
        await page.getByText(say.warningTitle).waitFor();
        const description = await descriptionOf(page, 'form textarea');
        expect(description).toContain(say.warningTitle);
        expect(description).toContain(say.warning);
        // The mode is stated on the first screen only; later screens keep to the questions.
        expect(await mode.count()).toBe(0);
        await expectClean(page);
        await snap(page, shot(locale, viewport, '03-comment-box'));
        await context.close();
      });

      it(`${locale}, ${viewport}: a confidential supplier survey says so, counted in companies`, async () => {
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        const { token } = await invite(databaseUrl, 'supplier');
        await page.goto(`${PORTALS.supplier.path}i/${token}`);
        const mode = page.getByRole('region', { name: say.confidentialTitle });
        await mode.getByText(say.confidentialCompanies).waitFor();
        expect(await page.getByText(say.anonymousTitle).count()).toBe(0);
        await expectClean(page);
        await snap(page, shot(locale, viewport, '04-confidential-first-screen'));
        await mode.getByRole('link', { name: say.rulesLink }).click();
        await page.getByText(say.thresholdCompanies).waitFor();
        await context.close();
      });

      it(`${locale}, ${viewport}: feedback sent without a name warns that its text can identify`, async () => {
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        await page.goto(PORTALS.employee.path);
        await page.getByLabel(w.email).fill(PORTALS.employee.email);
        await page.getByLabel(w.password).fill(PASSWORD);
        await page.getByRole('button', { name: w.signIn, exact: true }).click();
        await page.getByRole('button', { name: w.signOut }).waitFor();

        await page.getByRole('navigation').getByRole('link', { name: w.giveFeedback }).click();
        await page.getByLabel(w.withoutName).waitFor();
        expect(await page.getByText(say.warningTitle).count()).toBe(0);
        await page.getByLabel(w.withoutName).check();
        await page.getByText(say.warningTitle).waitFor();
        const described = await descriptionOf(page, '#feedback-anonymous');
        expect(described).toContain(say.warning);
        expect(described).toContain(say.reference);
        await expectClean(page);
        await snap(page, shot(locale, viewport, '05-anonymous-feedback'));

        // The same rules, from the signed-in portal's menu.
        await page.getByRole('navigation').getByRole('link', { name: w.rules }).click();
        await page.getByRole('heading', { level: 1, name: say.rulesHeading }).waitFor();
        await page.getByText(say.threshold).waitFor();
        await snap(page, shot(locale, viewport, '06-rules-signed-in'));
        await context.close();
      });

      it(`${locale}, ${viewport}: the survey builder shows the two modes, each in one sentence`, async () => {
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        await page.goto('/console/');
        await page.getByLabel(w.email).fill('hr@demo.facets.test');
        await page.getByLabel(w.password).fill(PASSWORD);
        await page.getByRole('button', { name: w.signIn, exact: true }).click();
        await page.getByRole('button', { name: w.signOut }).waitFor();
        // The employees' pulse is anonymous, the suppliers' survey confidential; both have run, so both are locked.
        for (const [survey, checked] of [
          ['demo-survey-employee', say.consoleAnonymous],
          ['demo-survey-supplier', say.consoleConfidential],
        ] as const) {
          await page.goto(`/console/surveys/${survey}`);
          const modes = page.getByRole('group', { name: say.mode, exact: true });
          await modes.waitFor();
          expect(await modes.getByRole('radio').count()).toBe(2);
          expect(await modes.getByRole('radio', { name: checked }).isChecked()).toBe(true);
          expect(await modes.getByRole('radio', { checked: true }).count()).toBe(1);
          expect(await modes.getByRole('radio', { name: checked }).isDisabled()).toBe(true);
          await page.getByText(say.locked).waitFor();
          await expectClean(page);
          await snap(page, shot(locale, viewport, `07-console-${survey}`));
        }
        await context.close();
      });
    }
  }
});
