import { createDb, type Db, newId, submitResponse } from '@facets/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser, newContext, signIn, snap, type ViewportName } from './browser.ts';
import { WORDS as CONSOLE } from './console-plan-words.ts';
import { WORDS as PORTAL, REFERENCE_LABELS } from './portal-fixtures.ts';
import { type RunningServer, startServer } from './server.ts';

/**
 * Notifications, on a server of its own (its upkeep job publishes and tells, which the other stories must not see):
 * a supplier gives feedback in their portal, HR answers it in the console's inbox, and the supplier gets the e-mail
 * (the outbox row of the server's file) and sees the reply behind the bell's unread item; leadership closes a wave,
 * the upkeep job publishes it, and leadership gets the digest by e-mail and under the bell. Then the bell, the
 * notifications page and the choices in French and English, on a desktop and a phone.
 */

const chromiumPath = inject('chromiumPath');
const ORG = 'demo-org';
const EMPLOYEES = 'demo-group-employee';
const SUPPLIER = 'supplier@demo.facets.test';
const HR = 'hr@demo.facets.test';
const LEADERSHIP = 'leadership@demo.facets.test';

const BELL = {
  en: {
    unread: /^Notifications, \d+ unread$/,
    reply: 'A reply to your feedback',
    all: 'All notifications and your choices',
    results: /^Results published: “Pulse of \d+” \(W1\)/,
  },
  fr: {
    unread: /^Notifications, \d+ non lues?$/,
    reply: 'Une réponse à votre retour',
    all: 'Toutes les notifications et vos choix',
    results: /^Résultats publiés : « Pouls du \d+ » \(W1\)/,
  },
} as const;

