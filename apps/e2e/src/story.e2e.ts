import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, snap, type ViewportName } from './browser.ts';
import { readScoreCell, type ScoreReading } from './cells.ts';
import { answerEveryScreen } from './survey-answers.ts';

/**
 * The walking skeleton through every face: an employee answers the open survey, a supplier sends feedback, and
 * leadership sees the lived score move and the feedback arrive, then replies; the supplier reads the reply.
 * The first pass runs in English on a desktop, the second in French on a phone (the employee, having answered,
 * then sees the survey marked as answered).
 */

const PASSWORD = 'facets-demo';
const LEADERSHIP = 'leadership@demo.facets.test';
const EMPLOYEE = 'employee@demo.facets.test';
const SUPPLIER = 'supplier@demo.facets.test';

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    start: 'Start',
    next: 'Next',
    submit: 'Submit',
    thanks: 'Thank you!',
    answered: 'Answered',
    giveFeedback: 'Give feedback',
    myFeedback: 'My feedback',
    problem: 'Problem',
    yourFeedback: 'Your feedback',
    reference: 'Order or invoice number',
    sendFeedback: 'Send feedback',
    feedbackSent: 'Thank you, your feedback has been sent.',
    inbox: 'Feedback inbox',
    overview: 'Overview',
    yourReply: 'Your reply',
    sendReply: 'Send reply',
    employees: 'Employees',
    recognition: 'Recognition and respect',
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    start: 'Commencer',
    next: 'Suivant',
    submit: 'Envoyer',
    thanks: 'Merci !',
    answered: 'Répondu',
    giveFeedback: 'Donner un avis',
    myFeedback: 'Mes retours',
    problem: 'Problème',
    yourFeedback: 'Votre avis',
    reference: 'N° de commande ou de facture',
    sendFeedback: 'Envoyer mon avis',
    feedbackSent: 'Merci, votre avis a bien été envoyé.',
    inbox: 'Retours reçus',
    overview: 'Vue d’ensemble',
    yourReply: 'Votre réponse',
    sendReply: 'Envoyer la réponse',
    employees: 'Salariés',
    recognition: 'Reconnaissance et respect',
  },
} as const;
type Locale = keyof typeof WORDS;
type Words = (typeof WORDS)[Locale];

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

async function signIn(page: Page, w: Words, path: string, email: string): Promise<void> {
  await page.goto(path);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
}

/** Follows a link of the main navigation (pages may repeat a link in their content). */
async function navigate(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name }).click();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

/** The employees' lived score on recognition, as the console overview shows it. */
async function livedRecognition(page: Page, w: Words): Promise<ScoreReading> {
  const group = page.getByRole('region', { name: w.employees, exact: true });
  const row = group.getByRole('row', { name: new RegExp(w.recognition) });
  // Cells after the row header: intended target, expected, lived, then the gaps.
  const lived = row.getByRole('cell').nth(2);
  await expect.poll(async () => readScoreCell((await lived.textContent()) ?? '').n).not.toBeNull();
  return readScoreCell((await lived.textContent()) ?? '');
}

/** Answers every question of the open survey at the top of each scale, one screen at a time. */
async function answerOpenSurvey(page: Page, w: Words, shot: string): Promise<void> {
  await page.getByRole('link', { name: w.start }).first().click();
  await answerEveryScreen(page, w, async (screen) => {
    if (screen === 1) await snap(page, `${shot}-question`);
  });
}

