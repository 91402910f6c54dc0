import {
  assignCompanies,
  type GroupKind,
  type QuestionFacet,
  type QuestionType,
  type Role,
  type Scale,
  type StaffRole,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { newId } from './ids.ts';
import { seedListEntries } from './model/lists.ts';
import { listCompanies, saveCompanyAssignment } from './repositories/companies.ts';
import type { Database } from './schema.ts';

/**
 * A small organisation for tests (db and API): two groups, three dimensions (one shared), an anonymous employee
 * survey and a named supplier survey, each with a closed and an open wave, stakeholders and staff who can sign in.
 */

export interface FixtureOptions {
  /** Slug of the organisation; unique by default so that several fixtures can share one database. */
  slug?: string;
  now?: string;
  kThreshold?: number;
  /** False on a schema older than the organisation's lists (a migration's test): no list entries written. */
  lists?: boolean;
}

export interface SurveyFixture {
  surveyId: string;
  /** The open wave. */
  waveId: string;
  closedWaveId: string;
  /** Question ids by code. */
  questions: Record<string, string>;
}

export interface PersonFixture {
  userId: string;
  memberId: string;
  email: string;
}

export interface StakeholderFixture extends PersonFixture {
  id: string;
  groupId: string;
  segments: Record<string, string>;
}

export interface Fixture {
  organizationId: string;
  slug: string;
  now: string;
  groups: { employee: string; supplier: string };
  dimensions: { recognition: string; transparency: string; payment: string };
  surveys: { employee: SurveyFixture; supplier: SurveyFixture };
  stakeholders: {
    alice: StakeholderFixture;
    bob: StakeholderFixture;
    carol: StakeholderFixture;
    sam: StakeholderFixture;
  };
  staff: { admin: PersonFixture; hr: PersonFixture; analyst: PersonFixture; manager: PersonFixture };
}

const text = (en: string) => JSON.stringify({ fr: `${en} (fr)`, en });

interface QuestionSpec {
  code: string;
  type: QuestionType;
  scale?: Scale;
  facet?: QuestionFacet;
  dimensionId?: string;
  options?: string[];
  required?: boolean;
}

/** The id of the organisation's company of that name (however spelled), created when there is none. */
export async function companyRecord(
  db: Kysely<Database>,
  fx: Pick<Fixture, 'organizationId' | 'now'>,
  name: string,
): Promise<string> {
  const known = await listCompanies(db, fx.organizationId);
  const assignment = assignCompanies(known, [{ company: name, email: null }], { newId, byDomain: false });
  await saveCompanyAssignment(db, { organizationId: fx.organizationId, assignment, known, now: fx.now });
  return assignment.matches[0]!.companyId!;
}

/** One more stakeholder (no sign-in) of a fixture's group, e.g. to reach an anonymity threshold. */
export async function addStakeholder(
  db: Kysely<Database>,
  fx: Pick<Fixture, 'organizationId' | 'now'>,
  args: { groupId: string; segments?: Record<string, string>; displayName?: string; company?: string },
): Promise<{ id: string; groupId: string; segments: Record<string, string> }> {
  const id = newId();
  const segments = args.segments ?? {};
  await db
    .insertInto('stakeholder')
    .values({
      id,
      organization_id: fx.organizationId,
      group_id: args.groupId,
      external_ref: null,
      email: null,
      display_name: args.displayName ?? `Stakeholder ${id.slice(-6)}`,
      company: args.company ?? null,
      company_id: args.company ? await companyRecord(db, fx, args.company) : null,
      segments: JSON.stringify(segments),
      created_at: fx.now,
    })
    .execute();
  return { id, groupId: args.groupId, segments };
}

export async function buildFixture(db: Kysely<Database>, options: FixtureOptions = {}): Promise<Fixture> {
  const now = options.now ?? '2026-11-22T09:00:00.000Z';
  const slug = options.slug ?? `org-${newId().toLowerCase()}`;
  const organizationId = newId();
  await db
    .insertInto('organization')
    .values({
      id: organizationId,
      slug,
      name: `Organisation ${slug}`,
      default_locale: 'fr',
      k_threshold: options.kThreshold ?? 5,
      comment_threshold: 5,
      created_at: now,
    })
    .execute();
  if (options.lists !== false) await seedListEntries(db, { organizationId, now });
  const tenant = { organization_id: organizationId };

  const group = async (kind: GroupKind) => {
    const id = newId();
    await db
      .insertInto('stakeholder_group')
      .values({ ...tenant, id, kind, code: kind, label: text(kind), created_at: now })
      .execute();
    return id;
  };
  const groups = { employee: await group('employee'), supplier: await group('supplier') };

  const dimension = async (code: string, groupIds: string[]) => {
    const id = newId();
    await db
      .insertInto('dimension')
      .values({ ...tenant, id, code, label: text(code), description: null, created_at: now })
      .execute();
    await db
      .insertInto('dimension_group')
      .values(groupIds.map((group_id) => ({ ...tenant, dimension_id: id, group_id })))
      .execute();
    return id;
  };
  const dimensions = {
    recognition: await dimension('recognition', [groups.employee]),
    transparency: await dimension('transparency', [groups.employee, groups.supplier]),
    payment: await dimension('payment', [groups.supplier]),
  };
  await db
    .insertInto('intended_experience')
    .values(
      [
        { groupId: groups.employee, dimensionId: dimensions.recognition, target: 80, priority: 1 },
        { groupId: groups.supplier, dimensionId: dimensions.payment, target: 90, priority: 1 },
      ].map((i) => ({
        ...tenant,
        id: newId(),
        group_id: i.groupId,
        dimension_id: i.dimensionId,
        statement: text('We intend it'),
        target: i.target,
        priority: i.priority,
        updated_at: now,
        updated_by: null,
      })),
    )
    .execute();

  const survey = async (groupId: string, anonymous: boolean, specs: QuestionSpec[]): Promise<SurveyFixture> => {
    const surveyId = newId();
    await db
      .insertInto('survey')
      .values({
        ...tenant,
        id: surveyId,
        group_id: groupId,
        kind: 'pulse',
        title: text('Pulse'),
        intro: null,
        anonymous: anonymous ? 1 : 0,
        status: 'open',
        created_at: now,
      })
      .execute();
    const waveIds = [newId(), newId()] as const;
    await db
      .insertInto('wave')
      .values(
        [
          {
            id: waveIds[0],
            sequence: 1,
            label: 'Q3',
            opens_at: '2026-07-01T00:00:00.000Z',
            closes_at: '2026-08-01T00:00:00.000Z',
            status: 'closed',
          },
          {
            id: waveIds[1],
            sequence: 2,
            label: 'Q4',
            opens_at: '2026-11-01T00:00:00.000Z',
            closes_at: null,
            status: 'open',
          },
        ].map((w) => ({ ...tenant, survey_id: surveyId, ...w })),
      )
      .execute();
    const questions: Record<string, string> = {};
    for (const q of specs) questions[q.code] = newId();
    await db
      .insertInto('question')
      .values(
        specs.map((q, i) => ({
          ...tenant,
          id: questions[q.code]!,
          survey_id: surveyId,
          position: i + 1,
          code: q.code,
          type: q.type,
          scale: q.scale ?? null,
          facet: q.facet ?? null,
          dimension_id: q.dimensionId ?? null,
          prompt: text(`Question ${q.code}`),
          options: q.options
            ? JSON.stringify(q.options.map((value) => ({ value, label: { fr: value, en: value } })))
            : null,
          required: q.required ? 1 : 0,
        })),
      )
      .execute();
    return { surveyId, waveId: waveIds[1], closedWaveId: waveIds[0], questions };
  };
  const surveys = {
    employee: await survey(groups.employee, true, [
      {
        code: 'recognition_lived',
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: dimensions.recognition,
        required: true,
      },
      {
        code: 'recognition_expected',
        type: 'rating',
        scale: 'likert5',
        facet: 'expected',
        dimensionId: dimensions.recognition,
        required: true,
      },
      {
        code: 'transparency_lived',
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: dimensions.transparency,
      },
      { code: 'enps', type: 'rating', scale: 'nps11', facet: 'outcome' },
      { code: 'mood', type: 'single_choice', options: ['good', 'ok', 'bad'] },
      { code: 'topics', type: 'multi_choice', options: ['pay', 'workload', 'team'] },
      { code: 'comment', type: 'text' },
    ]),
    supplier: await survey(groups.supplier, false, [
      {
        code: 'payment_lived',
        type: 'rating',
        scale: 'csat5',
        facet: 'lived',
        dimensionId: dimensions.payment,
        required: true,
      },
      {
        code: 'transparency_lived',
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: dimensions.transparency,
      },
      { code: 'comment', type: 'text' },
    ]),
  };

  const person = async (name: string, role: Role, extra: { department?: string; stakeholderId?: string } = {}) => {
    const userId = newId();
    const memberId = newId();
    const email = `${name}@${slug}.test`;
    await db
      .insertInto('auth_user')
      .values({ id: userId, name, email, email_verified: 1, image: null, created_at: now, updated_at: now })
      .execute();
    await db
      .insertInto('member')
      .values({
        ...tenant,
        id: memberId,
        user_id: userId,
        role,
        department: extra.department ?? null,
        stakeholder_id: extra.stakeholderId ?? null,
        created_at: now,
      })
      .execute();
    return { userId, memberId, email };
  };
  const stakeholder = async (name: string, groupId: string, segments: Record<string, string>, company?: string) => {
    const id = newId();
    await db
      .insertInto('stakeholder')
      .values({
        ...tenant,
        id,
        group_id: groupId,
        external_ref: null,
        email: `${name}@${slug}.test`,
        display_name: name[0]!.toUpperCase() + name.slice(1),
        company: company ?? null,
        company_id: company ? await companyRecord(db, { organizationId, now }, company) : null,
        segments: JSON.stringify(segments),
        created_at: now,
      })
      .execute();
    return { id, groupId, segments, ...(await person(name, 'stakeholder', { stakeholderId: id })) };
  };
  const stakeholders = {
    alice: await stakeholder('alice', groups.employee, { department: 'it', site: 'lyon' }),
    bob: await stakeholder('bob', groups.employee, { department: 'hr', site: 'lyon' }),
    carol: await stakeholder('carol', groups.employee, { department: 'it', site: 'paris' }),
    sam: await stakeholder('sam', groups.supplier, { category: 'materials' }, 'Atelier Durand'),
  };
  const staffRole = (name: StaffRole, department?: string) => person(name, name, department ? { department } : {});
  const staff = {
    admin: await staffRole('admin'),
    hr: await staffRole('hr'),
    analyst: await staffRole('analyst'),
    manager: await staffRole('manager', 'it'),
  };
  return { organizationId, slug, now, groups, dimensions, surveys, stakeholders, staff };
}

export * from './survey-testing.ts';
