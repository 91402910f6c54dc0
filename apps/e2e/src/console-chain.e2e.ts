import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDb, type Db, newId, submitResponse } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage as check, launchBrowser, newContext, signIn, type ViewportName } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/**
 * The experience chain on an organisation the test builds (`facets init`, then its model and surveys through the
 * API; k = 5, the default): staff and customers both broken down by site, five sites.
 *
 * - Staff recognition (lived, likert5 → 0…100), five people a site: Lyon 5, 5, 4, 4, 4 (85), Paris 4, 4, 4, 3, 3
 *   (65), Lille 2, 2, 3, 3, 3 (40), Nantes 3, 3, 3, 3, 4 (55); Brest two people only (under k: never shown) and three
 *   staff without a site, so that the rest of the group holds five.
 * - Customers' NPS (nps11), five a site: Lyon 10, 10, 9, 9, 8 (80), Paris 10, 9, 8, 7, 6 (20), Lille 3, 5, 6, 8, 9
 *   (−40), Nantes 9, 8, 7, 6, 10 (20), Brest 9 × 5 (100: shown for customers, but Brest is no unit).
 *
 * Over the four units: means 61.25 and 20, Sxy = 23.75 × 60 + 21.25 × 60 = 2700, Sxx = 1068.75, Syy = 7200,
 * r = 2700 / √(1068.75 × 7200) = 0.97; Fisher z ± 1.96 / √(4 − 3) gives 0.19 to 1.00; Spearman (ranks 4, 3, 1, 2
 * against 4, 2.5, 1, 2.5) 0.95. In French and English, on a desktop and a phone.
 */

const cli = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));
const ADMIN = 'direction@chaine.test';
/** `signIn` types the demo's password: the test's admin is given the same one. */
const PASSWORD = 'facets-demo';
const SITES = ['lyon', 'paris', 'lille', 'nantes', 'brest'] as const;
const STAFF: Record<string, number[]> = {
  lyon: [5, 5, 4, 4, 4],
  paris: [4, 4, 4, 3, 3],
  lille: [2, 2, 3, 3, 3],
  nantes: [3, 3, 3, 3, 4],
  brest: [1, 1],
  '': [5, 4, 3],
};
const CUSTOMERS: Record<string, number[]> = {
  lyon: [10, 10, 9, 9, 8],
  paris: [10, 9, 8, 7, 6],
  lille: [3, 5, 6, 8, 9],
  nantes: [9, 8, 7, 6, 10],
  brest: [9, 9, 9, 9, 9],
};

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    nav: 'Experience chain',
    units: 'Units',
    sentence:
      'Over 4 units (Site), r = 0.97 (95 % interval 0.19 to 1.00): a strong positive correlation. Rank correlation (Spearman) 0.95.',
    notCause: /^Correlation is not cause\./,
    excluded: /^1 of the 5 values both groups share is not shown/,
    rows: [
      'Lyon 85.0 (n = 5) 80.0 (n = 5)',
      'Paris 65.0 (n = 5) 20.0 (n = 5)',
      'Lille 40.0 (n = 5) -40.0 (n = 5)',
      'Nantes 55.0 (n = 5) 20.0 (n = 5)',
    ],
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    nav: 'Chaîne de l’expérience',
    units: 'Unités',
    sentence:
      'Sur 4 unités (Site), r = 0,97 (intervalle à 95 % de 0,19 à 1,00) : une forte corrélation positive. Corrélation des rangs (Spearman) 0,95.',
    notCause: /^Corrélation n’est pas causalité\./,
    excluded: /^1 des 5 valeurs communes aux deux groupes n’est pas montrée/,
    rows: [
      'Lyon 85,0 (n = 5) 80,0 (n = 5)',
      'Paris 65,0 (n = 5) 20,0 (n = 5)',
      'Lille 40,0 (n = 5) -40,0 (n = 5)',
      'Nantes 55,0 (n = 5) 20,0 (n = 5)',
    ],
  },
} as const;
type Locale = keyof typeof WORDS;

const chromiumPath = inject('chromiumPath');

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

/** `facets init` on the server's database, the admin's password given. */
function init(server: RunningServer): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [cli, 'init', '--name', 'Chaîne Test', '--slug', 'chaine', '--admin-email', ADMIN, '--language', 'fr'];
    const child = spawn(process.execPath, args, {
      env: {
        ...process.env,
        BASE_URL: server.baseUrl,
        DATABASE_URL: server.databaseUrl,
        FACETS_ADMIN_PASSWORD: PASSWORD,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`init exited with ${code}: ${output}`))));
  });
}

const text = (fr: string, en: string) => ({ fr, en });

/** Writes beside the running server: it may hold the file a moment (publishing, its start-up jobs), so wait for it. */
async function patiently<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 60 || !String(error).includes('database is locked')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

