import { createFeedback, type Db, issueInvitations, newId } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSegmentAttribute } from './insights/testing.ts';
import { addUser, buildOrg, callerFor, employeeAnswers, key, type Org, openDb, supplierAnswers } from './test-setup.ts';

/**
 * Who may call what: every procedure × every kind of caller, in one table. A caller's own organisation supplies the
 * ids it passes, so an allowed call must succeed; a refused one must fail with the code named here.
 */
const WHO = [
  'anonymous',
  'outsider', // signed in, member of no organisation
  'employee',
  'supplier',
  'admin',
  'leadership',
  'hr',
  'manager',
  'analyst',
  'otherOrgLeadership',
] as const;
type Who = (typeof WHO)[number];

const STAKEHOLDERS: Who[] = ['employee', 'supplier'];
const STAFF: Who[] = ['admin', 'leadership', 'hr', 'manager', 'analyst', 'otherOrgLeadership'];
const ACTING_STAFF: Who[] = ['admin', 'leadership', 'hr', 'otherOrgLeadership'];
/** Views of a whole group or its segments: not managers, who see their own department only. */
const WHOLE_ORG: Who[] = ['admin', 'leadership', 'hr', 'analyst', 'otherOrgLeadership'];
const LEADERS: Who[] = ['admin', 'leadership', 'otherOrgLeadership'];
const ADMINS: Who[] = ['admin'];
const EVERYONE: Who[] = [...WHO];

type Api = Awaited<ReturnType<typeof callerFor>>;
interface Env {
  org: Org;
  /** The caller's own stakeholder record when a stakeholder. */
  self: { stakeholderId: string; group: 'employee' | 'supplier' } | null;
  /** A feedback of the caller's organisation (the caller's own one for stakeholders). */
  feedbackId: string;
  /** A fresh, unused invitation link to the employee survey of the caller's organisation. */
  invite: () => Promise<string>;
}

const MATRIX: [procedure: string, allowed: Who[], call: (api: Api, env: Env) => Promise<unknown>][] = [
  ['session.me', EVERYONE, (api) => api.session.me()],
  ['portal.survey.list', STAKEHOLDERS, (api) => api.portal.survey.list()],
  ['portal.survey.get', STAKEHOLDERS, (api, e) => api.portal.survey.get({ waveId: waveOf(e) })],
  [
    'portal.survey.submit',
    STAKEHOLDERS,
    (api, e) =>
      api.portal.survey.submit({
        waveId: waveOf(e),
        idempotencyKey: key(),
        answers: e.self?.group === 'supplier' ? supplierAnswers(e.org) : employeeAnswers(e.org),
      }),
  ],
  ['portal.dimension.list', STAKEHOLDERS, (api) => api.portal.dimension.list()],
  [
    'portal.feedback.submit',
    STAKEHOLDERS,
    (api) => api.portal.feedback.submit({ idempotencyKey: key(), category: 'suggestion', body: 'An idea' }),
  ],
  ['portal.feedback.list', STAKEHOLDERS, (api) => api.portal.feedback.list()],
  [
    'portal.feedback.reply',
    STAKEHOLDERS,
    (api, e) => api.portal.feedback.reply({ feedbackId: e.feedbackId, body: 'More' }),
  ],
  ['insights.overview', STAFF, (api) => api.insights.overview()],
  ['insights.compareGroups', STAFF, (api) => api.insights.compareGroups({ metric: 'lived' })],
  [
    'insights.breakdown',
    WHOLE_ORG,
    (api, e) => api.insights.breakdown({ groupId: e.org.groups.employee, segmentKey: 'department' }),
  ],
  [
    'insights.dimension',
    STAFF,
    (api, e) => api.insights.dimension({ groupId: e.org.groups.employee, dimensionId: e.org.dimensions.recognition }),
  ],
  ['insights.drivers', WHOLE_ORG, (api, e) => api.insights.drivers({ groupId: e.org.groups.employee })],
  ['insights.alerts', STAFF, (api) => api.insights.alerts()],
  ['insights.maturity.get', WHOLE_ORG, (api) => api.insights.maturity.get()],
  [
    'insights.maturity.assess',
    LEADERS,
    (api) => api.insights.maturity.assess({ stage: 2, answers: { why: 'A test' } }),
  ],
  ['feedback.inbox', STAFF, (api) => api.feedback.inbox()],
  ['feedback.reply', ACTING_STAFF, (api, e) => api.feedback.reply({ feedbackId: e.feedbackId, body: 'Thanks' })],
  [
    'feedback.setStatus',
    ACTING_STAFF,
    (api, e) => api.feedback.setStatus({ feedbackId: e.feedbackId, status: 'in_progress' }),
  ],
  ['org.groups', STAFF, (api) => api.org.groups()],
  // An invitation link needs no account: whoever holds the token may open and answer its one survey.
  ['portal.invitation.get', EVERYONE, async (api, e) => api.portal.invitation.get({ token: await e.invite() })],
  [
    'portal.invitation.submit',
    EVERYONE,
    async (api, e) =>
      api.portal.invitation.submit({ token: await e.invite(), idempotencyKey: key(), answers: employeeAnswers(e.org) }),
  ],
  ['portal.results.get', STAKEHOLDERS, (api) => api.portal.results.get()],
  ['portal.rules.get', STAKEHOLDERS, (api) => api.portal.rules.get()],
  ['admin.outbox.list', ADMINS, (api) => api.admin.outbox.list()],
  ['admin.portalSettings.get', ADMINS, (api) => api.admin.portalSettings.get()],
  ['admin.portalSettings.update', ADMINS, (api) => api.admin.portalSettings.update({ allowAnonymousFeedback: true })],
];

