import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, snap, VIEWPORTS, type ViewportName } from './browser.ts';
import { DEMO, expectClean, type Locale, openPage, signIn, WORDS, type Words } from './console-plan-words.ts';

/**
 * Planning and operations in the console, in both languages and at both widths: leadership sets a target, adds an
 * initiative and publishes it, registers a promise, assigns and answers a supplier's feedback; an admin changes the
 * anonymity threshold. Each pass then undoes what it added (clear, delete, threshold back to 5), which tests those
 * paths too and leaves the demo as the other browser tests expect it.
 */

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

async function setTarget(page: Page, w: Words, shot: string): Promise<void> {
  await openPage(page, w, 'intended');
  await expectClean(page);
  await snap(page, `${shot}-01-intended`);
  await page.getByRole('button', { name: new RegExp(`${w.pair}$`) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(w.statementFr).fill('Les actionnaires se sentent écoutés entre deux assemblées.');
  await dialog.getByLabel(w.statementEn).fill('Shareholders feel heard between two general meetings.');
  await dialog.getByLabel(w.target).fill('120');
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.getByText(w.targetInvalid).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-02-intended-dialog-error`);
  await dialog.getByLabel(w.target).fill('72');
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: w.saved }).waitFor();
  const cell = page
    .getByRole('row', { name: new RegExp(w.listening) })
    .getByRole('cell')
    .filter({ hasText: '72' });
  await cell.waitFor();
  await snap(page, `${shot}-03-intended-set`);
}

async function clearTarget(page: Page, w: Words): Promise<void> {
  await openPage(page, w, 'intended');
  await page.getByRole('button', { name: new RegExp(`${w.pair}$`) }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.clear, exact: true }).click();
  await page.getByRole('status').filter({ hasText: w.cleared }).waitFor();
}

async function addInitiative(page: Page, w: Words, title: string, shot: string): Promise<void> {
  await openPage(page, w, 'initiatives');
  await expectClean(page);
  await snap(page, `${shot}-04-initiatives`);
  await page.getByRole('button', { name: w.newInitiative }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(w.titleFr).fill(`${title} (fr)`);
  await dialog.getByLabel(w.titleEn).fill(title);
  await dialog.getByLabel(w.ownerDepartment).selectOption({ label: w.investorRelations });
  await dialog.getByLabel(w.status, { exact: true }).selectOption({ label: w.active });
  await dialog.getByRole('group', { name: w.shareholders }).getByLabel(w.listening).check();
  await expectClean(page);
  await snap(page, `${shot}-05-initiative-dialog`);
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  // The dialog closes once the board shows the saved initiative; until then the page behind it is inert.
  await dialog.waitFor({ state: 'hidden' });
  const card = page.getByRole('article').filter({ hasText: title });
  await card.waitFor();
  await card.getByLabel(w.publish).check();
  await card.getByText(w.published, { exact: true }).waitFor();
  await snap(page, `${shot}-06-initiative-published`);
}

async function deleteInitiative(page: Page, w: Words, title: string): Promise<void> {
  await openPage(page, w, 'initiatives');
  const card = page.getByRole('article').filter({ hasText: title });
  await card.getByRole('button', { name: new RegExp(w.edit) }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: w.delete, exact: true }).click();
  await dialog.getByRole('button', { name: w.deleteForGood }).click();
  await card.waitFor({ state: 'detached' });
}

async function addPromise(page: Page, w: Words, statement: string, shot: string): Promise<void> {
  await openPage(page, w, 'promises');
  await expectClean(page);
  await page.getByRole('button', { name: w.newPromise }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(w.group).selectOption({ label: w.shareholders });
  await dialog.getByLabel(w.dimension).selectOption({ label: w.listening });
  await dialog.getByLabel(w.channel).selectOption({ label: w.investorStory });
  await dialog.getByLabel(w.promiseFr).fill(`${statement} (fr)`);
  await dialog.getByLabel(w.promiseEn).fill(statement);
  await snap(page, `${shot}-07-promise-dialog`);
  await dialog.getByRole('button', { name: w.save, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: w.promiseSaved }).waitFor();
  await page.getByRole('row').filter({ hasText: statement }).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-08-promises`);
}

async function deletePromise(page: Page, w: Words, statement: string): Promise<void> {
  await openPage(page, w, 'promises');
  const row = page.getByRole('row').filter({ hasText: statement });
  await row.getByRole('button', { name: new RegExp(w.delete) }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.delete, exact: true }).click();
  await page.getByRole('status').filter({ hasText: w.promiseDeleted }).waitFor();
}

