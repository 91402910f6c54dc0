import { createDb, type Db, newId, submitResponse } from '@facets/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkPage as check, launchBrowser, newContext, signIn, type ViewportName } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

/**
 * A year of an organisation's survey programme, on a server of its own (the demo, so that the other stories keep
 * their figures): the quarterly survey (2025-Q4 to 2026-Q3 published, 2026-Q4 under way), HR's one-question
 * recognition pulse grouped into the quarterly programme and run twice after 2026-Q3, the demo's onboarding and exit
 * surveys beside it. IT answers the first pulse only.
 *
 * - Pulse 1: 6 IT employees answer 2 (index 25) and 24 of operations answer 5 (100): recognition 85.0, n = 30.
 * - Pulse 2: 25 of operations answer 4 (75): recognition 75.0, n = 25; nobody from IT.
 *
 * The overview shows each dimension from its latest measurement: recognition from Pulse 2, every other dimension and
 * the eNPS from 2026-Q3, saying so; choosing 2026-Q3 changes recognition back to its quarterly figure, and a reload
 * keeps the choice. The drill-down heatmap stays on 2026-Q3, the programme's fullest wave. The IT manager's
 * recognition comes from Pulse 1, the latest wave in which their department can be shown, and the page says why
 * Pulse 2 is not shown. In French and English, on
 * a desktop and a phone.
 */

const HR = 'hr@demo.facets.test';
const MANAGER = 'manager.it@demo.facets.test';
const ORG = 'demo-org';
const EMPLOYEES = 'demo-group-employee';
const QUARTERLY = 'demo-survey-employee';
const RECOGNITION = 'demo-dim-recognition';

