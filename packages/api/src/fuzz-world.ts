import {
  createFeedback,
  type Database,
  issueInvitations,
  keepProgrammesCurrent,
  newId,
  notifyFeedbackArrived,
  notifyFeedbackChange,
  unsubscribeToken,
} from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import type { GroupKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import { addSegmentAttribute } from './insights/testing.ts';
import {
  addMember,
  addUser,
  buildOrg,
  employeeAnswers,
  key,
  type Org,
  supplierAnswers,
  TEST_BASE_URL,
} from './test-setup.ts';

/**
 * Test support shared by the authorisation matrix (access.test.ts) and the fuzz tests: two organisations and one
 * signed-in caller of every kind the product knows, each with the ids of its own world.
 */

export const WHO = [
  'anonymous',
  'outsider', // signed in, member of no organisation
  'employee',
  'supplier',
  'customer',
  'shareholder',
  'otherSupplier', // a contact of another supplier company of the same organisation
  'admin',
  'leadership',
  'hr',
  'manager',
  'analyst',
  'otherOrgLeadership',
] as const;
export type Who = (typeof WHO)[number];

/** A stakeholder's own survey wave and a valid set of answers to it. */
export interface Self {
  stakeholderId: string;
  group: GroupKind;
  waveId: string;
  answers: { questionId: string; value: number }[];
}

export interface Env {
  org: Org;
  /** The caller's own stakeholder record when a stakeholder. */
  self: Self | null;
  /** A feedback of the caller's organisation (the caller's own one for stakeholders). */
  feedbackId: string;
  /** A fresh, unused invitation link to the employee survey of the caller's organisation, and answers to it. */
  invite: () => Promise<Invited>;
  /** A fresh unsubscribe link's token for a new stakeholder of the caller's organisation (their reminders). */
  unsubscribeToken: () => Promise<string>;
}

export interface Invited {
  token: string;
  answers: { questionId: string; value: number }[];
}

export interface World {
  ours: Org;
  other: Org;
  callers: Record<Who, { userId: string | null; env: Env }>;
  /** Feedback items by who wrote them. */
  feedback: { alice: string; sam: string; tom: string; other: string };
}

/** A group of `kind` with one signed-in stakeholder and an open survey of one required rating on a new dimension. */
async function addGroupWithSurvey(db: Kysely<Database>, org: Org, kind: GroupKind) {
  const tenant = { organization_id: org.organizationId };
  const text = (en: string) => JSON.stringify({ fr: `${en} (fr)`, en });
  const [groupId, dimensionId, stakeholderId, surveyId, waveId, questionId] = Array.from({ length: 6 }, newId);
  await db
    .insertInto('stakeholder_group')
    .values({ ...tenant, id: groupId!, kind, code: kind, label: text(kind), created_at: org.now })
    .execute();
  await db
    .insertInto('dimension')
    .values({
      ...tenant,
      id: dimensionId!,
      code: `${kind}-trust`,
      label: text('trust'),
      description: null,
      created_at: org.now,
    })
    .execute();
  await db
    .insertInto('dimension_group')
    .values({ ...tenant, dimension_id: dimensionId!, group_id: groupId! })
    .execute();
  await db
    .insertInto('stakeholder')
    .values({
      ...tenant,
      id: stakeholderId!,
      group_id: groupId!,
      external_ref: null,
      email: `${kind}@${org.slug}.test`,
      display_name: kind,
      company: null,
      segments: '{}',
      created_at: org.now,
    })
    .execute();
  const person = await addMember(db, org, kind, 'stakeholder', stakeholderId!);
  await db
    .insertInto('survey')
    .values({
      ...tenant,
      id: surveyId!,
      group_id: groupId!,
      kind: 'pulse',
      title: text('Pulse'),
      intro: null,
      anonymous: 0,
      status: 'open',
      created_at: org.now,
    })
    .execute();
  await db
    .insertInto('wave')
    .values({
      ...tenant,
      id: waveId!,
      survey_id: surveyId!,
      sequence: 1,
      label: 'Q4',
      opens_at: '2026-11-01T00:00:00.000Z',
      closes_at: null,
      status: 'open',
    })
    .execute();
  await db
    .insertInto('question')
    .values({
      ...tenant,
      id: questionId!,
      survey_id: surveyId!,
      position: 1,
      code: 'trust_lived',
      type: 'rating',
      scale: 'likert5',
      facet: 'lived',
      dimension_id: dimensionId!,
      prompt: text('Trust'),
      options: null,
      required: 1,
    })
    .execute();
  const self: Self = {
    stakeholderId: stakeholderId!,
    group: kind,
    waveId: waveId!,
    answers: [{ questionId: questionId!, value: 4 }],
  };
  return { userId: person.userId, self, groupId: groupId! };
}

/** Invites a new employee of `org` to its open employee survey: the link's token, and valid answers. */
export function inviter(db: Kysely<Database>, org: Org): () => Promise<Invited> {
  return async () => {
    const person = await addStakeholder(db, org, { groupId: org.groups.employee });
    const [issued] = await issueInvitations(db, {
      organizationId: org.organizationId,
      waveId: org.surveys.employee.waveId,
      stakeholderIds: [person.id],
      expiresAt: '2027-01-01T00:00:00.000Z',
      now: org.now,
      newId,
    });
    return { token: issued!.token, answers: employeeAnswers(org) };
  };
}

export function unsubscriber(db: Kysely<Database>, org: Org): () => Promise<string> {
  return async () => {
    const person = await addStakeholder(db, org, { groupId: org.groups.employee });
    return unsubscribeToken(db, {
      organizationId: org.organizationId,
      recipient: { kind: 'stakeholder', id: person.id },
      kind: 'survey_reminder',
    });
  };
}

export async function buildWorld(db: Kysely<Database>): Promise<World> {
  const [ours, other] = [await buildOrg(db), await buildOrg(db)];
  for (const org of [ours, other]) {
    await addSegmentAttribute(db, org, { groupId: org.groups.employee, key: 'department', values: ['it', 'hr'] });
    // A unit attribute both groups carry, for the experience chain.
    for (const groupId of [org.groups.employee, org.groups.supplier]) {
      await addSegmentAttribute(db, org, { groupId, key: 'site', values: ['lyon', 'paris'] });
    }
  }
  const feedbackOf = async (org: Org, stakeholderId: string, groupId: string) =>
    (
      await createFeedback(db, {
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
  const feedback = {
    alice: await feedbackOf(ours, ours.stakeholders.alice.id, ours.groups.employee),
    sam: await feedbackOf(ours, ours.stakeholders.sam.id, ours.groups.supplier),
    tom: await feedbackOf(ours, ours.tom.stakeholderId, ours.groups.supplier),
    other: await feedbackOf(other, other.stakeholders.sam.id, other.groups.supplier),
  };
  // Everyone has in-app notifications of their own to list and mark read: staff of the feedback that arrived, each
  // stakeholder of a reply to theirs.
  for (const [org, feedbackId] of [
    [ours, feedback.alice],
    [ours, feedback.sam],
    [ours, feedback.tom],
    [other, feedback.other],
  ] as const) {
    const at = { organizationId: org.organizationId, now: org.now, newId, baseUrl: TEST_BASE_URL, feedbackId };
    await notifyFeedbackArrived(db, at);
    await notifyFeedbackChange(db, { ...at, change: { kind: 'reply' } });
  }
  const customer = await addGroupWithSurvey(db, ours, 'customer');
  const shareholder = await addGroupWithSurvey(db, ours, 'shareholder');
  const invite = inviter(db, ours);
  const unsubscribeToken = unsubscriber(db, ours);
  const env = (self: Self | null, feedbackId = feedback.sam): Env => ({
    org: ours,
    self,
    feedbackId,
    invite,
    unsubscribeToken,
  });
  const employeeSelf: Self = {
    stakeholderId: ours.stakeholders.alice.id,
    group: 'employee',
    waveId: ours.surveys.employee.waveId,
    answers: employeeAnswers(ours),
  };
  const supplierSelf = (stakeholderId: string): Self => ({
    stakeholderId,
    group: 'supplier',
    waveId: ours.surveys.supplier.waveId,
    answers: supplierAnswers(ours),
  });
  const staff = (userId: string) => ({ userId, env: env(null) });
  const callers: World['callers'] = {
    anonymous: { userId: null, env: env(null) },
    outsider: { userId: await addUser(db, `outsider-${newId()}@example.test`, ours.now), env: env(null) },
    employee: { userId: ours.stakeholders.alice.userId, env: env(employeeSelf, feedback.alice) },
    supplier: { userId: ours.stakeholders.sam.userId, env: env(supplierSelf(ours.stakeholders.sam.id), feedback.sam) },
    customer: {
      userId: customer.userId,
      env: env(customer.self, await feedbackOf(ours, customer.self.stakeholderId, customer.groupId)),
    },
    shareholder: {
      userId: shareholder.userId,
      env: env(shareholder.self, await feedbackOf(ours, shareholder.self.stakeholderId, shareholder.groupId)),
    },
    otherSupplier: { userId: ours.tom.userId, env: env(supplierSelf(ours.tom.stakeholderId), feedback.tom) },
    admin: staff(ours.staff.admin.userId),
    leadership: staff(ours.leadership.userId),
    hr: staff(ours.staff.hr.userId),
    manager: staff(ours.staff.manager.userId),
    analyst: staff(ours.staff.analyst.userId),
    otherOrgLeadership: {
      userId: other.leadership.userId,
      env: {
        org: other,
        self: null,
        feedbackId: feedback.other,
        invite: inviter(db, other),
        unsubscribeToken: unsubscriber(db, other),
      },
    },
  };
  // As the server's upkeep job does from its start: closed waves are published before anyone reads them, so that no
  // read (accepted or refused) is the one that happens to publish.
  for (const org of [ours, other]) {
    await keepProgrammesCurrent(db, {
      organizationId: org.organizationId,
      now: org.now,
      newId,
      baseUrl: TEST_BASE_URL,
    });
  }
  return { ours, other, callers, feedback };
}

/** Every row of every table of one organisation (or all), as sorted JSON: equal digests mean nothing was written. */
export async function digest(db: Kysely<Database>, organizationId?: string): Promise<string> {
  const tables = (await db.introspection.getTables())
    .filter((t) => !t.name.startsWith('kysely_'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const parts: string[] = [];
  for (const { name: table, columns } of tables) {
    if (organizationId !== undefined && !columns.some((c) => c.name === 'organization_id')) continue;
    // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its type
    let query = (db as Kysely<any>).selectFrom(table).selectAll();
    if (organizationId !== undefined) query = query.where('organization_id', '=', organizationId);
    const rows = (await query.execute()).map((r) => JSON.stringify(r)).sort();
    parts.push(`${table}:${rows.join('\n')}`);
  }
  return parts.join('\n\n');
}
