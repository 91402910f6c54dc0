import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newContext, snap } from './browser.ts';
import {
  DEMO,
  type DemoRole,
  expectClean,
  mutationStatus,
  openPage,
  queryStatus,
  signIn,
  WORDS,
  type Words,
} from './console-plan-words.ts';

/**
 * Every demo role in the console: the planning and operations pages it finds in the navigation, the pages it may
 * read but not change (a read-only notice, no buttons), and the changes the API refuses it even when sent by hand.
 */

const chromiumPath = inject('chromiumPath');
const baseUrl = inject('baseUrl');

type Entry = 'inbox' | 'intended' | 'initiatives' | 'promises' | 'people' | 'settings';
const ENTRIES: Entry[] = ['inbox', 'intended', 'initiatives', 'promises', 'people', 'settings'];

interface Expectation {
  nav: Entry[];
  /** Pages shown with the read-only notice. */
  readOnly: Entry[];
  /** Changes the API must refuse with 403, whatever the screen shows. */
  refused: [path: string, input: unknown][];
  /** Reads the API must refuse with 403. */
  refusedReads: string[];
}

const anIntention = {
  groupId: 'demo-group-shareholder',
  dimensionId: 'demo-dim-listening',
  statement: { fr: 'Refusé', en: 'Refused' },
  target: 50,
  priority: 2,
};
const anInitiative = {
  title: { fr: 'Refusée', en: 'Refused' },
  description: null,
  kind: 'process',
  ownerDepartment: 'hr',
  status: 'planned',
  startDate: null,
  endDate: null,
  targets: [],
};
const aPromise = {
  groupId: 'demo-group-shareholder',
  dimensionId: null,
  channel: 'other',
  statement: { fr: 'Refusée', en: 'Refused' },
  madeOn: '2026-12-01',
};
const anInvitation = { name: 'Nobody', email: 'nobody@example.test', role: 'admin' };

const ROLES: Record<DemoRole, Expectation> = {
  admin: { nav: ENTRIES, readOnly: [], refused: [], refusedReads: [] },
  leadership: {
    nav: ENTRIES,
    readOnly: ['people', 'settings'],
    refused: [
      ['admin.members.invite', anInvitation],
      ['admin.settings.update', { kThreshold: 3 }],
    ],
    refusedReads: [],
  },
  hr: {
    nav: ENTRIES,
    readOnly: ['intended', 'people', 'settings'],
    refused: [
      ['plan.intended.set', anIntention],
      ['admin.settings.update', { kThreshold: 3 }],
    ],
    refusedReads: [],
  },
  analyst: {
    nav: ENTRIES,
    readOnly: ['inbox', 'intended', 'initiatives', 'promises', 'people', 'settings'],
    refused: [
      ['plan.intended.set', anIntention],
      ['plan.initiatives.create', anInitiative],
      ['plan.promises.create', aPromise],
      ['feedback.setStatus', { feedbackId: 'demo-feedback-01', status: 'resolved' }],
      ['admin.members.invite', anInvitation],
      ['admin.settings.update', { kThreshold: 3 }],
    ],
    refusedReads: [],
  },
  manager: {
    nav: ['intended', 'initiatives', 'promises'],
    readOnly: ['intended', 'initiatives', 'promises'],
    refused: [
      ['plan.intended.set', anIntention],
      ['plan.promises.create', aPromise],
      ['feedback.reply', { feedbackId: 'demo-feedback-01', body: 'Refused' }],
      ['admin.members.invite', anInvitation],
    ],
    refusedReads: ['feedback.inbox', 'admin.members.list', 'admin.settings.get'],
  },
};

/** The button each page offers to those who may change it. */
const ACTION: Partial<Record<Entry, (w: Words) => string>> = {
  initiatives: (w) => w.newInitiative,
  promises: (w) => w.newPromise,
  people: (w) => w.invite,
};

async function checkRole(page: Page, role: DemoRole, w: Words, shot: string): Promise<void> {
  const expected = ROLES[role];
  await signIn(page, w, DEMO[role]);
  const nav = page.getByRole('navigation');
  for (const entry of ENTRIES) {
    const link = nav.getByRole('link', { name: w.nav[entry], exact: true });
    expect(await link.count(), `${role} sees ${entry} in the navigation`).toBe(expected.nav.includes(entry) ? 1 : 0);
  }
  for (const entry of expected.nav) {
    await openPage(page, w, entry);
    // Every page is ready once its data is shown: its CSV export (a table), or the settings' fields.
    await (entry === 'settings'
      ? page.getByLabel(w.kThreshold).waitFor()
      : page.getByRole('button', { name: w.exportCsv }).first().waitFor());
    const notice = page.getByText(w.readOnly, { exact: true });
    const readOnly = expected.readOnly.includes(entry);
    expect(await notice.count(), `${role} on ${entry}: read-only notice`).toBe(readOnly ? 1 : 0);
    const action = ACTION[entry];
    if (action) {
      const button = page.getByRole('button', { name: action(w), exact: true });
      expect(await button.count(), `${role} on ${entry}: ${action(w)}`).toBe(readOnly ? 0 : 1);
    }
    if (entry === 'intended') {
      const editButtons = page.getByRole('button', { name: /intended experience of/ });
      expect((await editButtons.count()) > 0, `${role} can edit targets`).toBe(!readOnly);
    }
    if (entry === 'settings') {
      expect(await page.getByRole('button', { name: w.saveSettings }).count()).toBe(readOnly ? 0 : 1);
    }
    if (readOnly) {
      await expectClean(page);
      await snap(page, `${shot}-${entry}`);
    }
  }
  for (const [path, input] of expected.refused) {
    expect(await mutationStatus(page, path, input), `${role} → ${path}`).toBe(403);
  }
  for (const path of expected.refusedReads) {
    expect(await queryStatus(page, path), `${role} → ${path}`).toBe(403);
  }
}

describe.skipIf(!chromiumPath)('what each role sees and may change in the console', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const role of Object.keys(ROLES) as DemoRole[]) {
    it(role, async () => {
      const context = await newContext(browser, { locale: 'en', viewport: 'desktop', baseURL: baseUrl });
      await checkRole(await context.newPage(), role, WORDS.en, `console-plan-role-${role}-en-desktop`);
      await context.close();
    }, 180_000);
  }

  it('manager, in French on a phone: no inbox, even by its address', async () => {
    const w = WORDS.fr;
    const context = await newContext(browser, { locale: 'fr', viewport: 'phone', baseURL: baseUrl });
    const page = await context.newPage();
    await checkRole(page, 'manager', w, 'console-plan-role-manager-fr-phone');
    await page.goto('/console/inbox');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: w.nav.inbox }).count()).toBe(0);
    await expectClean(page);
    await snap(page, 'console-plan-role-manager-fr-phone-inbox-by-address');
    await context.close();
  }, 180_000);
});
