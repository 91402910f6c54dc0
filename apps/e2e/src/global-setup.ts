import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.ts';
import { startServer } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string | null;
    databaseUrl: string;
  }
}

/**
 * Starts one server for the browser tests. Without a browser they are skipped with the reason, except under CI,
 * where a missing browser is a failure: CI must prove the product in a real browser.
 */
export default async function setup(project: TestProject) {
  const chromium = ensureChromium();
  if (chromium.path === null) {
    if (process.env.CI === 'true') throw new Error(`browser tests cannot run under CI: ${chromium.reason}`);
    console.warn(`\n  ⚠ browser tests SKIPPED: ${chromium.reason}\n`);
  }
  const server = await startServer();
  project.provide('baseUrl', server.baseUrl);
  project.provide('chromiumPath', chromium.path);
  project.provide('databaseUrl', server.databaseUrl);
  return () => server.stop();
}
