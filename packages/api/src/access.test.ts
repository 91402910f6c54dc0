import {
  addFocusArea,
  addStaffMember,
  createApiKey,
  createAttribute,
  createGroup,
  createInitiative,
  createListEntry,
  createPlanAction,
  createPromise,
  createSurvey,
  createWebhook,
  type Db,
  deleteWebhook,
  emitWebhookEvent,
  enqueueMessage,
  invitationLink,
  listFocusAreas,
  listWebhooks,
  newId,
  removeFocusArea,
  saveQuestions,
  scheduleWave,
  setIntendedExperience,
  setSsoConfig,
  setSurveyPeriod,
} from '@facets/db';
import { addDimension, addStakeholder } from '@facets/db/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, digest, type Env, WHO, type Who, type World } from './fuzz-world.ts';
import { answerEmployees, people } from './insights/testing.ts';
import { addUser, callerFor, employeeAnswers, key, openDb, TEST_WEBHOOKS } from './test-setup.ts';

/**
 * Who may call what: every procedure × every kind of caller, in one table. A caller's own organisation supplies the
 * ids it passes, so an allowed call must succeed; a refused one must fail with the code named here. Then every allowed
 * call is tried again with what is not the caller's (another organisation's ids, another supplier's feedback).
 */

const STAKEHOLDERS: Who[] = ['employee', 'supplier', 'customer', 'shareholder', 'otherSupplier'];
const STAFF: Who[] = ['admin', 'leadership', 'hr', 'manager', 'analyst', 'otherOrgLeadership'];
const ACTING_STAFF: Who[] = ['admin', 'leadership', 'hr', 'otherOrgLeadership'];
/** Views of a whole group or its segments: not managers, who see their own department only. */
const WHOLE_ORG: Who[] = ['admin', 'leadership', 'hr', 'analyst', 'otherOrgLeadership'];
const LEADERS: Who[] = ['admin', 'leadership', 'otherOrgLeadership'];
/** Action plans are written by managers (their department's) and the acting roles (any scope's). */
const PLANNERS: Who[] = [...ACTING_STAFF, 'manager'];
const ADMINS: Who[] = ['admin'];
/** The people directory (names, e-mails, reporting lines): admins and HR only. */
const DIRECTORY: Who[] = ['admin', 'hr'];
/** Feedback, people and settings: read by the whole-organisation roles, never by managers. */
const NOT_MANAGERS: Who[] = WHOLE_ORG;
const EVERYONE: Who[] = [...WHO];
/** A person of an organisation, staff or stakeholder: their own choices and notifications. */
const SIGNED_IN: Who[] = [...STAKEHOLDERS, ...STAFF];

type Api = Awaited<ReturnType<typeof callerFor>>;

