import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations, newContext, sidewaysOverflow, snap, type ViewportName } from './browser.ts';
import { type Group, invite, type Locale, PORTALS, responsesOf, WORDS, type Words } from './portal-fixtures.ts';

/**
 * A stakeholder portal walked as its people would, in one language at one width. This half: a survey reached by an
 * invitation link, left half-way and resumed after the tab was closed, its submission's reply lost and retried
 * (recorded once). portal-feedback.ts has the signed-in half. `checks` adds the bad-input cases (a missing answer,
 * a 10 MB paste, a text one character too long, a 413, expired, used and unknown links).
 */

export async function expectClean(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  // Nothing wider than the screen: a phone never scrolls the whole page sideways.
  expect(await sidewaysOverflow(page)).toEqual([]);
}

/** Answers every question of the screen: the top of each scale, the first option of each choice, no free text. */
export async function answerScreen(page: Page): Promise<void> {
  for (const fieldset of await page.locator('form fieldset').all()) {
    const radios = fieldset.getByRole('radio');
    const count = await radios.count();
    if (count > 0) {
      await radios.nth(count - 1).check();
      continue;
    }
    const boxes = fieldset.getByRole('checkbox');
    if ((await boxes.count()) > 0) await boxes.first().check();
  }
}

export async function stepText(page: Page): Promise<string> {
  return (await page.getByRole('progressbar').getAttribute('aria-valuetext')) ?? '';
}

/** Moves one screen on and waits for it. */
export async function next(page: Page, w: Words): Promise<void> {
  const before = await stepText(page);
  await page.getByRole('button', { name: w.next, exact: true }).click();
  await expect.poll(() => stepText(page)).not.toBe(before);
}

export const isLastScreen = (page: Page, w: Words) =>
  page.getByRole('button', { name: w.submit, exact: true }).isVisible();

/** Pastes `length` characters into a textarea (the runner's first by default), as from the clipboard. */
export async function paste(page: Page, length: number, field = page.locator('form textarea').first()): Promise<void> {
  await field.evaluate((el, n) => {
    (el as HTMLTextAreaElement).focus();
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(n));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, length);
}

/** Sets the runner's textarea as typing would, without typing thousands of keys. */
export async function type(page: Page, text: string): Promise<void> {
  await page
    .locator('form textarea')
    .first()
    .evaluate((el, value) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
      setter?.call(el, value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
}

export interface Story {
  browser: Browser;
  baseUrl: string;
  databaseUrl: string;
  group: Group;
  locale: Locale;
  viewport: ViewportName;
  /** Also try the bad inputs. */
  checks: boolean;
}

export const shotName = (s: Story, step: string) => `portal-${s.group}-${s.locale}-${s.viewport}-${step}`;

export async function invitationStory(s: Story): Promise<void> {
  const w = WORDS[s.locale];
  const portal = PORTALS[s.group];
  const context = await newContext(s.browser, { locale: s.locale, viewport: s.viewport, baseURL: s.baseUrl });
  const { token } = await invite(s.databaseUrl, s.group);
  const link = `${portal.path}i/${token}`;
  let page = await context.newPage();
  await page.goto(link);
  await page.getByRole('progressbar').waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe(s.locale);
  await expectClean(page);
  await snap(page, shotName(s, '01-invitation'));

  if (s.checks) {
    // A required question left unanswered: a clear message, and the person stays on the screen.
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await page.getByText(w.required).first().waitFor();
    expect(await stepText(page)).toMatch(w.step(1));
    await snap(page, shotName(s, '02-required'));
  }
  await answerScreen(page);
  await next(page, w);
  await snap(page, shotName(s, '03-second-screen'));
  await answerScreen(page);
  await next(page, w);
  // The tab is closed half-way; the same link brings the person back to where they were, answers kept.
  await page.close();
  page = await context.newPage();
  await page.goto(link);
  await expect.poll(() => stepText(page)).toMatch(w.step(3));
  await snap(page, shotName(s, '04-resumed'));
  await page.getByRole('button', { name: w.back, exact: true }).click();
  await expect.poll(() => stepText(page)).toMatch(w.step(2));
  expect(await page.locator('form input:checked').count()).toBeGreaterThan(0);
  await next(page, w);

  let pasted = false;
  // 10 MB of text in a free-text answer: refused by the page with its length, before anything is sent.
  const tryHugeText = async (button: string) => {
    if (!s.checks || pasted || (await page.locator('form textarea').count()) === 0) return;
    pasted = true;
    await paste(page, 10 * 1024 * 1024);
    await page.getByText(w.pasteRefused).first().waitFor();
    expect(await page.locator('form textarea').first().inputValue()).toBe('');
    await snap(page, shotName(s, '05-paste-refused'));
    // One character over the limit, typed: the form says so and does not move on.
    await type(page, 'x'.repeat(5001));
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByText(w.tooLong).first().waitFor();
    await snap(page, shotName(s, '05-text-too-long'));
    await type(page, '');
  };
  for (let screen = 0; screen < 40 && !(await isLastScreen(page, w)); screen++) {
    await answerScreen(page);
    await tryHugeText(w.next);
    await next(page, w);
  }
  await answerScreen(page);
  const beforeHugeText = await responsesOf(s.databaseUrl, portal.waveId);
  await tryHugeText(w.submit);
  expect(await responsesOf(s.databaseUrl, portal.waveId)).toBe(beforeHugeText);
  if (s.checks) expect(pasted).toBe(true);

  const before = await responsesOf(s.databaseUrl, portal.waveId);
  if (s.checks) {
    // The server's body limit, as a proxy or an old page would meet it: a clear message, nothing recorded.
    await page.route('**/trpc/portal.invitation.submit**', (route) =>
      route.fulfill({ status: 413, contentType: 'application/json', body: '{"error":"payload_too_large"}' }),
    );
    await page.getByRole('button', { name: w.submit, exact: true }).click();
    await page.getByText(w.tooLarge).waitFor();
    await snap(page, shotName(s, '06-too-large'));
    await page.unroute('**/trpc/portal.invitation.submit**');
  }
  // The first reply is lost on the way back (the server did record the answers); the page tries again by itself with
  // the same key, and the second, double-clicked, attempt is recognised as the same submission.
  let lost = false;
  await page.route('**/trpc/portal.invitation.submit**', async (route) => {
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: w.submit, exact: true }).dblclick();
  await page.getByRole('heading', { name: w.thanks }).waitFor();
  expect(lost).toBe(true);
  expect(await responsesOf(s.databaseUrl, portal.waveId)).toBe(before + 1);
  await expectClean(page);
  await snap(page, shotName(s, '07-thanks'));

  // The link is used now: opening it again says so, and records nothing.
  await page.goto(link);
  await page.getByRole('heading', { name: w.used }).waitFor();
  await expectClean(page);
  await snap(page, shotName(s, '08-link-used'));
  if (s.checks) {
    const past = new Date(Date.now() - 60_000).toISOString();
    const expired = await invite(s.databaseUrl, s.group, {
      now: new Date(Date.now() - 86_400_000).toISOString(),
      expiresAt: past,
    });
    await page.goto(`${portal.path}i/${expired.token}`);
    await page.getByRole('heading', { name: w.expired }).waitFor();
    await snap(page, shotName(s, '09-link-expired'));
    await page.goto(`${portal.path}i/${'x'.repeat(43)}`);
    await page.getByRole('heading', { name: w.invalid }).waitFor();
    await expectClean(page);
  }
  expect(await responsesOf(s.databaseUrl, portal.waveId)).toBe(before + 1);
  await context.close();
}
