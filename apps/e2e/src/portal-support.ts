import { addReply, createDb, type Db, issueInvitations, listOutbox, newId } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { accessibilityViolations, newContext, snap, type ViewportName } from './browser.ts';

/**
 * One stakeholder portal walked as its people would, in one language at one width: a survey reached by an invitation
 * link, left half-way and resumed after the tab was closed, its submission's reply lost and retried (recorded once);
 * sign-in, a feedback item sent and the organisation's reply read and answered; "you said, we did" and the reporting
 * rules. `checks` adds the bad-input cases (expired and used links, a missing answer, 10 MB of text, a 413).
 */

export type Locale = 'fr' | 'en';
export type Group = 'employee' | 'supplier' | 'customer' | 'shareholder';

export const ORG = 'demo-org';
const PASSWORD = 'facets-demo';
const HR_MEMBER = 'demo-member-hr';

export const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    next: 'Next',
    back: 'Back',
    submit: 'Submit',
    thanks: 'Thank you!',
    required: 'Please answer this question to continue.',
    pasteRefused: /Not pasted: your text would have 10,485,760 characters/,
    tooLong: /Your text has 5,001 characters/,
    tooLarge: 'What you sent is too large (the limit is 1 MB).',
    network: 'We could not reach Facets.',
    used: 'You have already answered',
    expired: 'This invitation has expired',
    invalid: 'This link does not work',
    giveFeedback: 'Give feedback',
    myFeedback: 'My feedback',
    results: 'You said, we did',
    rules: 'Reporting rules',
    rulesHeading: 'Who sees what',
    did: 'What we are doing',
    suggestion: 'Suggestion',
    yourFeedback: 'Your feedback',
    sendFeedback: 'Send feedback',
    feedbackSent: 'Thank you, your feedback has been sent.',
    withoutName: 'Send without my name',
    yourReply: 'Your reply',
    sendReply: 'Send reply',
    replySent: 'Your reply has been sent.',
    useLink: 'Email me a sign-in link instead',
    sendLink: 'Email me a link',
    linkSent: 'Check your email',
    step: (n: number) => new RegExp(`^Step ${n} of \\d+$`),
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    next: 'Suivant',
    back: 'Précédent',
    submit: 'Envoyer',
    thanks: 'Merci !',
    required: 'Veuillez répondre à cette question pour continuer.',
    pasteRefused: /Rien n’a été collé : votre texte compterait 10\s485\s760 caractères/,
    tooLong: /Votre texte compte 5\s001 caractères/,
    tooLarge: 'Votre envoi est trop volumineux (la limite est de 1 Mo).',
    network: 'Impossible de joindre Facets.',
    used: 'Vous avez déjà répondu',
    expired: 'Cette invitation a expiré',
    invalid: 'Ce lien ne fonctionne pas',
    giveFeedback: 'Donner un avis',
    myFeedback: 'Mes retours',
    results: 'Vous avez dit, nous avons fait',
    rules: 'Règles de diffusion',
    rulesHeading: 'Qui voit quoi',
    did: 'Ce que nous faisons',
    suggestion: 'Suggestion',
    yourFeedback: 'Votre avis',
    sendFeedback: 'Envoyer mon avis',
    feedbackSent: 'Merci, votre avis a bien été envoyé.',
    withoutName: 'Envoyer sans mon nom',
    yourReply: 'Votre réponse',
    sendReply: 'Envoyer la réponse',
    replySent: 'Votre réponse a été envoyée.',
    useLink: 'Recevoir plutôt un lien de connexion par e-mail',
    sendLink: 'Recevoir un lien',
    linkSent: 'Consultez vos e-mails',
    step: (n: number) => new RegExp(`^Étape ${n} sur \\d+$`),
  },
} as const;
export type Words = (typeof WORDS)[Locale];

