import { type Db, listOutbox, newId, sendDueReminders } from '@facets/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildOrg, callerFor, key, type Org, openDb, TEST_BASE_URL } from '../test-setup.ts';

let db: Db;
let org: Org;

beforeEach(async () => {
  db = await openDb();
  org = await buildOrg(db.db);
});
afterEach(() => db.close());

/** The fixture's open employee wave opened on 1 November; the callers' clock reads 22 November, 09:00. */
const NOW = '2026-11-22T09:00:00.000Z';

describe('surveys.setReminders', () => {
  it('keeps whole days, sorted, shown on the survey', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const surveyId = org.surveys.employee.surveyId;
    expect(await hr.surveys.setReminders({ surveyId, afterOpening: [7, 3], beforeClosing: [1] })).toEqual({
      afterOpening: [3, 7],
      beforeClosing: [1],
    });
    expect((await hr.surveys.get({ surveyId })).reminders).toEqual({ afterOpening: [3, 7], beforeClosing: [1] });
    await hr.surveys.setReminders({ surveyId, afterOpening: [], beforeClosing: [] });
    expect((await hr.surveys.get({ surveyId })).reminders).toEqual({ afterOpening: [], beforeClosing: [] });
  });

  it('refuses a part of a day, or a sixth reminder', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const surveyId = org.surveys.employee.surveyId;
    for (const afterOpening of [[1.5], [1, 2, 3, 4, 5, 6], [0]]) {
      await expect(hr.surveys.setReminders({ surveyId, afterOpening, beforeClosing: [] })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
  });
});

describe('reminders of an anonymous survey, as an attacker reads them', () => {
  it('never go to someone who answered, and say nothing about who did', async () => {
    const hr = await callerFor(db.db, org.staff.hr.userId);
    const waveId = org.surveys.employee.waveId;
    const people = [org.stakeholders.alice, org.stakeholders.bob, org.stakeholders.carol];
    await hr.surveys.invitations.import({ waveId, csv: `email\n${people.map((p) => p.email).join('\n')}\n` });
    // Alice answers signed in to the portal, not through her link: only the wave's participation marker knows.
    const alice = await callerFor(db.db, org.stakeholders.alice.userId);
    await alice.portal.survey.submit({
      waveId,
      idempotencyKey: key(),
      answers: [
        { questionId: org.surveys.employee.questions.recognition_lived!, value: 4 },
        { questionId: org.surveys.employee.questions.recognition_expected!, value: 4 },
      ],
    });
    await hr.surveys.setReminders({ surveyId: org.surveys.employee.surveyId, afterOpening: [21], beforeClosing: [] });
    const run = () =>
      sendDueReminders(db.db, { organizationId: org.organizationId, now: NOW, baseUrl: TEST_BASE_URL, newId });
    expect(await run()).toEqual({ sent: 2 });
    expect(await run()).toEqual({ sent: 0 });
    const reminders = (await listOutbox(db.db, { organizationId: org.organizationId })).filter((m) =>
      /^(Rappel|Reminder)/.test(m.subject),
    );
    expect(reminders.map((m) => m.to).sort()).toEqual(
      [org.stakeholders.bob.email, org.stakeholders.carol.email].sort(),
    );
    // Take away the recipient's name and links: every reminder reads the same, whoever else answered.
    const bare = (body: string, name: string) =>
      body
        .replace(name, 'NAME')
        .replace(/http:\/\/facets\.test\/employee\/i\/[A-Za-z0-9_-]+/, 'LINK')
        .replace(/http:\/\/facets\.test\/console\/unsubscribe\?token=\S+/, 'UNSUBSCRIBE');
    const names = new Map(
      (
        await db.db
          .selectFrom('stakeholder')
          .select(['email', 'display_name'])
          .where('organization_id', '=', org.organizationId)
          .execute()
      ).map((p) => [p.email, p.display_name]),
    );
    const bodies = new Set(reminders.map((m) => bare(m.body, names.get(m.to)!)));
    expect(bodies.size).toBe(1);
    expect([...bodies][0]).not.toContain(names.get(org.stakeholders.alice.email)!);
    // Bob's reminder link opens his survey; it stopped working for nobody but him.
    const bob = reminders.find((m) => m.to === org.stakeholders.bob.email)!;
    const token = /\/employee\/i\/([A-Za-z0-9_-]+)/.exec(bob.body)![1]!;
    const visitor = await callerFor(db.db, null);
    expect((await visitor.portal.invitation.get({ token })).state).toBe('open');
  });
});
