import {
  createSurvey,
  type Db,
  enqueueMessage,
  invitationLink,
  listOutbox,
  markSent,
  newId,
  saveQuestions,
  scheduleWave,
} from '@facets/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createContextInner, type MailDelivery } from '../context.ts';
import { createCaller } from '../root.ts';
import { buildOrg, count, fakeAccounts, type Org, openDb, silentLog, TEST_BASE_URL } from '../test-setup.ts';

/**
 * The audit log and the outbox's secret links, through the API: who reads the log, one event per audited action and
 * none for a refused one, and what an admin may see of the links messages carry, with SMTP and without.
 */

let db: Db;
let org: Org;
const NOW = '2026-11-22T09:00:00.000Z';

beforeAll(async () => {
  db = await openDb();
});
afterAll(() => db.close());
beforeEach(async () => {
  org = await buildOrg(db.db);
});

async function as(userId: string, mailDelivery: MailDelivery = 'outbox') {
  const now = new Date(NOW);
  return createCaller(
    await createContextInner({
      db: db.db,
      session: { userId },
      clock: () => now,
      newId,
      baseUrl: TEST_BASE_URL,
      log: silentLog,
      accounts: fakeAccounts(db.db),
      mailDelivery,
    }),
  );
}

const admin = () => as(org.staff.admin.userId);
const nina = () => `nina@${org.slug}.test`;
const events = async () => (await (await admin()).audit.list()).events;
const eventCount = async () =>
  Number(
    (
      await db.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', org.organizationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function rejection(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

/** A launched employee survey whose one wave opens a week after NOW. */
async function scheduledWave(): Promise<string> {
  const base = { organizationId: org.organizationId, now: NOW, newId };
  const { surveyId } = await createSurvey(db.db, {
    ...base,
    organizationName: 'Org',
    groupId: org.groups.employee,
    title: { fr: 'Accueil', en: 'Onboarding' },
  });
  await saveQuestions(db.db, {
    organizationId: org.organizationId,
    surveyId,
    newId,
    questions: [
      {
        type: 'text',
        scale: null,
        facet: null,
        dimensionId: null,
        prompt: { fr: 'Un mot ?', en: 'A word?' },
        options: null,
        required: false,
      },
    ],
  });
  const { waveId } = await scheduleWave(db.db, {
    ...base,
    surveyId,
    label: 'January',
    opensAt: '2026-11-29T09:00:00.000Z',
    closesAt: '2026-12-20T09:00:00.000Z',
  });
  return waveId;
}

describe('audit.list', () => {
  it('is read by admins and leadership only', async () => {
    await (await admin()).admin.settings.update({ kThreshold: 6 });
    const led = await as(org.leadership.userId);
    expect((await led.audit.list()).events.map((e) => e.action)).toEqual(['settings.update']);
    for (const who of [org.staff.hr, org.staff.analyst, org.staff.manager, org.stakeholders.alice]) {
      expect((await rejection((await as(who.userId)).audit.list())).code).toBe('FORBIDDEN');
    }
  });

  it('pages newest first and filters by action; a wrong filter is refused naming the field', async () => {
    const api = await admin();
    for (const k of [6, 7, 8]) await api.admin.settings.update({ kThreshold: k });
    await api.audit.recordExport({ table: 'People and roles', rows: 6, page: '/console/people' });
    const first = await api.audit.list({ limit: 2 });
    expect(first.events.map((e) => e.action)).toEqual(['export.csv', 'settings.update']);
    const rest = await api.audit.list({ limit: 2, cursor: first.nextCursor! });
    expect(rest.events.map((e) => e.details.kThreshold)).toEqual([
      { from: 6, to: 7 },
      { from: 3, to: 6 },
    ]);
    expect(rest.nextCursor).toBeNull();
    expect((await api.audit.list({ action: 'export.csv' })).events).toHaveLength(1);
    const bad = await rejection(api.audit.list({ action: 'responses.read' as 'export.csv' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('action');
  });
});

describe('each audited action writes exactly one event, a refused one none', () => {
  it('settings: old → new for what changed; nothing for a change to nothing or a refusal', async () => {
    const api = await admin();
    await api.admin.settings.update({ kThreshold: 7, allowAnonymousFeedback: true, name: 'Maison' });
    const [event] = await events();
    expect(event).toMatchObject({
      action: 'settings.update',
      actor: { memberId: org.staff.admin.memberId },
      details: { kThreshold: { from: 3, to: 7 }, name: { from: `Organisation ${org.slug}`, to: 'Maison' } },
    });
    // allowAnonymousFeedback was already true: not a change.
    expect(Object.keys(event!.details).sort()).toEqual(['kThreshold', 'name']);
    await api.admin.settings.update({ kThreshold: 7 });
    expect(await eventCount()).toBe(1);
    const low = await rejection(api.admin.settings.update({ kThreshold: 2 }));
    expect(low.message).toContain('kThreshold');
    expect((await rejection((await as(org.staff.hr.userId)).admin.settings.update({ kThreshold: 9 }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await eventCount()).toBe(1);
  });

  it('staff: an invitation, a new invitation, a role change and a removal', async () => {
    const api = await admin();
    const member = await api.admin.members.invite({ name: 'Nina', email: nina(), role: 'analyst' });
    await api.admin.members.resendInvitation({ memberId: member.memberId });
    await api.admin.members.updateRole({ memberId: member.memberId, role: 'hr' });
    await api.admin.members.updateRole({ memberId: member.memberId, role: 'hr' }); // no change
    await api.admin.members.remove({ memberId: member.memberId });
    expect((await events()).map((e) => [e.action, e.target, e.details])).toEqual([
      ['members.remove', member.memberId, { name: 'Nina', email: nina(), role: 'hr', department: null }],
      ['members.update_role', member.memberId, { name: 'Nina', email: nina(), role: { from: 'analyst', to: 'hr' } }],
      ['members.resend_invitation', member.memberId, expect.objectContaining({ email: nina() })],
      ['members.invite', member.memberId, { name: 'Nina', email: nina(), role: 'analyst', department: null }],
    ]);
    // Refused: removing oneself, demoting the last admin, an unknown member, a manager without a department.
    await rejection(api.admin.members.remove({ memberId: org.staff.admin.memberId }));
    await rejection(api.admin.members.updateRole({ memberId: org.staff.admin.memberId, role: 'analyst' }));
    await rejection(api.admin.members.remove({ memberId: newId() }));
    await rejection(api.admin.members.invite({ name: 'Max', email: `max@${org.slug}.test`, role: 'manager' }));
    expect(await eventCount()).toBe(4);
  });

  it('invitations: how many were added to which wave, flagged when the wave is already open; never who', async () => {
    const api = await admin();
    const scheduled = await scheduledWave();
    await api.surveys.invitations.import({ waveId: scheduled, csv: 'email,name\nana@people.test,Ana' });
    const open = org.surveys.employee.waveId;
    await api.surveys.invitations.import({
      waveId: open,
      csv: 'email,name\nleo@people.test,Léo\nmia@people.test,Mia',
    });
    const [late, early] = await events();
    expect(early).toMatchObject({
      action: 'invitations.import',
      target: scheduled,
      details: { wave: 'January', group: 'employee', invited: 1, created: 1, rows: 1 },
    });
    expect(late).toMatchObject({ action: 'invitations.import_open_wave', target: open, details: { invited: 2 } });
    const log = JSON.stringify(await events());
    for (const who of ['ana@', 'leo@', 'mia@', 'Léo', 'Mia']) expect(log).not.toContain(who);
    // A refused file (a bad address) writes no invitation and no event.
    const refused = await api.surveys.invitations.import({ waveId: open, csv: 'email\nnot-an-address' });
    expect(refused.status).toBe('refused');
    expect(await eventCount()).toBe(2);
  });

  it('exports: any staff member’s export is recorded with its table; bad input names the field', async () => {
    const analyst = await as(org.staff.analyst.userId);
    await analyst.audit.recordExport({ table: 'Compare stakeholders', rows: 12, page: '/console/compare' });
    expect(await events()).toMatchObject([
      {
        action: 'export.csv',
        target: 'Compare stakeholders',
        actor: { memberId: org.staff.analyst.memberId },
        details: { table: 'Compare stakeholders', rows: 12, page: '/console/compare' },
      },
    ]);
    const bad = await rejection(analyst.audit.recordExport({ table: 'x', rows: 1, page: 'https://evil.example/?q=1' }));
    expect(bad.message).toContain('page');
    await rejection(analyst.audit.recordExport({ table: '', rows: 1, page: '/console/' }));
    await rejection((await as(org.stakeholders.alice.userId)).audit.recordExport({ table: 'T', rows: 1, page: '/' }));
    expect(await eventCount()).toBe(1);
  });
});

describe('secret links in the outbox', () => {
  const magic = `${TEST_BASE_URL}/api/auth/magic-link/verify?token=MAGIC-TOKEN&callbackURL=%2Fconsole%2F`;

  async function messages() {
    const invited = await (await admin()).admin.members.invite({ name: 'Nina', email: nina(), role: 'hr' });
    await (await admin()).surveys.invitations.import({
      waveId: org.surveys.employee.waveId,
      csv: 'email\nana@people.test',
    });
    const signIn = await enqueueMessage(db.db, {
      organizationId: org.organizationId,
      to: `hr@${org.slug}.test`,
      subject: 'Your sign-in link',
      body: `Here is your link:\n${magic}\n`,
      now: NOW,
      newId,
    });
    const all = await listOutbox(db.db, { organizationId: org.organizationId });
    const find = (to: string) => all.find((m) => m.to === to)!;
    return { invited, password: find(nina()), survey: find('ana@people.test'), signIn: signIn.id };
  }

  it('with SMTP, no reader sees a link, and a delivered message no longer stores it', async () => {
    const m = await messages();
    const api = await as(org.staff.admin.userId, 'smtp');
    const before = await eventCount();
    const listed = (await api.admin.outbox.list()).messages;
    expect(listed).toHaveLength(3);
    for (const message of listed) {
      expect(message.body).not.toMatch(/token|\/i\//);
      expect(message.links.every((l) => !l.readable)).toBe(true);
    }
    expect(listed.find((l) => l.id === m.survey.id)?.body).toContain(
      '[survey invitation link, not shown · lien d’invitation à l’enquête, non affiché]',
    );
    const read = await api.admin.outbox.read({ messageId: m.password.id });
    expect(read.body).not.toContain('token');
    expect(read.links).toEqual([{ kind: 'set_password', readable: false }]);
    expect(await eventCount()).toBe(before);

    await markSent(db.db, { id: m.survey.id, now: NOW });
    const stored = await db.db
      .selectFrom('outbox')
      .select('body')
      .where('id', '=', m.survey.id)
      .executeTakeFirstOrThrow();
    expect(stored.body).not.toContain(invitationLink(TEST_BASE_URL, 'employee', '').slice(0, -1));
    expect(stored.body).toContain('sent by e-mail, not kept');
  });

  it('without SMTP, an admin reads invitation and password links, each reading recorded; sign-in links never', async () => {
    const m = await messages();
    const api = await admin();
    const before = await eventCount();
    // The list itself shows no link, and says which ones a reading would show.
    const listed = (await api.admin.outbox.list()).messages;
    expect(listed.find((l) => l.id === m.signIn)?.links).toEqual([{ kind: 'sign_in', readable: false }]);
    expect(listed.find((l) => l.id === m.survey.id)?.links).toEqual([{ kind: 'invitation', readable: true }]);
    expect(JSON.stringify(listed)).not.toMatch(/token-|MAGIC-TOKEN|\/employee\/i\//);
    expect(await eventCount()).toBe(before);

    const survey = await api.admin.outbox.read({ messageId: m.survey.id });
    expect(survey.body).toBe(m.survey.body);
    const password = await api.admin.outbox.read({ messageId: m.password.id });
    expect(password.body).toContain('/console/set-password?token=token-');
    const signIn = await api.admin.outbox.read({ messageId: m.signIn });
    expect(signIn.body).not.toContain('MAGIC-TOKEN');
    expect(signIn.body).toContain('[sign-in link, not shown · lien de connexion, non affiché]');

    const reads = (await api.audit.list({ action: 'outbox.read' })).events;
    expect(reads.map((e) => [e.target, e.details])).toEqual([
      [m.password.id, { links: ['set_password'], to: nina() }],
      [m.survey.id, { links: ['invitation'] }],
    ]);
    // The invitee of a survey is not named in the log.
    expect(JSON.stringify(reads)).not.toContain('ana@people.test');
    expect(await eventCount()).toBe(before + 2);
  });

  it('reading is for admins of the message’s organisation', async () => {
    const m = await messages();
    const other = await buildOrg(db.db);
    const outsider = await as(other.staff.admin.userId);
    expect((await rejection(outsider.admin.outbox.read({ messageId: m.survey.id }))).code).toBe('NOT_FOUND');
    expect(
      (await rejection((await as(org.leadership.userId)).admin.outbox.read({ messageId: m.survey.id }))).code,
    ).toBe('FORBIDDEN');
    expect(await count(db.db, 'audit_event')).toBeGreaterThan(0);
    expect((await events()).filter((e) => e.action === 'outbox.read')).toEqual([]);
  });
});
