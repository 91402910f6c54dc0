import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const screenshotsDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export async function launchBrowser(executablePath: string): Promise<Browser> {
  // Playwright gives every launch a fresh, empty profile.
  return chromium.launch({
    executablePath,
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
}

export async function newContext(
  browser: Browser,
  { locale, viewport, baseURL }: { locale: 'fr' | 'en'; viewport: ViewportName; baseURL: string },
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    viewport: VIEWPORTS[viewport],
    deviceScaleFactor: 1,
  });
}

/** Keeps a full-page screenshot of a step, named so that a reviewer can walk the story in order. */
export async function snap(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const path = join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/** Serious and critical accessibility violations on the page, as readable lines (empty when clean). */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * What makes the page wider than the screen (a phone must never scroll the whole page sideways): the outermost
 * elements whose right edge passes the viewport and that no scrolling container of their own holds; empty when none.
 */
export async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    if (document.documentElement.scrollWidth <= window.innerWidth) return [];
    const width = window.innerWidth;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 0.5 || clipped(el)) continue;
      if (el.parentElement && out.some((o) => o.startsWith(`${el.parentElement?.tagName}`))) continue;
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      out.push(
        `${name} ends at ${Math.round(r.right)} px of ${width}: “${(el.textContent ?? '').trim().slice(0, 60)}”`,
      );
      if (out.length >= 5) break;
    }
    return out.length > 0 ? out : [`the page is ${document.documentElement.scrollWidth - width} px too wide`];
  });
}

/** The demo accounts' password (`npm start`'s demo organisation). */
export const DEMO_PASSWORD = 'facets-demo';

/** The words of the sign-in form in the page's language. */
export interface SignInWords {
  email: string;
  password: string;
  signIn: string;
  signOut: string;
}

/**
 * Signs an account in (a demo account unless a password is given) on the sign-in form at `path` (the console's by
 * default) and waits for the signed-in page.
 */
export async function signIn(
  page: Page,
  w: SignInWords,
  email: string,
  path = '/console/',
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(path);
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  await page.getByRole('button', { name: w.signOut }).waitFor();
}

/** A page with its heading: accessible, no sideways scroll of the page, and a screenshot to look at. */
export async function checkPage(page: Page, shot: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect(await sidewaysOverflow(page)).toEqual([]);
  expect(await accessibilityViolations(page)).toEqual([]);
  await snap(page, shot);
}