const MATRIX: [procedure: string, allowed: Who[], call: (api: Api, env: Env) => Promise<unknown>][] = [
  ['session.me', EVERYONE, (api) => api.session.me()],
  ['account.notifications.get', SIGNED_IN, (api) => api.account.notifications.get()],
  [
    'account.notifications.set',
    SIGNED_IN,
    async (api) => {
      const [first] = await api.account.notifications.get();
      return api.account.notifications.set({ kind: first!.kind, channel: 'email', on: false });
    },
  ],
  ['notifications.list', SIGNED_IN, (api) => api.notifications.list()],
  [
    'notifications.markRead',
    SIGNED_IN,
    async (api) => {
      const [first] = (await api.notifications.list()).items;
      return first ? api.notifications.markRead({ id: first.id }) : api.notifications.markRead({ all: true });
    },
  ],
  [
    'account.notifications.unsubscribe',
    EVERYONE,
    async (api, e) => api.account.notifications.unsubscribe({ token: await e.unsubscribeToken() }),
  ],
  ['portal.survey.list', STAKEHOLDERS, (api) => api.portal.survey.list()],
  ['portal.survey.get', STAKEHOLDERS, (api, e) => api.portal.survey.get({ waveId: waveOf(e) })],
  [
    'portal.survey.submit',
    STAKEHOLDERS,
    (api, e) =>
      api.portal.survey.submit({
        waveId: waveOf(e),
        idempotencyKey: key(),
        answers: e.self?.answers ?? employeeAnswers(e.org),
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
  [
    'insights.chain',
    WHOLE_ORG,
    (api, e) =>
      api.insights.chain({
        attribute: 'site',
        x: {
          groupId: e.org.groups.employee,
          measure: { kind: 'dimension', dimensionId: e.org.dimensions.recognition, facet: 'lived' },
        },
        y: { groupId: e.org.groups.supplier, measure: { kind: 'outcome', scale: 'nps11' } },
      }),
  ],
  ['insights.drivers', WHOLE_ORG, (api, e) => api.insights.drivers({ groupId: e.org.groups.employee })],
  ['insights.segments', WHOLE_ORG, (api, e) => api.insights.segments({ groupId: e.org.groups.employee })],
  ['insights.alerts', STAFF, (api) => api.insights.alerts()],
  ['insights.maturity.get', WHOLE_ORG, (api) => api.insights.maturity.get()],
  ['insights.themes.list', WHOLE_ORG, (api) => api.insights.themes.list()],
  ['insights.themes.rename', WHOLE_ORG, (api) => api.insights.themes.rename({ code: 'pay', label: { en: 'Salary' } })],
  ['insights.themes.merge', WHOLE_ORG, (api) => api.insights.themes.merge({ code: 'tools', into: null })],
  [
    'insights.themes.map',
    WHOLE_ORG,
    (api, e) => api.insights.themes.map({ code: 'pay', dimensionId: e.org.dimensions.recognition }),
  ],
  [
    'insights.maturity.assess',
    LEADERS,
    (api) => api.insights.maturity.assess({ stage: 2, answers: { why: 'A test' } }),
  ],
  ['actionPlans.get', STAFF, (api, e) => api.actionPlans.get({ groupId: e.org.groups.employee })],
  ['actionPlans.coverage', NOT_MANAGERS, (api, e) => api.actionPlans.coverage({ groupId: e.org.groups.employee })],
  [
    'actionPlans.focus.add',
    PLANNERS,
    async (api, e) =>
      api.actionPlans.focus.add({
        groupId: e.org.groups.employee,
        waveId: await plannableWave(e),
        dimensionId: await newDimension(e),
      }),
  ],
  [
    'actionPlans.focus.remove',
    PLANNERS,
    async (api, e) => api.actionPlans.focus.remove({ focusAreaId: await focusAreaOf(e) }),
  ],
  [
    'actionPlans.actions.create',
    PLANNERS,
    async (api, e) =>
      api.actionPlans.actions.create({
        focusAreaId: await focusAreaOf(e),
        title: 'Act',
        owner: 'Someone',
        dueDate: null,
        initiativeId: null,
      }),
  ],
  [
    'actionPlans.actions.update',
    PLANNERS,
    async (api, e) =>
      api.actionPlans.actions.update({
        actionId: await actionOf(e),
        title: 'Act again',
        owner: 'Someone',
        dueDate: '2027-01-31',
        initiativeId: null,
      }),
  ],
  [
    'actionPlans.actions.progress',
    PLANNERS,
    async (api, e) => api.actionPlans.actions.progress({ actionId: await actionOf(e), status: 'done', note: 'Done' }),
  ],
  [
    'actionPlans.actions.publish',
    PLANNERS,
    async (api, e) => api.actionPlans.actions.publish({ actionId: await actionOf(e), published: true }),
  ],
  [
    'actionPlans.actions.delete',
    PLANNERS,
    async (api, e) => api.actionPlans.actions.delete({ actionId: await actionOf(e) }),
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
  ['surveys.list', STAFF, (api) => api.surveys.list()],
  ['surveys.get', STAFF, (api, e) => api.surveys.get({ surveyId: e.org.surveys.employee.surveyId })],
  ['surveys.templates', ACTING_STAFF, (api, e) => api.surveys.templates({ groupId: e.org.groups.employee })],
  ['surveys.create', ACTING_STAFF, (api, e) => api.surveys.create({ groupId: e.org.groups.employee, title: TITLE })],
  [
    'surveys.update',
    ACTING_STAFF,
    (api, e) =>
      api.surveys.update({ surveyId: e.org.surveys.supplier.surveyId, title: TITLE, intro: null, anonymous: false }),
  ],
  [
    'surveys.setHeadline',
    ACTING_STAFF,
    (api, e) => api.surveys.setHeadline({ surveyId: e.org.surveys.employee.surveyId, headline: true }),
  ],
  [
    'surveys.setProgramme',
    ACTING_STAFF,
    async (api, e) =>
      api.surveys.setProgramme({ surveyId: await draftSurvey(e), programmeSurveyId: e.org.surveys.employee.surveyId }),
  ],
  [
    'surveys.setPeriod',
    ACTING_STAFF,
    async (api, e) => api.surveys.setPeriod({ surveyId: await draftSurvey(e), period: null }),
  ],
  [
    'surveys.setCadence',
    ACTING_STAFF,
    (api, e) => api.surveys.setCadence({ surveyId: e.org.surveys.employee.surveyId, cadence: null }),
  ],
  [
    'surveys.setReminders',
    ACTING_STAFF,
    (api, e) =>
      api.surveys.setReminders({ surveyId: e.org.surveys.employee.surveyId, afterOpening: [3], beforeClosing: [2] }),
  ],
  [
    'surveys.setTrigger',
    ACTING_STAFF,
    async (api, e) => api.surveys.setTrigger({ surveyId: await draftSurvey(e), trigger: null }),
  ],
  ['surveys.duplicate', ACTING_STAFF, (api, e) => api.surveys.duplicate({ surveyId: e.org.surveys.employee.surveyId })],
  [
    'surveys.questions.save',
    ACTING_STAFF,
    async (api, e) => api.surveys.questions.save({ surveyId: await draftSurvey(e), questions: [TEXT_QUESTION] }),
  ],
  [
    'surveys.waves.schedule',
    ACTING_STAFF,
    async (api, e) =>
      api.surveys.waves.schedule({
        surveyId: await draftSurvey(e, [TEXT_QUESTION]),
        label: 'December',
        opensAt: '2026-12-01T09:00:00.000Z',
        closesAt: '2026-12-15T09:00:00.000Z',
      }),
  ],
  ['surveys.waves.open', ACTING_STAFF, async (api, e) => api.surveys.waves.open({ waveId: await waveOpening(e, 7) })],
  ['surveys.waves.close', ACTING_STAFF, async (api, e) => api.surveys.waves.close({ waveId: await waveOpening(e, 0) })],
  [
    'surveys.invitations.preview',
    ACTING_STAFF,
    (api, e) =>
      api.surveys.invitations.preview({ waveId: e.org.surveys.employee.waveId, csv: 'email\nnew@example.org' }),
  ],
  [
    'surveys.invitations.import',
    ACTING_STAFF,
    (api, e) =>
      api.surveys.invitations.import({ waveId: e.org.surveys.employee.waveId, csv: `email\n${newId()}@example.org` }),
  ],
  [
    'surveys.invitations.fromDirectory',
    ACTING_STAFF,
    (api, e) => api.surveys.invitations.fromDirectory({ waveId: e.org.surveys.employee.waveId }),
  ],
  ['people.list', DIRECTORY, (api, e) => api.people.list({ groupId: e.org.groups.employee, search: 'a' })],
  [
    'people.sync.preview',
    DIRECTORY,
    (api, e) => api.people.sync.preview({ groupId: e.org.groups.employee, csv: 'email\nnew@example.org' }),
  ],
  // Without confirmation a one-person file deactivates nobody: the call answers, the directory stays as it was.
  [
    'people.sync.commit',
    DIRECTORY,
    (api, e) => api.people.sync.commit({ groupId: e.org.groups.employee, csv: 'email\nnew@example.org' }),
  ],
  [
    'people.erase',
    DIRECTORY,
    async (api, e) => {
      const { id } = await addStakeholder(db.db, e.org, { groupId: e.org.groups.employee });
      await afterSetUp?.();
      return api.people.erase({ stakeholderId: id });
    },
  ],
  [
    'people.upsert',
    DIRECTORY,
    (api, e) =>
      api.people.upsert({ groupId: e.org.groups.employee, person: { externalId: 'CRM-1', email: 'new@example.org' } }),
  ],
  [
    'people.deactivate',
    DIRECTORY,
    async (api, e) => {
      const { id } = await addStakeholder(db.db, e.org, { groupId: e.org.groups.employee });
      await afterSetUp?.();
      return api.people.deactivate({ groupId: e.org.groups.employee, personId: id });
    },
  ],
  [
    'surveys.trigger',
    ACTING_STAFF,
    async (api, e) =>
      api.surveys.trigger({
        surveyId: await interactionSurveyOf(e),
        person: { email: 'after.visit@example.org' },
        reference: 'ORDER-1',
      }),
  ],
  ['surveys.responseRate', STAFF, (api, e) => api.surveys.responseRate({ waveId: e.org.surveys.employee.waveId })],
  // An invitation link needs no account: whoever holds the token may open and answer its one survey.
  ['portal.invitation.get', EVERYONE, async (api, e) => api.portal.invitation.get({ token: (await e.invite()).token })],
  [
    'portal.invitation.submit',
    EVERYONE,
    async (api, e) =>
      e.invite().then(({ token, answers }) => api.portal.invitation.submit({ token, idempotencyKey: key(), answers })),
  ],
  [
    'portal.invitation.rules',
    EVERYONE,
    async (api, e) => api.portal.invitation.rules({ token: (await e.invite()).token }),
  ],
  ['portal.results.get', STAKEHOLDERS, (api) => api.portal.results.get()],
  ['portal.rules.get', STAKEHOLDERS, (api) => api.portal.rules.get()],
  ['admin.outbox.list', ADMINS, (api) => api.admin.outbox.list()],
  ['admin.jobs.failed', ADMINS, (api) => api.admin.jobs.failed()],
  [
    'admin.outbox.read',
    ADMINS,
    async (api, e) => {
      const { id } = await enqueueMessage(db.db, {
        organizationId: e.org.organizationId,
        to: `someone@${e.org.slug}.test`,
        subject: 'Invitation',
        body: `Answer: ${invitationLink('http://facets.test', 'employee', key())}`,
        now: e.org.now,
        newId,
      });
      await afterSetUp?.();
      return api.admin.outbox.read({ messageId: id });
    },
  ],
  [
    'admin.outbox.retry',
    ADMINS,
    async (api, e) => {
      const { id } = await enqueueMessage(db.db, {
        organizationId: e.org.organizationId,
        to: `nobody@${e.org.slug}.test`,
        subject: 'Invitation',
        body: 'Bonjour',
        now: e.org.now,
        newId,
      });
      await db.db
        .updateTable('outbox')
        .set({ status: 'bounced', attempts: 1, failed_at: e.org.now, last_error: '550 No such user' })
        .where('id', '=', id)
        .execute();
      await afterSetUp?.();
      return api.admin.outbox.retry({ messageId: id });
    },
  ],
  ['audit.list', LEADERS, (api) => api.audit.list()],
  ['audit.recordExport', STAFF, (api) => api.audit.recordExport({ table: 'Overview', rows: 3, page: '/console/' })],
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
      await afterSetUp?.();
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
    ADMINS,
    (api) => api.admin.members.invite({ name: 'New colleague', email: `${key()}@new.test`, role: 'analyst' }),
  ],
  [
    'admin.members.resendInvitation',
    ADMINS,
    (api, e) => api.admin.members.resendInvitation({ memberId: e.org.staff.analyst.memberId }),
  ],
  [
    'admin.members.updateRole',
    ADMINS,
    (api, e) => api.admin.members.updateRole({ memberId: e.org.staff.analyst.memberId, role: 'analyst' }),
  ],
  [
    'admin.members.setPerson',
    ADMINS,
    (api, e) => api.admin.members.setPerson({ memberId: e.org.staff.manager.memberId, person: null }),
  ],
  [
    'admin.members.remove',
    ADMINS,
    async (api, e) => {
      const userId = await addUser(db.db, `${key()}@leaving.test`, e.org.now);
      const member = await addStaffMember(db.db, {
        organizationId: e.org.organizationId,
        userId,
        role: 'analyst',
        now: e.org.now,
        newId,
      });
      await afterSetUp?.();
      return api.admin.members.remove({ memberId: member.memberId });
    },
  ],
  ['admin.settings.get', NOT_MANAGERS, (api) => api.admin.settings.get()],
  ['admin.settings.update', ADMINS, (api) => api.admin.settings.update({ allowAnonymousFeedback: true })],
  ['admin.sso.get', ADMINS, (api) => api.admin.sso.get()],
  ['admin.sso.set', ADMINS, (api) => api.admin.sso.set(SSO)],
  [
    'admin.sso.remove',
    ADMINS,
    async (api, e) => {
      await setSsoConfig(db.db, { organizationId: e.org.organizationId, ...SSO, now: e.org.now, newId });
      await afterSetUp?.();
      return api.admin.sso.remove();
    },
  ],
  ['admin.apiKeys.list', ADMINS, (api) => api.admin.apiKeys.list()],
  [
    'admin.apiKeys.create',
    ADMINS,
    (api) => api.admin.apiKeys.create({ name: 'CRM', scopes: ['results:read', 'surveys:trigger'] }),
  ],
  ['admin.apiKeys.revoke', ADMINS, async (api, e) => api.admin.apiKeys.revoke({ keyId: await apiKeyOf(e) })],
  ['admin.webhooks.list', ADMINS, (api) => api.admin.webhooks.list()],
  [
    'admin.webhooks.create',
    ADMINS,
    (api) => api.admin.webhooks.create({ url: 'https://hooks.example.org/facets', events: ['wave.published'] }),
  ],
  [
    'admin.webhooks.update',
    ADMINS,
    async (api, e) =>
      api.admin.webhooks.update({
        webhookId: await webhookOf(e),
        url: 'https://hooks.example.org/other',
        events: ['feedback.received'],
        state: 'paused',
      }),
  ],
  ['admin.webhooks.delete', ADMINS, async (api, e) => api.admin.webhooks.delete({ webhookId: await webhookOf(e) })],
  [
    'admin.webhooks.rotateSecret',
    ADMINS,
    async (api, e) => api.admin.webhooks.rotateSecret({ webhookId: await webhookOf(e) }),
  ],
  [
    'admin.webhooks.deliveries',
    ADMINS,
    async (api, e) => api.admin.webhooks.deliveries({ webhookId: await webhookOf(e) }),
  ],
  [
    'admin.webhooks.redeliver',
    ADMINS,
    async (api, e) => api.admin.webhooks.redeliver({ deliveryId: await failedDeliveryOf(e) }),
  ],
  ['model.get', NOT_MANAGERS, (api) => api.model.get()],
  [
    'model.groups.create',
    LEADERS,
    (api) => api.model.groups.create({ kind: 'custom', code: modelCode(), label: bilingual }),
  ],
  [
    'model.groups.rename',
    LEADERS,
    (api, e) => api.model.groups.rename({ groupId: e.org.groups.employee, label: { fr: 'Salariés', en: 'Employees' } }),
  ],
  ['model.groups.remove', LEADERS, async (api, e) => api.model.groups.remove({ groupId: await groupOf(e) })],
  [
    'model.dimensions.create',
    LEADERS,
    (api, e) =>
      api.model.dimensions.create({
        code: modelCode(),
        label: bilingual,
        description: null,
        groupIds: [e.org.groups.employee],
      }),
  ],
  [
    'model.dimensions.update',
    LEADERS,
    async (api, e) =>
      api.model.dimensions.update({
        dimensionId: await newDimension(e),
        label: bilingual,
        description: bilingual,
        groupIds: [e.org.groups.employee],
      }),
  ],
  [
    'model.dimensions.remove',
    LEADERS,
    async (api, e) => api.model.dimensions.remove({ dimensionId: await newDimension(e) }),
  ],
  [
    'model.attributes.create',
    LEADERS,
    (api, e) =>
      api.model.attributes.create({ groupId: e.org.groups.employee, key: modelCode(), label: bilingual, values: [] }),
  ],
  [
    'model.attributes.rename',
    LEADERS,
    async (api, e) => api.model.attributes.rename({ ...(await attributeOf(e)), label: bilingual }),
  ],
  ['model.attributes.remove', LEADERS, async (api, e) => api.model.attributes.remove(await attributeOf(e))],
  [
    'model.attributes.addValue',
    LEADERS,
    async (api, e) => api.model.attributes.addValue({ ...(await attributeOf(e)), value: 'v2', label: bilingual }),
  ],
  [
    'model.attributes.renameValue',
    LEADERS,
    async (api, e) => api.model.attributes.renameValue({ ...(await attributeOf(e)), value: 'v1', label: bilingual }),
  ],
  [
    'model.attributes.removeValue',
    LEADERS,
    async (api, e) => api.model.attributes.removeValue({ ...(await attributeOf(e)), value: 'v1' }),
  ],
  ['model.lists.get', STAFF, (api) => api.model.lists.get()],
  [
    'model.lists.create',
    LEADERS,
    (api) => api.model.lists.create({ list: 'department', code: modelCode(), label: bilingual }),
  ],
  [
    'model.lists.rename',
    LEADERS,
    async (api, e) => api.model.lists.rename({ ...(await entryOf(e)), label: bilingual }),
  ],
  ['model.lists.remove', LEADERS, async (api, e) => api.model.lists.remove(await entryOf(e))],
  [
    'model.lists.restore',
    LEADERS,
    async (api, e) => {
      const entry = await entryOf(e);
      // Archived, as an entry an initiative names is when removed.
      await db.db
        .updateTable('organization_list_entry')
        .set({ archived_at: e.org.now })
        .where('organization_id', '=', e.org.organizationId)
        .where('list', '=', entry.list)
        .where('code', '=', entry.code)
        .execute();
      await afterSetUp?.();
      return api.model.lists.restore(entry);
    },
  ],
];

const bilingual = { fr: 'Une intention', en: 'An intention' };
const SSO = {
  issuer: 'https://id.example.org',
  clientId: 'facets',
  clientSecret: 'a secret',
  domains: ['example.org'],
  role: 'analyst' as const,
  requireSso: false,
};
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
const initiativeOf = async (e: Env) => {
  const { id } = await createInitiative(db.db, {
    organizationId: e.org.organizationId,
    ...initiativeFields(e),
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return id;
};
const promiseFields = (e: Env) => ({
  ...supplierTransparency(e),
  channel: 'supplier_charter' as const,
  statement: bilingual,
  madeOn: '2026-06-01',
});
const promiseOf = async (e: Env) => {
  const { id } = await createPromise(db.db, {
    organizationId: e.org.organizationId,
    ...promiseFields(e),
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return id;
};

/** A continuous after-interaction survey of the employee group, reporting by month: what a trigger invites to. */
const interactionSurveyOf = async (e: Env) => {
  const tenant = { organizationId: e.org.organizationId };
  const { surveyId } = await createSurvey(db.db, {
    ...tenant,
    organizationName: 'Org',
    groupId: e.org.groups.employee,
    kind: 'post_interaction',
    title: bilingual,
    now: e.org.now,
    newId,
  });
  await saveQuestions(db.db, {
    ...tenant,
    surveyId,
    newId,
    questions: [
      {
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: e.org.dimensions.recognition,
        prompt: bilingual,
        options: null,
        required: true,
      },
    ],
  });
  await setSurveyPeriod(db.db, { ...tenant, surveyId, period: 'month', now: e.org.now, newId });
  await afterSetUp?.();
  return surveyId;
};

const apiKeyOf = async (e: Env) => {
  const { id } = await createApiKey(db.db, {
    organizationId: e.org.organizationId,
    memberId: e.org.staff.admin.memberId,
    name: 'Integration',
    scopes: ['feedback:read'],
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return id;
};

/** A code of the model no earlier row used. */
let codes = 0;
const modelCode = () => `m${++codes}`;

/** A new group without data: removing it deletes it. */
async function groupOf(e: Env): Promise<string> {
  const { result } = await createGroup(db.db, {
    organizationId: e.org.organizationId,
    kind: 'custom',
    code: modelCode(),
    label: bilingual,
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return result.id;
}

/** A new entry of the organisation's initiative kinds, its code fresh (not one of another organisation's). */
async function entryOf(e: Env): Promise<{ list: 'initiative_kind'; code: string }> {
  const ref = { list: 'initiative_kind' as const, code: modelCode() };
  await createListEntry(db.db, { organizationId: e.org.organizationId, ...ref, label: bilingual, now: e.org.now });
  await afterSetUp?.();
  return ref;
}

/** A new segment attribute of a new group (a group holds a few), with one value `v1` nobody carries. */
async function attributeOf(e: Env): Promise<{ groupId: string; key: string }> {
  const ref = { groupId: await groupOf(e), key: modelCode() };
  await createAttribute(db.db, {
    organizationId: e.org.organizationId,
    ...ref,
    label: bilingual,
    values: [{ value: 'v1', label: bilingual }],
    newId,
  });
  await afterSetUp?.();
  return ref;
}

const TITLE = { fr: 'Enquête', en: 'Survey' };
const TEXT_QUESTION = {
  type: 'text' as const,
  scale: null,
  facet: null,
  dimensionId: null,
  prompt: { fr: 'Un commentaire ?', en: 'A comment?' },
  options: null,
  required: false,
};

/**
 * Called after a row's own set-up has written what the call needs, so that "nothing of the victim's changed" is
 * judged from after the set-up (see the intruder tests below).
 */
let afterSetUp: (() => Promise<void>) | null = null;

/** A new survey of the caller's organisation, written directly (the call under test must not depend on the role). */
async function draftSurvey(e: Env, questions: (typeof TEXT_QUESTION)[] = []): Promise<string> {
  const organizationId = e.org.organizationId;
  const base = { organizationId, now: e.org.now, newId };
  const { surveyId } = await createSurvey(db.db, {
    ...base,
    organizationName: 'Org',
    groupId: e.org.groups.employee,
    title: TITLE,
  });
  if (questions.length > 0) await saveQuestions(db.db, { organizationId, surveyId, questions, newId });
  await afterSetUp?.();
  return surveyId;
}

/** A wave launched on a new survey, opening in `days` (0: open now). */
async function waveOpening(e: Env, days: number): Promise<string> {
  const surveyId = await draftSurvey(e, [TEXT_QUESTION]);
  const at = (d: number) => new Date(Date.parse('2026-11-22T09:00:00.000Z') + d * 86_400_000).toISOString();
  const { waveId } = await scheduleWave(db.db, {
    organizationId: e.org.organizationId,
    surveyId,
    label: 'Wave',
    opensAt: at(days),
    closesAt: at(days + 14),
    now: at(0),
    newId,
  });
  await afterSetUp?.();
  return waveId;
}

/**
 * A published wave in which the whole group and the manager's department (IT) are shown: Q3 answered by three of IT
 * and three of HR, once per organisation.
 */
const answered = new Map<string, Promise<void>>();
async function plannableWave(e: Env): Promise<string> {
  const org = e.org;
  if (!answered.has(org.organizationId)) {
    answered.set(
      org.organizationId,
      answerEmployees(db.db, org, [...people(3, { department: 'it' }), ...people(3, { department: 'hr' })], {
        wave: 'closed',
      }),
    );
  }
  await answered.get(org.organizationId);
  await afterSetUp?.();
  return org.surveys.employee.closedWaveId;
}

/** A new employee dimension: each focus area set up below is a dimension of its own. */
async function newDimension(e: Env): Promise<string> {
  const id = await addDimension(db.db, {
    organizationId: e.org.organizationId,
    code: `d-${newId()}`,
    groupIds: [e.org.groups.employee],
    now: e.org.now,
  });
  await afterSetUp?.();
  return id;
}

/** A focus area of IT's plan: the manager's department, and a scope every other planner may write too. */
async function focusAreaOf(e: Env): Promise<string> {
  const waveId = await plannableWave(e);
  // A plan holds a few focus areas: the earlier rows' go first.
  const earlier = await listFocusAreas(db.db, {
    organizationId: e.org.organizationId,
    groupId: e.org.groups.employee,
    scope: { key: 'department', value: 'it' },
  });
  for (const area of earlier) {
    await removeFocusArea(db.db, { organizationId: e.org.organizationId, focusAreaId: area.id });
  }
  const { id } = await addFocusArea(db.db, {
    organizationId: e.org.organizationId,
    groupId: e.org.groups.employee,
    waveId,
    scope: { key: 'department', value: 'it' },
    dimensionId: await newDimension(e),
    memberId: null,
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return id;
}

async function actionOf(e: Env): Promise<string> {
  const { id } = await createPlanAction(db.db, {
    organizationId: e.org.organizationId,
    focusAreaId: await focusAreaOf(e),
    title: 'Set up',
    owner: 'Someone',
    dueDate: null,
    initiativeId: null,
    memberId: null,
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return id;
}

async function webhookOf(e: Env): Promise<string> {
  // An organisation keeps at most MAX_WEBHOOKS: the ones earlier rows made go first.
  for (const w of await listWebhooks(db.db, { organizationId: e.org.organizationId }))
    await deleteWebhook(db.db, { organizationId: e.org.organizationId, webhookId: w.id });
  const { webhook } = await createWebhook(db.db, {
    organizationId: e.org.organizationId,
    fields: { url: 'https://hooks.example.org/facets', events: ['feedback.received'] },
    settings: TEST_WEBHOOKS,
    now: e.org.now,
    newId,
  });
  await afterSetUp?.();
  return webhook.id;
}

/** A delivery of a new webhook that was given up, as redeliver takes. */
async function failedDeliveryOf(e: Env): Promise<string> {
  const webhookId = await webhookOf(e);
  await emitWebhookEvent(db.db, {
    organizationId: e.org.organizationId,
    event: 'feedback.received',
    data: { feedbackId: 'f' },
    now: e.org.now,
    newId,
  });
  const delivery = await db.db
    .updateTable('webhook_delivery')
    .set({ state: 'failed' })
    .where('organization_id', '=', e.org.organizationId)
    .where('subscription_id', '=', webhookId)
    .returning('id')
    .executeTakeFirstOrThrow();
  await afterSetUp?.();
  return delivery.id;
}

const waveOf = (e: Env) => e.self?.waveId ?? e.org.surveys.employee.waveId;

let db: Db;
let world: World;
let envs: World['callers'];

beforeAll(async () => {
  db = await openDb();
  world = await buildWorld(db.db);
  envs = world.callers;
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

/**
 * What is not theirs: each allowed call again, by a caller holding someone else's ids — another organisation's staff
 * with our organisation's ids, another supplier's contact with Sam's feedback. It must be refused as NOT_FOUND or
 * FORBIDDEN, or answer without naming any of those ids and without changing any of the victim's rows.
 */
const INTRUDERS: { who: Who; victim: (w: World) => { env: Env; ids: string[]; rows: () => Promise<string> } }[] = [
  {
    who: 'otherOrgLeadership',
    victim: (w) => ({
      // An invitation link is its holder's: the intruder's own organisation's, so only the ids passed are someone else's.
      env: {
        org: w.ours,
        self: null,
        feedbackId: w.feedback.sam,
        invite: w.callers.otherOrgLeadership.env.invite,
        unsubscribeToken: w.callers.otherOrgLeadership.env.unsubscribeToken,
      },
      ids: [
        w.ours.organizationId,
        ...Object.values(w.ours.groups),
        ...Object.values(w.ours.dimensions),
        w.ours.surveys.employee.waveId,
        w.ours.surveys.supplier.waveId,
        ...Object.values(w.feedback).filter((id) => id !== w.feedback.other),
      ],
      rows: () => digest(db.db, w.ours.organizationId),
    }),
  },
  {
    who: 'otherSupplier',
    victim: (w) => ({
      env: { ...w.callers.otherSupplier.env, feedbackId: w.feedback.sam },
      ids: [w.feedback.sam, w.ours.stakeholders.sam.id],
      rows: async () =>
        JSON.stringify([
          await db.db.selectFrom('feedback').selectAll().where('id', '=', w.feedback.sam).execute(),
          await db.db.selectFrom('feedback_reply').selectAll().where('feedback_id', '=', w.feedback.sam).execute(),
        ]),
    }),
  },
];

describe.each(INTRUDERS)('what is not theirs: $who', ({ who, victim }) => {
  const rows = MATRIX.filter(([, allowed]) => allowed.includes(who));
  it.each(rows.map(([procedure, , call]) => [procedure, call] as const))('%s', async (_procedure, call) => {
    const v = victim(world);
    let before = await v.rows();
    afterSetUp = async () => {
      before = await v.rows();
    };
    const outcome = await call(await callerFor(db.db, envs[who].userId), v.env)
      .then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      )
      .finally(() => {
        afterSetUp = null;
      });
    if (!outcome.ok) {
      expect(outcome.error).toBeInstanceOf(TRPCError);
      // CONFLICT: the caller's own survey, which the matrix above has answered already.
      expect(['NOT_FOUND', 'FORBIDDEN', 'CONFLICT']).toContain((outcome.error as TRPCError).code);
    } else {
      const text = JSON.stringify(outcome.value) ?? '';
      for (const id of v.ids) expect(text).not.toContain(id);
    }
    expect(await v.rows()).toBe(before);
  });
});
