import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  accessibilityViolations,
  launchBrowser,
  newContext,
  sidewaysOverflow,
  snap,
  VIEWPORTS,
  type ViewportName,
} from './browser.ts';

/**
 * Every face of the product, in both languages and at both widths: the sign-in page and the first page after
 * signing in render, pass an accessibility scan, and leave a screenshot to look at.
 */

const FACES = [
  { path: '/console/', email: 'hr@demo.facets.test' },
  { path: '/employee/', email: 'employee@demo.facets.test' },
  { path: '/supplier/', email: 'supplier@demo.facets.test' },
  { path: '/customer/', email: 'customer@demo.facets.test' },
  { path: '/shareholder/', email: 'shareholder@demo.facets.test' },
] as const;

const WORDS = {
  en: { email: 'Email', password: 'Password', signIn: 'Sign in', signOut: 'Sign out' },
  fr: { email: 'E-mail', password: 'Mot de passe', signIn: 'Se connecter', signOut: 'Se déconnecter' },
} as const;

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

describe.skipIf(!chromiumPath)('every face, in French and English, on a desktop and a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['fr', 'en'] as const) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      it(`${locale}, ${viewport}`, async () => {
        const w = WORDS[locale];
        for (const face of FACES) {
          const name = `faces-${locale}-${viewport}-${face.path.replaceAll('/', '')}`;
          const context = await newContext(browser, { locale, viewport, baseURL: baseUrl });
          const page = await context.newPage();
          await page.goto(face.path);
          await page.getByRole('button', { name: w.signIn, exact: true }).waitFor();
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect(await accessibilityViolations(page)).toEqual([]);
          await snap(page, `${name}-1-sign-in`);

          await page.getByLabel(w.email).fill(face.email);
          await page.getByLabel(w.password).fill('facets-demo');
          await page.getByRole('button', { name: w.signIn, exact: true }).click();
          await page.getByRole('button', { name: w.signOut }).waitFor();
          await page.getByRole('heading', { level: 1 }).waitFor();
          // Nothing wider than the screen: a phone never scrolls the whole page sideways.
          expect(await sidewaysOverflow(page)).toEqual([]);
          expect(await accessibilityViolations(page)).toEqual([]);
          await snap(page, `${name}-2-home`);
          await context.close();
        }
      });
    }
  }
});
