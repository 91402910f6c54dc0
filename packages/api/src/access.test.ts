import {
  addStaffMember,
  createFeedback,
  createInitiative,
  createPromise,
  type Db,
  newId,
  setIntendedExperience,
} from '@facets/db';
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
/** Feedback, people and settings: read by the whole-organisation roles, never by managers. */
const NOT_MANAGERS: Who[] = WHOLE_ORG;
const ADMIN: Who[] = ['admin'];
const EVERYONE: Who[] = [...WHO];

type Api = Awaited<ReturnType<typeof callerFor>>;
interface Env {
  org: Org;
  /** The caller's own stakeholder record when a stakeholder. */
  self: { stakeholderId: string; group: 'employee' | 'supplier' } | null;
  /** A feedback of the caller's organisation (the caller's own one for stakeholders). */
  feedbackId: string;
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
  ['feedback.inbox', NOT_MANAGERS, (api) => api.feedback.inbox()],
  ['feedback.inboxSummary', NOT_MANAGERS, (api) => api.feedback.inboxSummary()],
  ['feedback.assignees', NOT_MANAGERS, (api) => api.feedback.assignees()],
  [
    'feedback.assign',
    ACTING_STAFF,
    (api, e) => api.feedback.assign({ feedbackId: e.feedbackId, assigneeMemberId: e.org.leadership.memberId }),
  ],
  ['feedback.reply', ACTING_STAFF, (api, e) => api.feedback.reply({ feedbackId: e.feedbackId, body: 'Thanks' })],
  [
    'feedback.setStatus',
    ACTING_STAFF,
    (api, e) => api.feedback.setStatus({ feedbackId: e.feedbackId, status: 'in_progress' }),
  ],
  ['org.groups', STAFF, (api) => api.org.groups()],
  ['plan.dimensions.list', STAFF, (api) => api.plan.dimensions.list()],
  ['plan.intended.list', STAFF, (api) => api.plan.intended.list()],
  [
    'plan.intended.set',
    LEADERS,
    (api, e) => api.plan.intended.set({ ...supplierTransparency(e), statement: bilingual, target: 70, priority: 2 }),
  ],
  [
    'plan.intended.clear',
    LEADERS,
    async (api, e) => {
      await setIntendedExperience(db.db, {
        organizationId: e.org.organizationId,
        ...supplierTransparency(e),
        statement: bilingual,
        target: 70,
        priority: 2,
        memberId: e.org.staff.admin.memberId,
        now: e.org.now,
        newId,
      });
      return api.plan.intended.clear(supplierTransparency(e));
    },
  ],
  ['plan.initiatives.list', STAFF, (api) => api.plan.initiatives.list()],
  ['plan.initiatives.create', ACTING_STAFF, (api, e) => api.plan.initiatives.create(initiativeFields(e))],
  [
    'plan.initiatives.update',
    ACTING_STAFF,
    async (api, e) => api.plan.initiatives.update({ initiativeId: await initiativeOf(e), ...initiativeFields(e) }),
  ],
  [
    'plan.initiatives.setStatus',
    ACTING_STAFF,
    async (api, e) => api.plan.initiatives.setStatus({ initiativeId: await initiativeOf(e), status: 'active' }),
  ],
  [
    'plan.initiatives.publish',
    ACTING_STAFF,
    async (api, e) => api.plan.initiatives.publish({ initiativeId: await initiativeOf(e), published: true }),
  ],
  [
    'plan.initiatives.delete',
    ACTING_STAFF,
    async (api, e) => api.plan.initiatives.delete({ initiativeId: await initiativeOf(e) }),
  ],
  ['plan.promises.list', STAFF, (api) => api.plan.promises.list()],
  ['plan.promises.create', ACTING_STAFF, (api, e) => api.plan.promises.create(promiseFields(e))],
  [
    'plan.promises.update',
    ACTING_STAFF,
    async (api, e) => api.plan.promises.update({ promiseId: await promiseOf(e), ...promiseFields(e) }),
  ],
  ['plan.promises.delete', ACTING_STAFF, async (api, e) => api.plan.promises.delete({ promiseId: await promiseOf(e) })],
  ['admin.members.list', NOT_MANAGERS, (api) => api.admin.members.list()],
  ['admin.members.departments', NOT_MANAGERS, (api) => api.admin.members.departments()],
  [
    'admin.members.invite',
    ADMIN,
    (api) => api.admin.members.invite({ name: 'New colleague', email: `${key()}@new.test`, role: 'analyst' }),
  ],
  [
    'admin.members.resendInvitation',
    ADMIN,
    (api, e) => api.admin.members.resendInvitation({ memberId: e.org.staff.analyst.memberId }),
  ],
  [
    'admin.members.updateRole',
    ADMIN,
    (api, e) => api.admin.members.updateRole({ memberId: e.org.staff.analyst.memberId, role: 'analyst' }),
  ],
  [
    'admin.members.remove',
    ADMIN,
    async (api, e) => {
      const userId = await addUser(db.db, `${key()}@leaving.test`, e.org.now);
      const member = await addStaffMember(db.db, {
        organizationId: e.org.organizationId,
        userId,
        role: 'analyst',
        now: e.org.now,
        newId,
      });
      return api.admin.members.remove({ memberId: member.memberId });
    },
  ],
  ['admin.settings.get', NOT_MANAGERS, (api) => api.admin.settings.get()],
  ['admin.settings.update', ADMIN, (api) => api.admin.settings.update({ allowAnonymousFeedback: true })],
];