describe.skipIf(!chromiumPath)('the experience chain', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: Db;

  const open = async (locale: Locale, viewport: ViewportName) => {
    const context = await newContext(browser, { locale, viewport, baseURL: server.baseUrl });
    return { context, page: await context.newPage() };
  };

  /** A group with a site attribute, a survey of one rating question, answered per site, then closed. */
  async function groupWithSurvey(
    page: Page,
    organizationId: string,
    group: { kind: string; code: string; label: { fr: string; en: string } },
    question: Record<string, unknown>,
    answers: Record<string, number[]>,
  ) {
    const { id: groupId } = await call<{ id: string }>(page, 'model.groups.create', group);
    await call(page, 'model.attributes.create', {
      groupId,
      key: 'site',
      label: text('Site', 'Site'),
      values: SITES.map((s) => ({
        value: s,
        label: text(s[0]!.toUpperCase() + s.slice(1), s[0]!.toUpperCase() + s.slice(1)),
      })),
    });
    return {
      groupId,
      run: async (dimensionId: string | null) => {
        const { surveyId } = await call<{ surveyId: string }>(page, 'surveys.create', {
          groupId,
          title: text(`Enquête ${group.code}`, `${group.code} survey`),
        });
        await call(page, 'surveys.questions.save', {
          surveyId,
          questions: [{ ...question, dimensionId, options: null, required: true }],
        });
        const { waveId } = await call<{ waveId: string }>(page, 'surveys.waves.schedule', {
          surveyId,
          label: '2026-T4',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        });
        const survey = await call<{ questions: { id: string }[] }>(page, 'surveys.get', { surveyId }, 'GET');
        const questionId = survey.questions[0]!.id;
        let i = 0;
        for (const [site, values] of Object.entries(answers)) {
          for (const value of values) {
            const now = new Date().toISOString();
            const segments: Record<string, string> = site ? { site } : {};
            const person = await patiently(() => addStakeholder(db.db, { organizationId, now }, { groupId, segments }));
            const idempotencyKey = `chain-${waveId}-${i++}`;
            await patiently(() =>
              submitResponse(db.db, {
                organizationId,
                waveId,
                stakeholderId: person.id,
                groupId,
                segments: person.segments,
                idempotencyKey,
                answers: [{ questionId, value }],
                now,
                newId,
              }),
            );
          }
        }
        await call(page, 'surveys.waves.close', { waveId });
      },
    };
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(chromiumPath as string);
    await patiently(() => init(server));
    db = createDb(server.databaseUrl);
    const org = await db.db
      .selectFrom('organization')
      .select('id')
      .where('slug', '=', 'chaine')
      .executeTakeFirstOrThrow();
    const { context, page } = await open('en', 'desktop');
    await signIn(page, WORDS.en, ADMIN);
    const staff = await groupWithSurvey(
      page,
      org.id,
      { kind: 'employee', code: 'staff', label: text('Équipes', 'Staff') },
      {
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        prompt: text('Mon travail est reconnu.', 'My work is recognised.'),
      },
      STAFF,
    );
    const customers = await groupWithSurvey(
      page,
      org.id,
      { kind: 'customer', code: 'clients', label: text('Clients', 'Customers') },
      {
        type: 'rating',
        scale: 'nps11',
        facet: 'outcome',
        prompt: text('Nous recommanderiez-vous ?', 'Would you recommend us?'),
      },
      CUSTOMERS,
    );
    const { id: recognition } = await call<{ id: string }>(page, 'model.dimensions.create', {
      code: 'recognition',
      label: text('Reconnaissance', 'Recognition'),
      description: null,
      groupIds: [staff.groupId],
    });
    await staff.run(recognition);
    await customers.run(null);
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await db?.close();
    await server?.stop();
  });

  const walks: [Locale, ViewportName][] = [
    ['en', 'desktop'],
    ['fr', 'phone'],
    ['fr', 'desktop'],
    ['en', 'phone'],
  ];

  for (const [locale, viewport] of walks) {
    it(`leadership sets staff recognition against customers' NPS by site (${locale}, ${viewport})`, async () => {
      const w = WORDS[locale];
      const { context, page } = await open(locale, viewport);
      await signIn(page, w, ADMIN);
      await page.goto('/console/chain');
      await page.getByText(w.sentence, { exact: true }).waitFor();
      expect(await page.getByLabel(w.units, { exact: true }).locator('option:checked').textContent()).toBe('Site');
      await expect.poll(() => page.getByText(w.notCause).count()).toBe(1);
      await expect.poll(() => page.getByText(w.excluded).count()).toBe(1);
      const rows = await page
        .locator('table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim()).join(' ')));
      expect(rows.map((r) => r.replace(/\s+/g, ' ').replace('−', '-').trim())).toEqual(w.rows);
      // Brest, under k among staff, appears nowhere: not in the chart, not in the table.
      const chart = (await page.locator('svg[role="img"]').textContent()) ?? '';
      for (const unit of ['Lyon', 'Paris', 'Lille', 'Nantes']) expect(chart).toContain(unit);
      expect(await page.locator('main').textContent()).not.toContain('Brest');
      await check(page, `console-chain-${locale}-${viewport}`);
      await context.close();
    });
  }
});