const WORDS = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    employees: 'Employees',
    recognition: 'Recognition and respect',
    growth: 'Growth',
    wave: 'Wave',
    latest: /^Latest: Pulse 2 \(Recognition pulse\)$/,
    latestForIt: /^Latest: Pulse 1 \(Recognition pulse\)$/,
    q3: /^2026-Q3/,
    measuredInQ3: /measured in 2026-Q3/,
    withheldPulse2:
      /Not shown for Pulse 2 \(Recognition pulse\): nobody in this scope answered\. These results are those of Pulse 1 \(Recognition pulse\)/,
    pulse2: /75\.0\s*n = 25/,
    it: /25\.0\s*n = 6/,
    groups: 'Group drill-down',
    group: 'Group',
    cutBy: 'Cut by',
    department: 'Department',
    heatmapQ3: /^Lived scores by Department, wave 2026-Q3/,
    decimal: (x: number) => x.toFixed(1),
  },
  fr: {
    email: 'E-mail',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    employees: 'Salariés',
    recognition: 'Reconnaissance et respect',
    growth: 'Développement professionnel',
    wave: 'Vague',
    latest: /^Dernière : Pulse 2 \(Pulse reconnaissance\)$/,
    latestForIt: /^Dernière : Pulse 1 \(Pulse reconnaissance\)$/,
    q3: /^2026-Q3/,
    measuredInQ3: /mesurée lors de la vague 2026-Q3/,
    withheldPulse2:
      /Pas de résultats pour Pulse 2 \(Pulse reconnaissance\) : personne n’a répondu dans ce périmètre\. Ces résultats sont ceux de Pulse 1 \(Pulse reconnaissance\)/,
    pulse2: /75,0\s*n = 25/,
    it: /25,0\s*n = 6/,
    groups: 'Analyse par groupe',
    group: 'Groupe',
    cutBy: 'Découper par',
    department: 'Service',
    heatmapQ3: /^Vécu par Service, vague 2026-Q3/,
    decimal: (x: number) => x.toFixed(1).replace('.', ','),
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

/** Employees of the demo in one department. */
async function employeesOf(db: Db, department: string, count: number) {
  const rows = await db.db
    .selectFrom('stakeholder')
    .select(['id', 'segments'])
    .where('organization_id', '=', ORG)
    .where('group_id', '=', EMPLOYEES)
    .orderBy('id')
    .execute();
  const inDepartment = rows.filter((r) => (JSON.parse(r.segments) as Record<string, string>).department === department);
  if (inDepartment.length < count) throw new Error(`the demo has ${inDepartment.length} in ${department}`);
  return inDepartment.slice(0, count).map((r) => ({ id: r.id, segments: JSON.parse(r.segments) }));
}

/** Runs one wave of the pulse: opens now, takes the answers (as the portal's submission writes them), closes. */
async function runWave(page: Page, db: Db, surveyId: string, label: string, answers: [string, number][]) {
  const opensAt = new Date().toISOString();
  const closesAt = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const { waveId } = await call<{ waveId: string }>(page, 'surveys.waves.schedule', {
    surveyId,
    label,
    opensAt,
    closesAt,
  });
  const survey = await call<{ questions: { id: string }[] }>(page, 'surveys.get', { surveyId }, 'GET');
  const questionId = survey.questions[0]!.id;
  const ids = new Map<string, Record<string, string>>();
  for (const department of new Set(answers.map(([d]) => d))) {
    const count = answers.filter(([d]) => d === department).length;
    for (const e of await employeesOf(db, department, count)) ids.set(e.id, e.segments);
  }
  const people = [...ids];
  for (const [i, [, value]] of answers.entries()) {
    const [stakeholderId, segments] = people[i]!;
    await submitResponse(db.db, {
      organizationId: ORG,
      waveId,
      stakeholderId,
      groupId: EMPLOYEES,
      segments,
      idempotencyKey: `programme-${waveId}-${i}`,
      answers: [{ questionId, value }],
      now: new Date().toISOString(),
      newId,
    });
  }
  await call(page, 'surveys.waves.close', { waveId });
}

describe.skipIf(!chromiumPath)('a year of a survey programme', () => {
  let server: RunningServer;
  let browser: Browser;
  let db: Db;
  /** Recognition's lived score in 2026-Q3, read from the API before the pulses run. */
  let quarterlyRecognition: number;

  const open = async (locale: Locale, viewport: ViewportName) => {
    const context = await newContext(browser, { locale, viewport, baseURL: server.baseUrl });
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser(chromiumPath as string);
    db = createDb(server.databaseUrl);
    const { context, page } = await open('en', 'desktop');
    await signIn(page, WORDS.en, HR);
    type Overview = { groups: { id: string; dimensions: { id: string; lived: { score: number | null } }[] }[] };
    const before = await call<Overview>(page, 'insights.overview', { groupId: EMPLOYEES }, 'GET');
    quarterlyRecognition = before.groups[0]!.dimensions.find((d) => d.id === RECOGNITION)!.lived.score!;

    // HR builds the pulse, groups it into the quarterly programme, and runs it twice.
    const { surveyId } = await call<{ surveyId: string }>(page, 'surveys.create', {
      groupId: EMPLOYEES,
      title: { fr: 'Pulse reconnaissance', en: 'Recognition pulse' },
    });
    await call(page, 'surveys.questions.save', {
      surveyId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: RECOGNITION,
          prompt: {
            fr: 'Mon travail est reconnu à sa juste valeur.',
            en: 'My work is recognised for what it is worth.',
          },
          options: null,
          required: true,
        },
      ],
    });
    await call(page, 'surveys.setProgramme', { surveyId, programmeSurveyId: QUARTERLY });
    await runWave(page, db, surveyId, 'Pulse 1', [
      ...Array.from({ length: 6 }, (): [string, number] => ['it', 2]),
      ...Array.from({ length: 24 }, (): [string, number] => ['operations', 5]),
    ]);
    await runWave(
      page,
      db,
      surveyId,
      'Pulse 2',
      Array.from({ length: 25 }, (): [string, number] => ['operations', 4]),
    );
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
    it(`HR reads the programme, chooses a wave and keeps it on reload (${locale}, ${viewport})`, async () => {
      const w = WORDS[locale];
      const shot = (n: string) => `console-programme-${locale}-${viewport}-${n}`;
      const { context, page } = await open(locale, viewport);
      await signIn(page, w, HR);
      const employees = page.getByRole('region', { name: w.employees, exact: true });
      const row = (name: string) => employees.getByRole('row', { name: new RegExp(`^${name}`) });
      // Recognition from the latest pulse; growth, which no pulse asks, from 2026-Q3, saying so.
      await expect.poll(async () => (await row(w.recognition).textContent()) ?? '').toMatch(w.pulse2);
      expect(await row(w.recognition).textContent()).not.toMatch(w.measuredInQ3);
      expect(await row(w.growth).textContent()).toMatch(w.measuredInQ3);
      const waveSelect = employees.getByLabel(w.wave, { exact: true });
      expect((await waveSelect.locator('option:checked').textContent())?.trim()).toMatch(w.latest);
      await check(page, shot('01-overview-latest'));

      // 2026-Q3 chosen: recognition is the quarterly survey's again, and the link keeps the choice.
      const q3 = (await waveSelect.locator('option').allTextContents()).find((o) => w.q3.test(o.trim()))!;
      await waveSelect.selectOption({ label: q3.trim() });
      const quarterly = new RegExp(`${w.decimal(quarterlyRecognition).replace('.', '\\.')}\\s*n = 94`);
      await expect.poll(async () => (await row(w.recognition).textContent()) ?? '').toMatch(quarterly);
      expect(page.url()).toContain('wave=');
      await page.reload();
      await expect.poll(async () => (await row(w.recognition).textContent()) ?? '').toMatch(quarterly);
      expect(await row(w.growth).textContent()).not.toMatch(w.measuredInQ3);
      await check(page, shot('02-overview-q3'));

      // The drill-down heatmap stays on the programme's fullest wave.
      await page.goto('/console/groups');
      await page.getByLabel(w.group, { exact: true }).selectOption({ label: w.employees });
      await page.getByLabel(w.cutBy).selectOption({ label: w.department });
      await page.getByRole('heading', { level: 2, name: w.heatmapQ3 }).waitFor();
      await check(page, shot('03-groups'));
      await context.close();
    });
  }

  for (const [locale, viewport] of [walks[0]!, walks[1]!]) {
    it(`the IT manager reads recognition from the last pulse their department answered (${locale}, ${viewport})`, async () => {
      const w = WORDS[locale];
      const { context, page } = await open(locale, viewport);
      await signIn(page, w, MANAGER);
      const employees = page.getByRole('region', { name: w.employees, exact: true });
      const row = (name: string) => employees.getByRole('row', { name: new RegExp(`^${name}`) });
      // Pulse 2 holds no answer from IT: the department's results are those of Pulse 1, and the page says why.
      await expect.poll(async () => (await row(w.recognition).textContent()) ?? '').toMatch(w.it);
      expect(await row(w.recognition).textContent()).not.toMatch(w.measuredInQ3);
      expect(await row(w.growth).textContent()).toMatch(w.measuredInQ3);
      await employees.getByRole('note').filter({ hasText: w.withheldPulse2 }).waitFor();
      // The wave picker names what the manager reads by default, not the pulse their department is withheld in.
      const waveSelect = employees.getByLabel(w.wave, { exact: true });
      expect((await waveSelect.locator('option:checked').textContent())?.trim()).toMatch(w.latestForIt);
      await check(page, `console-programme-manager-${locale}-${viewport}-overview`);
      await context.close();
    });
  }
});