/** Calls the API with the page's session, as the console does (tRPC over HTTP, no transformer). */
async function call<T>(page: Page, path: string, input: unknown, method: 'GET' | 'POST' = 'POST'): Promise<T> {
  const result = await page.evaluate(
    async ([p, body, m]) => {
      const url = m === 'GET' ? `/trpc/${p}?input=${encodeURIComponent(JSON.stringify(body))}` : `/trpc/${p}`;
      const response = await fetch(url, {
        method: m,
        headers: { 'content-type': 'application/json' },
        ...(m === 'POST' ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: await response.json() };
    },
    [path, input, method] as const,
  );
  if (result.status !== 200) throw new Error(`${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return (result.body as { result: { data: T } }).result.data;
}

async function mailsTo(db: Db, to: string, subject: RegExp) {
  const rows = await db.db
    .selectFrom('outbox')
    .select(['subject', 'body'])
    .where('organization_id', '=', ORG)
    .where('to_address', '=', to)
    .execute();
  return rows.filter((r) => subject.test(r.subject));
}

describe.skipIf(!chromiumPath)('notifications in the portals and the console', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: Db;

  const open = async (locale: 'fr' | 'en', viewport: ViewportName) => {
    const context = await newContext(browser, { locale, viewport, baseURL: server.baseUrl });
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(chromiumPath as string);
    db = createDb(server.databaseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await db?.close();
    await server?.stop();
  });

  it('a supplier’s feedback answered in the console: the e-mail, the bell, the reply', {
    timeout: 180_000,
  }, async () => {
    const text = `Invoice 4471 was paid twice (${Date.now() % 100_000})`;
    const reply = 'Thank you: the second payment will be refunded this week.';
    const supplier = await open('en', 'desktop');
    await signIn(supplier.page, PORTAL.en, SUPPLIER, '/supplier/');
    await supplier.page.getByRole('navigation').getByRole('link', { name: PORTAL.en.giveFeedback }).click();
    await supplier.page.getByRole('radio', { name: PORTAL.en.suggestion, exact: true }).check();
    await supplier.page.getByLabel(PORTAL.en.yourFeedback).fill(text);
    await supplier.page.getByLabel(REFERENCE_LABELS.supplier.en).fill('INV-4471');
    await supplier.page.getByRole('button', { name: PORTAL.en.sendFeedback }).click();
    await supplier.page.getByRole('status').filter({ hasText: PORTAL.en.feedbackSent }).waitFor();
    // Nothing under the supplier's bell yet.
    await expect.poll(() => supplier.page.getByRole('button', { name: 'Notifications', exact: true }).count()).toBe(1);

    const hr = await open('en', 'desktop');
    const w = CONSOLE.en;
    await signIn(hr.page, w, HR);
    // HR is told of the feedback under the bell as by e-mail.
    await hr.page.reload();
    await hr.page.getByRole('button', { name: BELL.en.unread }).click();
    await hr.page
      .getByRole('link', { name: /New feedback \(Suppliers\)/ })
      .first()
      .waitFor();
    await hr.page.keyboard.press('Escape');
    await hr.page.getByRole('navigation').getByRole('link', { name: w.nav.inbox, exact: true }).click();
    await hr.page.getByRole('search').getByLabel(w.group, { exact: true }).selectOption({ label: w.suppliers });
    const item = hr.page.getByRole('article').filter({ hasText: text });
    await item.getByLabel(w.yourReply).fill(reply);
    await item.getByRole('button', { name: w.sendReply }).click();
    await item.getByText(reply).waitFor();

    // The e-mail, in the outbox of the server's file: no feedback text, a link to the portal's feedback page.
    const replied = /replied to your feedback|a répondu à votre retour/;
    await expect.poll(async () => (await mailsTo(db, SUPPLIER, replied)).length).toBe(1);
    const [mail] = await mailsTo(db, SUPPLIER, replied);
    expect(mail!.body).toContain(`${server.baseUrl}/supplier/feedback`);
    expect(mail!.body).not.toContain(reply);

    // The supplier's bell counts it; the item leads to the reply.
    await supplier.page.reload();
    const bell = supplier.page.getByRole('button', { name: BELL.en.unread });
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await bell.click();
    expect(await accessibilityViolations(supplier.page)).toEqual([]);
    await snap(supplier.page, 'notifications-01-supplier-bell-en-desktop');
    await supplier.page.getByRole('link', { name: new RegExp(BELL.en.reply) }).click();
    await supplier.page.getByText(reply).waitFor();
    await expect.poll(() => supplier.page.getByRole('button', { name: 'Notifications', exact: true }).count()).toBe(1);
    await snap(supplier.page, 'notifications-02-supplier-reply-en-desktop');
    await supplier.context.close();
    await hr.context.close();
  });

  it('leadership gets the digest when a wave’s results are published', { timeout: 240_000 }, async () => {
    const lead = await open('en', 'desktop');
    await signIn(lead.page, CONSOLE.en, LEADERSHIP);
    const title = { fr: `Pouls du ${Date.now() % 100_000}`, en: `Pulse of ${Date.now() % 100_000}` };
    const { surveyId } = await call<{ surveyId: string }>(lead.page, 'surveys.create', { groupId: EMPLOYEES, title });
    await call(lead.page, 'surveys.questions.save', {
      surveyId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: 'demo-dim-recognition',
          prompt: { fr: 'Mon travail est reconnu.', en: 'My work is recognised.' },
          options: null,
          required: true,
        },
      ],
    });
    const { waveId } = await call<{ waveId: string }>(lead.page, 'surveys.waves.schedule', {
      surveyId,
      label: 'W1',
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    });
    const survey = await call<{ questions: { id: string }[] }>(lead.page, 'surveys.get', { surveyId }, 'GET');
    const people = await db.db
      .selectFrom('stakeholder')
      .select(['id', 'segments'])
      .where('organization_id', '=', ORG)
      .where('group_id', '=', EMPLOYEES)
      .orderBy('id')
      .limit(12)
      .execute();
    for (const [i, person] of people.entries()) {
      await submitResponse(db.db, {
        organizationId: ORG,
        waveId,
        stakeholderId: person.id,
        groupId: EMPLOYEES,
        segments: JSON.parse(person.segments),
        idempotencyKey: `notifications-${waveId}-${i}`,
        answers: [{ questionId: survey.questions[0]!.id, value: 4 }],
        now: new Date().toISOString(),
        newId,
      });
    }
    await call(lead.page, 'surveys.waves.close', { waveId });

    // The upkeep job (every minute) publishes the closed wave and writes the digest once.
    const subject = new RegExp(`${title.en}|${title.fr}`);
    await expect
      .poll(async () => (await mailsTo(db, LEADERSHIP, subject)).length, { timeout: 150_000, interval: 2000 })
      .toBe(1);
    const [digest] = await mailsTo(db, LEADERSHIP, subject);
    expect(digest!.body).toMatch(/12 (people answered|personnes ont répondu)/);
    expect(digest!.body).toContain(`${server.baseUrl}/console/groups/${EMPLOYEES}`);

    await lead.page.reload();
    await lead.page.getByRole('button', { name: BELL.en.unread }).click();
    const item = lead.page.getByRole('link', {
      name: new RegExp(`Results published: “${title.en}” \\(W1\\), 12 respondents`),
    });
    await item.waitFor();
    await snap(lead.page, 'notifications-03-leadership-bell-en-desktop');
    await item.click();
    await expect.poll(() => new URL(lead.page.url()).pathname).toBe(`/console/groups/${EMPLOYEES}`);
    await lead.context.close();
  });

  it.each([
    ['fr', 'desktop'],
    ['fr', 'phone'],
    ['en', 'phone'],
    ['en', 'desktop'],
  ] as const)(
    'shows the bell, the list and the choices in %s on a %s',
    { timeout: 120_000 },
    async (locale, viewport) => {
      const supplier = await open(locale, viewport);
      await signIn(supplier.page, PORTAL[locale], SUPPLIER, '/supplier/');
      await supplier.page.getByRole('button', { name: /^Notifications/ }).click();
      await supplier.page.getByRole('link', { name: new RegExp(BELL[locale].reply) }).waitFor();
      await snap(supplier.page, `notifications-10-supplier-bell-${locale}-${viewport}`);
      await supplier.page.getByRole('link', { name: BELL[locale].all }).click();
      await supplier.page.getByRole('heading', { level: 1 }).waitFor();
      await supplier.page.getByRole('table').waitFor();
      await supplier.page
        .getByRole('main')
        .getByRole('link', { name: new RegExp(BELL[locale].reply) })
        .waitFor();
      expect(await accessibilityViolations(supplier.page)).toEqual([]);
      await snap(supplier.page, `notifications-11-supplier-page-${locale}-${viewport}`);
      await supplier.context.close();

      const lead = await open(locale, viewport);
      await signIn(lead.page, CONSOLE[locale], LEADERSHIP);
      await lead.page.goto('/console/notifications');
      await lead.page.getByRole('table').waitFor();
      await lead.page.getByRole('main').getByRole('link', { name: BELL[locale].results }).first().waitFor();
      expect(await accessibilityViolations(lead.page)).toEqual([]);
      await snap(lead.page, `notifications-12-console-page-${locale}-${viewport}`);
      await lead.page.getByRole('button', { name: /^Notifications/ }).click();
      await snap(lead.page, `notifications-13-console-bell-${locale}-${viewport}`);
      await lead.context.close();
    },
  );
});
