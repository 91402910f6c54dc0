import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launchBrowser, VIEWPORTS, type ViewportName } from './browser.ts';
import { feedbackStory } from './portal-feedback.ts';
import type { Group } from './portal-fixtures.ts';
import { invitationStory, type Story } from './portal-support.ts';

/** Both stories of one portal in each language at each width; bad input once per language. */
export function describePortal(group: Group): void {
  const chromiumPath = inject('chromiumPath');
  const baseUrl = inject('baseUrl');
  const databaseUrl = inject('databaseUrl');
  describe.skipIf(!chromiumPath)(`the ${group} portal`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchBrowser(chromiumPath as string);
    });
    afterAll(async () => {
      await browser?.close();
    });
    for (const locale of ['en', 'fr'] as const) {
      for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
        // Bad input is tried on the desktop in English and on the phone in French.
        const checks = (locale === 'en') === (viewport === 'desktop');
        const story = (): Story => ({ browser, baseUrl, databaseUrl, group, locale, viewport, checks });
        const refused = checks ? ', bad input refused' : '';
        it(`${locale}, ${viewport}: an invitation answered, resumed and retried${refused}`, () =>
          invitationStory(story()));
        it(`${locale}, ${viewport}: feedback sent, its reply read and answered; results and rules`, () =>
          feedbackStory(story()));
      }
    }
  });
}
