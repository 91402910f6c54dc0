import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, snap, VIEWPORTS, type ViewportName } from './browser.ts';
import { apiCaller, type Call, databaseReader, initOrganization, sessionCookie } from './organisation-support.ts';
import { WORDS } from './portal-fixtures.ts';
import { expectClean } from './portal-support.ts';
import { answerEveryScreen } from './survey-answers.ts';

/**
 * An organisation that is not the demo, made as a new one is: `npm run facets -- init`, then its own groups through
 * the model editor's procedures — an employee group coded `crew` and a group of its own (kind custom) coded
 * `partners` —, a survey each, and invitations by CSV. Each invitee opens the link of their e-mail, at
 * `/<group code>/i/<token>`, and answers in their group's portal: the employee app for the crew, the generic portal
 * (titled by the group's own label) for the partners. A partner then signs in by e-mailed link at `/partners/`, and
 * opening the crew's portal sends them back to their own.
 */

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

const ADMIN = 'anne.roy@tilleuls.example';
const ADMIN_PASSWORD = 'tilleuls admin password';
const label = (fr: string, en: string) => ({ fr, en });
const STORIES = (['en', 'fr'] as const).flatMap((locale) =>
  (Object.keys(VIEWPORTS) as ViewportName[]).map((viewport) => ({ locale, viewport })),
);

const GROUPS = {
  crew: {
    kind: 'employee',
    label: label('Équipage', 'Crew'),
    // The employee app's own title: the server chose it by the group's kind.
    title: { en: 'Your experience · Facets', fr: 'Votre expérience · Facets' },
  },
  partners: {
    kind: 'custom',
    label: label('Partenaires', 'Partners'),
    // The generic app, titled by the group's label.
    title: { en: 'Partners · Facets', fr: 'Partenaires · Facets' },
  },
} as const;
type Code = keyof typeof GROUPS;

const { query, invitationPath } = databaseReader(databaseUrl);

const inviteeOf = (code: Code, i: number) => `${code}.${i}@tilleuls.example`;

describe.skipIf(!chromiumPath)('groups of its own, each at its own path', () => {
  let browser: Browser;
  let call: Call;
  const waves: Record<Code, string> = { crew: '', partners: '' };

  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
    initOrganization(
      { baseUrl, databaseUrl },
      { name: 'Clinique des Tilleuls', slug: 'tilleuls', adminEmail: ADMIN, adminPassword: ADMIN_PASSWORD },
    );
    call = apiCaller(baseUrl, await sessionCookie(baseUrl, ADMIN, ADMIN_PASSWORD));

    const ids: Partial<Record<Code, string>> = {};
    for (const [code, group] of Object.entries(GROUPS) as [Code, (typeof GROUPS)[Code]][]) {
      ids[code] = (
        await call<{ id: string }>('model.groups.create', { kind: group.kind, code, label: group.label })
      ).id;
    }
    const trust = await call<{ id: string }>('model.dimensions.create', {
      code: 'trust',
      label: label('Confiance', 'Trust'),
      description: null,
      groupIds: [ids.crew, ids.partners],
    });
    for (const code of Object.keys(GROUPS) as Code[]) {
      const { surveyId } = await call<{ surveyId: string }>('surveys.create', {
        groupId: ids[code],
        title: label('Notre relation', 'Our relationship'),
        anonymous: true,
      });
      await call('surveys.questions.save', {
        surveyId,
        questions: [
          {
            type: 'rating',
            scale: 'likert5',
            facet: 'lived',
            dimensionId: trust.id,
            prompt: label('Je peux compter sur la clinique.', 'I can rely on the clinic.'),
            options: null,
            required: true,
          },
        ],
      });
      const now = Date.now();
      const wave = await call<{ waveId: string }>('surveys.waves.schedule', {
        surveyId,
        label: 'Spring',
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 14 * 86_400_000).toISOString(),
      });
      waves[code] = wave.waveId;
      const rows = STORIES.map((s, i) => `${inviteeOf(code, i)},Person ${i},${s.locale}`);
      await call('surveys.invitations.import', {
        waveId: wave.waveId,
        csv: ['email,name,language', ...rows].join('\n'),
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [i, { locale, viewport }] of STORIES.entries()) {
    it(`${locale}, ${viewport}: each group's invitee answers from the e-mailed link in their own portal`, async () => {
      const w = WORDS[locale];
      for (const code of Object.keys(GROUPS) as Code[]) {
        const link = invitationPath(baseUrl, code, inviteeOf(code, i));
        expect(link, `the invitation e-mail links to the ${code} portal`).toBeDefined();
        const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
        const page = await context.newPage();
        await page.goto(link as string);
        await page.getByRole('progressbar').waitFor();
        await expect.poll(() => page.title()).toBe(GROUPS[code].title[locale]);
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        await expectClean(page);
        await snap(page, `portal-groups-${code}-${locale}-${viewport}-1-invitation`);
        const before = query<{ n: number }>('select count(*) as n from response where wave_id = ?', waves[code]);
        await answerEveryScreen(page, w);
        await page.getByRole('heading', { name: w.thanks }).waitFor();
        await expectClean(page);
        await snap(page, `portal-groups-${code}-${locale}-${viewport}-2-thanks`);
        const after = query<{ n: number }>('select count(*) as n from response where wave_id = ?', waves[code]);
        expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) + 1);
        await context.close();
      }
    });
  }

  it("a partner signs in by e-mailed link at their group's path; the crew's portal sends them back", async () => {
    const w = WORDS.en;
    const email = inviteeOf('partners', 0);
    const context = await newContext(browser, { locale: 'en', viewport: 'desktop', baseURL: baseUrl });
    const page = await context.newPage();
    await page.goto('/partners/');
    await page.getByRole('button', { name: w.useLink }).click();
    await page.getByLabel(w.email).fill(email);
    await page.getByRole('button', { name: w.sendLink }).click();
    await page.getByText(w.linkSent).waitFor();
    const [message] = query<{ body: string }>(
      "select body from outbox where to_address = ? and body like '%/api/auth/magic-link/%' order by created_at desc limit 1",
      email,
    );
    const url = message?.body.match(/https?:\/\/\S+/)?.[0];
    expect(url).toBeDefined();
    await page.goto(url as string);
    await page.getByRole('button', { name: w.signOut }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/partners/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.title()).toBe('Partners · Facets');
    await expectClean(page);
    await snap(page, 'portal-groups-partners-en-desktop-3-signed-in');
    await page.goto('/crew/');
    await page.waitForURL(`${baseUrl}/partners/`);
    await page.getByRole('button', { name: w.signOut }).waitFor();
    await context.close();
  });
});
