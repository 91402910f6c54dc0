import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launchBrowser, VIEWPORTS, type ViewportName } from './browser.ts';
import { feedbackStory, invitationStory } from './portal-support.ts';

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');
const databaseUrl = inject('databaseUrl');

describe.skipIf(!chromiumPath)('the customer portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['en', 'fr'] as const) {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      // Bad input is tried once per language, on the desktop in English and on the phone in French.
      const checks = (locale === 'en') === (viewport === 'desktop');
      const story = () => ({ browser, baseUrl, databaseUrl, group: 'customer' as const, locale, viewport, checks });
      it(`${locale}, ${viewport}: an invitation answered, resumed and retried${checks ? ', bad input refused' : ''}`, () =>
        invitationStory(story()));
      it(`${locale}, ${viewport}: feedback sent, its reply read and answered; results and rules`, () =>
        feedbackStory(story()));
    }
  }
});