/** Each portal: its sign-in, the wave its invitations point to, and what its people write. */
export const PORTALS: Record<
  Group,
  { path: string; email: string; waveId: string; company?: string; reference?: string; anonymousFeedback: boolean }
> = {
  employee: {
    path: '/employee/',
    email: 'employee@demo.facets.test',
    waveId: 'demo-wave-employee-onboarding-1',
    anonymousFeedback: true,
  },
  supplier: {
    path: '/supplier/',
    email: 'supplier@demo.facets.test',
    waveId: 'demo-wave-supplier-5',
    company: 'Atelier Durand',
    reference: 'FAC-2026-0412',
    anonymousFeedback: false,
  },
  customer: {
    path: '/customer/',
    email: 'customer@demo.facets.test',
    waveId: 'demo-wave-customer-interaction-1',
    reference: 'CMD-88412',
    anonymousFeedback: false,
  },
  shareholder: {
    path: '/shareholder/',
    email: 'shareholder@demo.facets.test',
    waveId: 'demo-wave-shareholder-5',
    anonymousFeedback: false,
  },
};

/** Each portal's name for the reference of a feedback (portal-kit README). */
const REFERENCE_LABELS: Record<Group, Record<Locale, string>> = {
  employee: { en: 'Request or ticket number', fr: 'N° de demande ou de ticket' },
  supplier: { en: 'Order or invoice number', fr: 'N° de commande ou de facture' },
  customer: { en: 'Order number', fr: 'N° de commande' },
  shareholder: { en: 'Document or meeting reference', fr: 'Référence du document ou de l’assemblée' },
};

let db: Db | undefined;
export function database(url: string): Db {
  db ??= createDb(url);
  return db;
}

/** A new stakeholder of the group, invited to the portal's wave, as the console's invitations would do. */
export async function invite(
  url: string,
  group: Group,
  options: { expiresAt?: string; now?: string } = {},
): Promise<{ token: string; stakeholderId: string }> {
  const d = database(url).db;
  const person = await addStakeholder(
    d,
    { organizationId: ORG, now: new Date().toISOString() },
    {
      groupId: `demo-group-${group}`,
      segments: {},
      ...(PORTALS[group].company ? { company: PORTALS[group].company } : {}),
    },
  );
  const [issued] = await issueInvitations(d, {
    organizationId: ORG,
    waveId: PORTALS[group].waveId,
    stakeholderIds: [person.id],
    expiresAt: options.expiresAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    now: options.now ?? new Date().toISOString(),
    newId,
  });
  return { token: issued!.token, stakeholderId: person.id };
}

export async function responsesOf(url: string, waveId: string): Promise<number> {
  const row = await database(url)
    .db.selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', ORG)
    .where('wave_id', '=', waveId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function expectClean(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
  // Nothing wider than the screen: a phone never scrolls the whole page sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
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

async function stepText(page: Page): Promise<string> {
  return (await page.getByRole('progressbar').getAttribute('aria-valuetext')) ?? '';
}

/** Moves one screen on and waits for it. */
async function next(page: Page, w: Words): Promise<void> {
  const before = await stepText(page);
  await page.getByRole('button', { name: w.next, exact: true }).click();
  await expect.poll(() => stepText(page)).not.toBe(before);
}

const isLastScreen = (page: Page, w: Words) => page.getByRole('button', { name: w.submit, exact: true }).isVisible();

/** Pastes `length` characters into a textarea (the runner's first by default), as from the clipboard. */
async function paste(page: Page, length: number, field = page.locator('form textarea').first()): Promise<void> {
  await field.evaluate((el, n) => {
    (el as HTMLTextAreaElement).focus();
    const data = new DataTransfer();
    data.setData('text/plain', 'x'.repeat(n));
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, length);
}

/** Sets the runner's textarea as typing would, without typing thousands of keys. */
async function type(page: Page, text: string): Promise<void> {
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

const shotName = (s: Story, step: string) => `portal-${s.group}-${s.locale}-${s.viewport}-${step}`;

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
