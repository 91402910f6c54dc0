import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startFacets } from './server.ts';
import { percentile, round } from './stats.ts';

const APPS = fileURLToPath(new URL('../../', import.meta.url));

/** Each face and its app folder; the key names the figure (`portals.<face>_js_gzip_kb`). */
export const FACES = [
  ['employee', 'employee-portal'],
  ['supplier', 'supplier-portal'],
  ['customer', 'customer-portal'],
  ['shareholder', 'shareholder-portal'],
  ['group', 'group-portal'],
  ['console', 'console'],
] as const;

/**
 * The JavaScript a face sends, gzipped as a server would (zlib's default level), in KB: every .js of its built
 * dist/assets. null when the app is not built.
 */
export function jsGzipKb(): Record<string, number | null> {
  const result: Record<string, number | null> = {};
  for (const [face, app] of FACES) {
    const assets = join(APPS, app, 'dist', 'assets');
    if (!existsSync(assets)) {
      result[face] = null;
      continue;
    }
    let bytes = 0;
    for (const name of readdirSync(assets)) {
      if (name.endsWith('.js')) bytes += gzipSync(readFileSync(join(assets, name))).length;
    }
    result[face] = round(bytes / 1024, 1);
  }
  return result;
}

/**
 * The app module of the page each face shows first, after sign-in (the sign-in form is in the entry). The console
 * opens on its overview (pages.tsx, route '').
 */
export const FIRST_PAGE = { console: 'src/overview/Overview.tsx' } as const;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/**
 * The JavaScript the browser fetches to draw a face's first screen, gzipped, in KB: its entry and the chunks the entry
 * imports statically, then the chunk of its first page and that chunk's static imports, as Vite's manifest
 * (`dist/.vite/manifest.json`, `build.manifest`) lists them; each file counted once. null when the app is not built.
 */
export function firstScreenJsGzipKb(app: string, page: string): number | null {
  const file = join(APPS, app, 'dist', '.vite', 'manifest.json');
  if (!existsSync(file)) return null;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${app}: no chunk ${key} in ${file}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  visit(page);
  let bytes = 0;
  for (const name of files) {
    if (name.endsWith('.js')) bytes += gzipSync(readFileSync(join(APPS, app, 'dist', name))).length;
  }
  return round(bytes / 1024, 1);
}

export const CHROMIUM = '/usr/bin/chromium';
const EMPLOYEE = 'employee@demo.facets.test';
const DEMO_PASSWORD = 'facets-demo';

declare global {
  interface Window {
    __firstQuestion?: number;
  }
}

/**
 * `portals.employee_first_question_ms`: a signed-in employee opens the link of the open survey (as from an invitation
 * e-mail) in a fresh browser context (empty cache); the time from navigation start to the first question's prompt
 * and rating scale being on screen, read from the page's own clock. Median of `runs`. Needs the built employee portal
 * and Debian's Chromium; starts its own server on a fresh database with the demo organisation.
 */
export async function employeeFirstQuestionMs(runs: number): Promise<{ ms: number | null; samples: number[] }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  if (!existsSync(join(APPS, 'employee-portal', 'dist', 'index.html'))) throw new Error('employee portal not built');
  const dir = mkdtempSync(join(tmpdir(), 'facets-bench-portal-'));
  const server = await startFacets(join(dir, 'demo.sqlite'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: server.baseUrl, locale: 'en-GB' });
      try {
        const signedIn = await context.request.post('/api/auth/sign-in/email', {
          data: { email: EMPLOYEE, password: DEMO_PASSWORD },
          headers: { origin: server.baseUrl },
        });
        if (!signedIn.ok()) throw new Error(`employee sign-in failed: ${signedIn.status()}`);
        const list = (await (await context.request.get('/trpc/portal.survey.list')).json()) as {
          result: { data: { waveId: string; answered: boolean }[] };
        };
        const open = list.result.data.find((s) => !s.answered);
        if (!open) throw new Error('the demo employee has no open survey');
        await context.addInitScript(() => {
          const seen = () => {
            const prompt = document.querySelector('h2.fx-question');
            const choice = document.querySelector('input[type="radio"]');
            if (prompt && choice && prompt.getClientRects().length > 0) {
              window.__firstQuestion = performance.now();
              return true;
            }
            return false;
          };
          const observer = new MutationObserver(() => {
            if (seen()) observer.disconnect();
          });
          observer.observe(document, { childList: true, subtree: true });
        });
        const page = await context.newPage();
        await page.goto(`/employee/surveys/${encodeURIComponent(open.waveId)}`);
        await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 30_000 });
        samples.push(await page.evaluate(() => window.__firstQuestion!));
      } finally {
        await context.close();
      }
    }
    return { ms: round(percentile(samples, 50), 0), samples: samples.map((s) => round(s, 0)!) };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