const waveOf = (e: Env) =>
  e.self?.group === 'supplier' ? e.org.surveys.supplier.waveId : e.org.surveys.employee.waveId;

let db: Db;
let envs: Record<Who, { userId: string | null; env: Env }>;

beforeAll(async () => {
  db = await openDb();
  const [ours, other] = [await buildOrg(db.db), await buildOrg(db.db)];
  for (const org of [ours, other]) {
    await addSegmentAttribute(db.db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
  }
  const feedbackOf = async (org: Org, stakeholderId: string, groupId: string) =>
    (
      await createFeedback(db.db, {
        organizationId: org.organizationId,
        groupId,
        stakeholderId,
        idempotencyKey: key(),
        category: 'question',
        body: 'Seeded',
        now: org.now,
        newId,
      })
    ).id;
  const aliceFeedback = await feedbackOf(ours, ours.stakeholders.alice.id, ours.groups.employee);
  const samFeedback = await feedbackOf(ours, ours.stakeholders.sam.id, ours.groups.supplier);
  const otherFeedback = await feedbackOf(other, other.stakeholders.sam.id, other.groups.supplier);
  const inviter = (org: Org) => async () => {
    const person = await addStakeholder(db.db, org, { groupId: org.groups.employee });
    const [issued] = await issueInvitations(db.db, {
      organizationId: org.organizationId,
      waveId: org.surveys.employee.waveId,
      stakeholderIds: [person.id],
      expiresAt: '2027-01-01T00:00:00.000Z',
      now: org.now,
      newId,
    });
    return issued!.token;
  };
  const invite = inviter(ours);
  const staff = (userId: string) => ({ userId, env: { org: ours, self: null, feedbackId: samFeedback, invite } });
  envs = {
    anonymous: { userId: null, env: { org: ours, self: null, feedbackId: samFeedback, invite } },
    outsider: {
      userId: await addUser(db.db, 'outsider@example.test', ours.now),
      env: { org: ours, self: null, feedbackId: samFeedback, invite },
    },
    employee: {
      userId: ours.stakeholders.alice.userId,
      env: {
        org: ours,
        self: { stakeholderId: ours.stakeholders.alice.id, group: 'employee' },
        feedbackId: aliceFeedback,
        invite,
      },
    },
    supplier: {
      userId: ours.stakeholders.sam.userId,
      env: {
        org: ours,
        self: { stakeholderId: ours.stakeholders.sam.id, group: 'supplier' },
        feedbackId: samFeedback,
        invite,
      },
    },
    admin: staff(ours.staff.admin.userId),
    leadership: staff(ours.leadership.userId),
    hr: staff(ours.staff.hr.userId),
    manager: staff(ours.staff.manager.userId),
    analyst: staff(ours.staff.analyst.userId),
    otherOrgLeadership: {
      userId: other.leadership.userId,
      env: { org: other, self: null, feedbackId: otherFeedback, invite: inviter(other) },
    },
  };
});
afterAll(() => db.close());

describe.each(MATRIX)('%s', (_procedure, allowed, call) => {
  it.each(WHO)('%s', async (who) => {
    const { userId, env } = envs[who];
    const result = call(await callerFor(db.db, userId), env);
    if (allowed.includes(who)) {
      await result; // an allowed call succeeds: a rejection fails the test with its own message
      return;
    }
    const error = await result.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
  });
});

it('covers every procedure of the router', async () => {
  const { appRouter } = await import('./root.ts');
  expect(MATRIX.map(([p]) => p).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
});