describe.skipIf(!chromiumPath)('walking skeleton', () => {
  let browser: Browser;
  const feedbackText: Record<Locale, string> = {
    en: 'Invoice 2026-118 was paid 45 days late, after the agreed 30 days.',
    fr: 'La facture 2026-131 a été réglée avec trois semaines de retard.',
  };

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

  it('en, desktop: an employee answers, a supplier gives feedback, leadership sees both and replies', async () => {
    const w = WORDS.en;
    const prefix = 'en-desktop';

    const lead = await open('en', 'desktop');
    await signIn(lead.page, w, '/console/', LEADERSHIP);
    const before = await livedRecognition(lead.page, w);
    expect(before.score).not.toBeNull();
    await snap(lead.page, `${prefix}-01-console-overview-before`);
    await expectAccessible(lead.page);

    const employee = await open('en', 'desktop');
    await signIn(employee.page, w, '/employee/', EMPLOYEE);
    await employee.page.getByRole('link', { name: w.start }).first().waitFor();
    await snap(employee.page, `${prefix}-02-employee-surveys`);
    await expectAccessible(employee.page);
    await answerOpenSurvey(employee.page, w, `${prefix}-03-employee`);
    await employee.page.getByRole('heading', { name: w.thanks }).waitFor();
    await snap(employee.page, `${prefix}-04-employee-thanks`);
    await employee.context.close();

    const supplier = await open('en', 'desktop');
    await signIn(supplier.page, w, '/supplier/', SUPPLIER);
    await navigate(supplier.page, w.giveFeedback);
    await supplier.page.getByRole('radio', { name: w.problem, exact: true }).check();
    await supplier.page.getByLabel(w.yourFeedback).fill(feedbackText.en);
    await supplier.page.getByLabel(w.reference).fill('2026-118');
    await expectAccessible(supplier.page);
    await snap(supplier.page, `${prefix}-05-supplier-feedback`);
    await supplier.page.getByRole('button', { name: w.sendFeedback }).click();
    await supplier.page.getByRole('status').filter({ hasText: w.feedbackSent }).waitFor();

    // The employee answered an open wave: nothing is published before it closes, so the overview has not moved.
    await lead.page.reload();
    const after = await livedRecognition(lead.page, w);
    expect(after).toEqual(before);
    await snap(lead.page, `${prefix}-06-console-overview-after`);

    await navigate(lead.page, w.inbox);
    const item = lead.page.getByRole('article').filter({ hasText: feedbackText.en });
    await item.waitFor();
    await expectAccessible(lead.page);
    await item.getByLabel(w.yourReply).fill('Thank you: finance is reviewing the payment run this week.');
    await item.getByRole('button', { name: w.sendReply }).click();
    await item.getByText('finance is reviewing the payment run').waitFor();
    await snap(lead.page, `${prefix}-07-console-inbox-replied`);
    await lead.context.close();

    await navigate(supplier.page, w.myFeedback);
    const mine = supplier.page.getByRole('article').filter({ hasText: feedbackText.en });
    await mine.getByText('finance is reviewing the payment run').waitFor();
    await expectAccessible(supplier.page);
    await snap(supplier.page, `${prefix}-08-supplier-reply-read`);
    await supplier.context.close();
  });

  it('fr, phone: the answered survey, a supplier’s feedback and its reply, the console on a small screen', async () => {
    const w = WORDS.fr;
    const prefix = 'fr-phone';

    const employee = await open('fr', 'phone');
    await signIn(employee.page, w, '/employee/', EMPLOYEE);
    await employee.page.getByText(w.answered).first().waitFor();
    await expectAccessible(employee.page);
    await snap(employee.page, `${prefix}-01-employee-surveys-answered`);
    await employee.context.close();

    const supplier = await open('fr', 'phone');
    await signIn(supplier.page, w, '/supplier/', SUPPLIER);
    await navigate(supplier.page, w.giveFeedback);
    await supplier.page.getByRole('radio', { name: w.problem, exact: true }).check();
    await supplier.page.getByLabel(w.yourFeedback).fill(feedbackText.fr);
    await expectAccessible(supplier.page);
    await snap(supplier.page, `${prefix}-02-supplier-feedback`);
    await supplier.page.getByRole('button', { name: w.sendFeedback }).click();
    await supplier.page.getByRole('status').filter({ hasText: w.feedbackSent }).waitFor();

    const lead = await open('fr', 'phone');
    await signIn(lead.page, w, '/console/', LEADERSHIP);
    const lived = await livedRecognition(lead.page, w);
    expect(lived.score).not.toBeNull();
    await expectAccessible(lead.page);
    await snap(lead.page, `${prefix}-03-console-overview`);
    await navigate(lead.page, w.inbox);
    const item = lead.page.getByRole('article').filter({ hasText: feedbackText.fr });
    await item.getByLabel(w.yourReply).fill('Merci, le service comptable corrige le calendrier de paiement.');
    await item.getByRole('button', { name: w.sendReply }).click();
    await item.getByText('le service comptable corrige').waitFor();
    await snap(lead.page, `${prefix}-04-console-inbox-replied`);
    await lead.context.close();

    await navigate(supplier.page, w.myFeedback);
    const mine = supplier.page.getByRole('article').filter({ hasText: feedbackText.fr });
    await mine.getByText('le service comptable corrige').waitFor();
    await snap(supplier.page, `${prefix}-05-supplier-reply-read`);
    await supplier.context.close();
  });
});