const bilingual = { fr: 'Une intention', en: 'An intention' };
const supplierTransparency = (e: Env) => ({
  groupId: e.org.groups.supplier,
  dimensionId: e.org.dimensions.transparency,
});
const initiativeFields = (e: Env) => ({
  title: bilingual,
  description: null,
  kind: 'process' as const,
  ownerDepartment: 'finance' as const,
  status: 'planned' as const,
  startDate: null,
  endDate: null,
  targets: [supplierTransparency(e)],
});
const initiativeOf = async (e: Env) =>
  (
    await createInitiative(db.db, {
      organizationId: e.org.organizationId,
      ...initiativeFields(e),
      now: e.org.now,
      newId,
    })
  ).id;
const promiseFields = (e: Env) => ({
  ...supplierTransparency(e),
  channel: 'supplier_charter' as const,
  statement: bilingual,
  madeOn: '2026-06-01',
});
const promiseOf = async (e: Env) =>
  (await createPromise(db.db, { organizationId: e.org.organizationId, ...promiseFields(e), now: e.org.now, newId })).id;

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
  const staff = (userId: string) => ({ userId, env: { org: ours, self: null, feedbackId: samFeedback } });
  envs = {
    anonymous: { userId: null, env: { org: ours, self: null, feedbackId: samFeedback } },
    outsider: {
      userId: await addUser(db.db, 'outsider@example.test', ours.now),
      env: { org: ours, self: null, feedbackId: samFeedback },
    },
    employee: {
      userId: ours.stakeholders.alice.userId,
      env: {
        org: ours,
        self: { stakeholderId: ours.stakeholders.alice.id, group: 'employee' },
        feedbackId: aliceFeedback,
      },
    },
    supplier: {
      userId: ours.stakeholders.sam.userId,
      env: { org: ours, self: { stakeholderId: ours.stakeholders.sam.id, group: 'supplier' }, feedbackId: samFeedback },
    },
    admin: staff(ours.staff.admin.userId),
    leadership: staff(ours.leadership.userId),
    hr: staff(ours.staff.hr.userId),
    manager: staff(ours.staff.manager.userId),
    analyst: staff(ours.staff.analyst.userId),
    otherOrgLeadership: { userId: other.leadership.userId, env: { org: other, self: null, feedbackId: otherFeedback } },
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