async function answerSupplier(page: Page, w: Words, reply: string, shot: string): Promise<void> {
  await openPage(page, w, 'inbox');
  await page.getByRole('search').getByLabel(w.group, { exact: true }).selectOption({ label: w.suppliers });
  const item = page.getByRole('article').filter({ hasText: 'F-2611' });
  await item.waitFor();
  await item.getByLabel(w.assignedTo, { exact: true }).selectOption({ label: 'Hélène Marchand' });
  await item.getByText(w.handledBy).waitFor();
  await item.getByLabel(w.yourReply).fill(reply);
  await item.getByRole('button', { name: w.sendReply }).click();
  await item.getByText(reply).waitFor();
  await page.getByRole('search').getByLabel(w.assignedTo, { exact: true }).selectOption('me');
  await page.getByRole('article').filter({ hasText: 'F-2611' }).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-09-inbox-assigned`);
}

async function setThreshold(page: Page, w: Words, k: number, shot?: string): Promise<void> {
  await openPage(page, w, 'settings');
  const field = page.getByLabel(w.kThreshold);
  if (shot) {
    await field.fill('2');
    await page.getByRole('button', { name: w.saveSettings }).click();
    await page.getByText(w.thresholdInvalid).first().waitFor();
    await expectClean(page);
    await snap(page, `${shot}-10-settings-error`);
  }
  await field.fill(String(k));
  await page.getByRole('button', { name: w.saveSettings }).click();
  await page.getByText(w.settingsSaved).waitFor();
}

/** An admin invites a manager of the IT department, sees the invitation pending, then removes the person again. */
async function inviteAndRemove(page: Page, w: Words, email: string, shot: string): Promise<void> {
  await openPage(page, w, 'people');
  await expectClean(page);
  await snap(page, `${shot}-12-people`);
  await page.getByRole('button', { name: w.invite }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(w.name).fill('Camille Bernard');
  await dialog.getByLabel(w.inviteEmail).fill(email);
  await dialog.getByLabel(w.role).selectOption({ label: w.manager });
  await dialog.getByRole('button', { name: w.sendInvitation }).click();
  await dialog.getByText(w.departmentRequired).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-13-invite-needs-department`);
  await dialog.getByLabel(w.department).selectOption({ index: 1 });
  await dialog.getByRole('button', { name: w.sendInvitation }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = page.getByRole('row').filter({ hasText: email });
  await row.getByText(w.invited).waitFor();
  await snap(page, `${shot}-14-invited`);
  await row.getByRole('button', { name: new RegExp(w.remove) }).click();
  await page.getByRole('dialog').getByRole('button', { name: w.remove, exact: true }).click();
  await row.waitFor({ state: 'detached' });
}

/** The page an invitation's link opens, signed out: it checks the password, and says when a link is not valid. */
async function setPasswordPage(page: Page, w: Words, shot: string): Promise<void> {
  await page.goto('/console/set-password?token=not-a-token-we-issued');
  await page.getByLabel(w.newPassword).fill('short');
  await page.getByLabel(w.confirmPassword).fill('short');
  await page.getByRole('button', { name: w.savePassword }).click();
  await page.getByText(w.tooShort).waitFor();
  await expectClean(page);
  await snap(page, `${shot}-15-set-password`);
  await page.getByLabel(w.newPassword).fill('a long enough password');
  await page.getByLabel(w.confirmPassword).fill('a long enough password');
  await page.getByRole('button', { name: w.savePassword }).click();
  await page.getByText(w.linkExpired).waitFor();
  await expectClean(page);
}

describe.skipIf(!chromiumPath)('planning and operations in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as Locale[]) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      it(`${locale}, ${viewport}: target, initiative, promise, feedback, threshold`, async () => {
        const w = WORDS[locale];
        const shot = `console-plan-${locale}-${viewport}`;
        const title = `Quarterly shareholder letter ${locale} ${viewport}`;
        const statement = `A letter every quarter, ${locale} ${viewport}`;
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        await signIn(page, w, DEMO.leadership);
        await setTarget(page, w, shot);
        await addInitiative(page, w, title, shot);
        await addPromise(page, w, statement, shot);
        await answerSupplier(page, w, `Payment confirmed for Friday (${locale}, ${viewport}).`, shot);
        await clearTarget(page, w);
        await deleteInitiative(page, w, title);
        await deletePromise(page, w, statement);
        await context.close();

        const adminContext = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const admin = await adminContext.newPage();
        await signIn(admin, w, DEMO.admin);
        await setThreshold(admin, w, 6, shot);
        await openPage(admin, w, 'overview');
        await admin.getByText(w.anonymity(6)).waitFor();
        await snap(admin, `${shot}-11-overview-k6`);
        await inviteAndRemove(admin, w, `camille.${locale}.${viewport}@example.test`, shot);
        await setThreshold(admin, w, 5);
        await openPage(admin, w, 'overview');
        await admin.getByText(w.anonymity(5)).waitFor();
        expect(await admin.getByText(w.anonymity(6)).count()).toBe(0);
        await adminContext.close();

        const visitor = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        await setPasswordPage(await visitor.newPage(), w, shot);
        await visitor.close();
      }, 300_000);
    }
  }
});
