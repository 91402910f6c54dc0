import { addReply, listOutbox, newId } from '@facets/db';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { newContext, snap } from './browser.ts';
import { database, HR_MEMBER, ORG, PASSWORD, PORTALS, REFERENCE_LABELS, WORDS, type Words } from './portal-fixtures.ts';
import { expectClean, paste, type Story, shotName } from './portal-support.ts';

/** The signed-in half of a portal's story: sign-in (by password, or by the e-mailed link), feedback, its reply. */

async function signIn(page: Page, w: Words, s: Story): Promise<void> {
  await page.goto(PORTALS[s.group].path);
  await page.getByLabel(w.email).fill(PORTALS[s.group].email);
  await page.getByLabel(w.password).fill(PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.getByRole('button', { name: w.signOut }).waitFor();
}

/** Signs in with the one-time link the outbox holds, as a returning stakeholder would from their mailbox. */
async function signInByLink(page: Page, w: Words, s: Story): Promise<void> {
  const email = PORTALS[s.group].email;
  await page.goto(PORTALS[s.group].path);
  await page.getByRole('button', { name: w.useLink }).click();
  await page.getByLabel(w.email).fill(email);
  await expectClean(page);
  await page.getByRole('button', { name: w.sendLink }).click();
  await page.getByText(w.linkSent).waitFor();
  await snap(page, shotName(s, '10-link-sent'));
  const [message] = await listOutbox(database(s.databaseUrl).db, { to: email, limit: 1 });
  const url = message?.body.match(/https?:\/\/\S+/)?.[0];
  expect(url).toBeDefined();
  await page.goto(url!);
  await page.getByRole('button', { name: w.signOut }).waitFor();
}

export async function feedbackStory(s: Story): Promise<void> {
  const w = WORDS[s.locale];
  const portal = PORTALS[s.group];
  const context: BrowserContext = await newContext(s.browser, {
    locale: s.locale,
    viewport: s.viewport,
    baseURL: s.baseUrl,
  });
  const page = await context.newPage();
  if (s.checks) await signInByLink(page, w, s);
  else await signIn(page, w, s);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await expectClean(page);
  await snap(page, shotName(s, '11-home'));

  const text = `${s.locale === 'fr' ? 'Une idée pour' : 'An idea for'} ${s.group}s (${s.locale}, ${s.viewport}, ${Date.now() % 100_000})`;
  await page.getByRole('navigation').getByRole('link', { name: w.giveFeedback }).click();
  await page.getByRole('radio', { name: w.suggestion, exact: true }).check();
  if (s.checks) {
    await paste(page, 10 * 1024 * 1024, page.getByLabel(w.yourFeedback));
    await page.getByText(w.pasteRefused).waitFor();
  }
  await page.getByLabel(w.yourFeedback).fill(text);
  if (portal.reference) await page.getByLabel(REFERENCE_LABELS[s.group][s.locale]).fill(portal.reference);
  if (portal.anonymousFeedback) await page.getByLabel(w.withoutName).check();
  await expectClean(page);
  await snap(page, shotName(s, '12-feedback'));
  await page.getByRole('button', { name: w.sendFeedback }).click();
  await page.getByRole('status').filter({ hasText: w.feedbackSent }).waitFor();

  // The organisation replies (the console's inbox does the same through the API).
  const d = database(s.databaseUrl).db;
  const feedback = await d
    .selectFrom('feedback')
    .select(['id', 'stakeholder_id'])
    .where('organization_id', '=', ORG)
    .where('body', '=', text)
    .executeTakeFirstOrThrow();
  expect(feedback.stakeholder_id === null).toBe(portal.anonymousFeedback);
  const reply = s.locale === 'fr' ? 'Merci, nous étudions votre idée.' : 'Thank you, we are looking into it.';
  await addReply(d, {
    organizationId: ORG,
    feedbackId: feedback.id,
    author: { kind: 'staff', memberId: HR_MEMBER },
    body: reply,
    now: new Date().toISOString(),
    newId,
  });
  await page.getByRole('navigation').getByRole('link', { name: w.myFeedback }).click();
  const mine = page.getByRole('article').filter({ hasText: text });
  await mine.getByText(reply).waitFor();
  await mine
    .getByLabel(w.yourReply)
    .fill(s.locale === 'fr' ? 'Merci pour votre retour.' : 'Thanks for coming back to me.');
  await mine.getByRole('button', { name: w.sendReply }).click();
  await mine.getByText(w.replySent).waitFor();
  await expectClean(page);
  await snap(page, shotName(s, '13-reply-read'));

  await page.getByRole('navigation').getByRole('link', { name: w.results }).click();
  await page.getByRole('heading', { name: w.did }).waitFor();
  await expectClean(page);
  await snap(page, shotName(s, '14-you-said-we-did'));
  await page.getByRole('navigation').getByRole('link', { name: w.rules }).click();
  await page.getByRole('heading', { name: w.rulesHeading }).waitFor();
  await expectClean(page);
  await snap(page, shotName(s, '15-rules'));
  await context.close();
}
