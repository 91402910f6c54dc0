import { companyValue, type Database, newId, submitResponse, withTeam } from '@facets/db';
import { addStakeholder } from '@facets/db/testing';
import type { Kysely } from 'kysely';
import { callerFor, type Org } from '../test-setup.ts';

/** Test support for the insights views: respondents, segment attributes, plans and a dimension comment question. */

export interface Respondent {
  segments?: Record<string, string>;
  /** Their manager in the directory (a stakeholder id): the response counts in the team of each manager above. */
  manager?: string;
  /** likert5 answers to the employee recognition items (required by the survey). */
  lived?: number;
  expected?: number;
  transparency?: number;
  enps?: number;
  /** A comment on recognition (the question `addCommentQuestion` adds). */
  comment?: string;
}

let keys = 0;

/**
 * Employees (new stakeholders, no sign-in) answering the employee survey, each through `submitResponse` as a portal
 * submission would. `wave: 'closed'` answers the earlier wave (opened for the time of the submission). The wave is
 * closed afterwards, as if it had reached its closing date with these answers, so that the views report on it (they
 * read published waves only); `keepOpen` leaves it taking answers.
 */
export async function answerEmployees(
  db: Kysely<Database>,
  org: Org,
  people: readonly Respondent[],
  options: { wave?: 'open' | 'closed'; commentQuestionId?: string; keepOpen?: boolean } = {},
): Promise<void> {
  const survey = org.surveys.employee;
  const closed = options.wave === 'closed';
  const waveId = closed ? survey.closedWaveId : survey.waveId;
  const now = closed ? '2026-07-15T09:00:00.000Z' : org.now;
  await reopen(db, waveId);
  const q = survey.questions;
  for (const p of people) {
    const s = await addStakeholder(db, org, { groupId: org.groups.employee, segments: p.segments ?? {} });
    if (p.manager) await db.updateTable('stakeholder').set({ manager_id: p.manager }).where('id', '=', s.id).execute();
    const answers = [
      { questionId: q.recognition_lived!, value: p.lived ?? 4 },
      { questionId: q.recognition_expected!, value: p.expected ?? 4 },
      ...(p.transparency === undefined ? [] : [{ questionId: q.transparency_lived!, value: p.transparency }]),
      ...(p.enps === undefined ? [] : [{ questionId: q.enps!, value: p.enps }]),
      ...(p.comment === undefined || !options.commentQuestionId
        ? []
        : [{ questionId: options.commentQuestionId, text: p.comment }]),
    ];
    await submitResponse(db, {
      organizationId: org.organizationId,
      waveId,
      stakeholderId: s.id,
      groupId: org.groups.employee,
      // As a portal submission snapshots them: with the team from the reporting line.
      segments: await withTeam(db, { organizationId: org.organizationId, stakeholderId: s.id, segments: s.segments }),
      idempotencyKey: `insights-${++keys}`,
      answers,
      now,
      newId,
    });
  }
  if (!options.keepOpen) await close(db, waveId);
}

/**
 * Takes a fixture wave back to taking answers, as if the answers of a test had all come before its close: its
 * publication, if a view made one, goes (a real wave is published once, after its last answer).
 */
async function reopen(db: Kysely<Database>, waveId: string) {
  await db.deleteFrom('wave_publication').where('wave_id', '=', waveId).execute();
  await db.updateTable('wave').set({ status: 'open' }).where('id', '=', waveId).execute();
}

const close = (db: Kysely<Database>, waveId: string) =>
  db.updateTable('wave').set({ status: 'closed' }).where('id', '=', waveId).execute();

/** Closes every wave of the fixture's surveys, so that the views publish and report on them. */
export async function closeWaves(db: Kysely<Database>, org: Org): Promise<void> {
  await db.updateTable('wave').set({ status: 'closed' }).where('organization_id', '=', org.organizationId).execute();
}

/**
 * Contacts of a supplier `company` answering payment (lived) in the supplier survey — the open wave, or the closed one
 * (opened for the time of the submission) — with the `company` segment a portal submission snapshots.
 */
export async function answerSuppliers(
  db: Kysely<Database>,
  org: Org,
  company: string,
  count: number,
  options: {
    payment?: number;
    wave?: 'open' | 'closed';
    segments?: Record<string, string>;
    keepOpen?: boolean;
  } = {},
): Promise<void> {
  const survey = org.surveys.supplier;
  const closed = options.wave === 'closed';
  const waveId = closed ? survey.closedWaveId : survey.waveId;
  await reopen(db, waveId);
  for (let i = 0; i < count; i++) {
    const segments = { ...options.segments, company: companyValue(company) };
    const s = await addStakeholder(db, org, {
      groupId: org.groups.supplier,
      company,
      segments: options.segments ?? {},
    });
    await submitResponse(db, {
      organizationId: org.organizationId,
      waveId,
      stakeholderId: s.id,
      groupId: org.groups.supplier,
      segments,
      idempotencyKey: `insights-${++keys}`,
      answers: [{ questionId: survey.questions.payment_lived!, value: options.payment ?? 4 }],
      now: closed ? '2026-07-15T09:00:00.000Z' : org.now,
      newId,
    });
  }
  if (!options.keepOpen) await close(db, waveId);
}

/** A free-text question on recognition in the employee survey (the fixture's own comment question has no dimension). */
export async function addCommentQuestion(db: Kysely<Database>, org: Org): Promise<string> {
  const id = newId();
  await db
    .insertInto('question')
    .values({
      id,
      organization_id: org.organizationId,
      survey_id: org.surveys.employee.surveyId,
      position: 99,
      code: 'recognition_comment',
      type: 'text',
      scale: null,
      facet: null,
      dimension_id: org.dimensions.recognition,
      prompt: JSON.stringify({
        fr: 'Qu’est-ce qui améliorerait la reconnaissance ?',
        en: 'What would improve recognition?',
      }),
      options: null,
      required: 0,
    })
    .execute();
  return id;
}

export async function addSegmentAttribute(
  db: Kysely<Database>,
  org: Org,
  args: { groupId: string; key: string; values: string[] },
): Promise<void> {
  const text = (s: string) => ({ fr: `${s} (fr)`, en: s });
  await db
    .insertInto('segment_attribute')
    .values({
      id: newId(),
      organization_id: org.organizationId,
      group_id: args.groupId,
      key: args.key,
      label: JSON.stringify(text(args.key)),
      values: JSON.stringify(args.values.map((value) => ({ value, label: text(value) }))),
    })
    .execute();
}

export async function addInitiative(
  db: Kysely<Database>,
  org: Org,
  args: {
    kind: string;
    ownerDepartment: string;
    status: string;
    targets: { groupId: string; dimensionId: string }[];
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('initiative')
    .values({
      id,
      organization_id: org.organizationId,
      title: JSON.stringify({ fr: 'Initiative', en: 'Initiative' }),
      description: null,
      kind: args.kind,
      owner_department: args.ownerDepartment,
      status: args.status,
      start_date: null,
      end_date: null,
      published: 0,
      created_at: org.now,
      updated_at: org.now,
    })
    .execute();
  if (args.targets.length > 0) {
    await db
      .insertInto('initiative_target')
      .values(
        args.targets.map((t) => ({
          organization_id: org.organizationId,
          initiative_id: id,
          group_id: t.groupId,
          dimension_id: t.dimensionId,
        })),
      )
      .execute();
  }
  return id;
}

export async function addPromise(
  db: Kysely<Database>,
  org: Org,
  args: { groupId: string; dimensionId: string | null },
): Promise<void> {
  await db
    .insertInto('promise')
    .values({
      id: newId(),
      organization_id: org.organizationId,
      group_id: args.groupId,
      dimension_id: args.dimensionId,
      channel: 'employer_brand',
      statement: JSON.stringify({ fr: 'Promesse', en: 'Promise' }),
      made_on: '2026-01-01',
      created_at: org.now,
    })
    .execute();
}

/** `count` people with the given segments (and default answers). */
export const people = (count: number, segments: Record<string, string>, extra: Respondent = {}): Respondent[] =>
  Array.from({ length: count }, () => ({ ...extra, segments }));

/**
 * A survey of the employees with one question (recognition, lived), created by HR after the quarterly survey, and one
 * wave answered with `lived` by people of `department` through `submitResponse`, then closed by HR — unless
 * `keepOpen`, with `closesAt` after the tests' `now` so that it stays under way. The wave opens at `opensAt`
 * (25 November by default), is answered a day later and closed two days after that; with `surveyId`, it is another
 * wave of that pulse survey. The survey is created on 25 November whenever its waves run, after the fixture's surveys.
 */
export async function runPulse(
  db: Kysely<Database>,
  org: Org,
  args: {
    lived: readonly number[];
    department?: string;
    title?: { fr: string; en: string };
    label?: string;
    keepOpen?: boolean;
    opensAt?: string;
    closesAt?: string;
    surveyId?: string;
  },
): Promise<{ surveyId: string; waveId: string }> {
  const opensAt = args.opensAt ?? '2026-11-25T09:00:00.000Z';
  const later = (days: number) => new Date(Date.parse(opensAt) + days * 86_400_000).toISOString();
  // Created after the fixture's surveys whenever its waves run, so that it is never the group's oldest survey.
  const creator = await callerFor(db, org.staff.hr.userId, { now: '2026-11-25T09:00:00.000Z' });
  const surveyId = args.surveyId ?? (await newPulse(creator, org, args.title));
  const hr = await callerFor(db, org.staff.hr.userId, { now: opensAt });
  const { waveId } = await hr.surveys.waves.schedule({
    surveyId,
    label: args.label ?? 'Pulse 1',
    opensAt,
    closesAt: args.closesAt ?? later(5),
  });
  const [question] = (await hr.surveys.get({ surveyId })).questions;
  for (const [i, value] of args.lived.entries()) {
    const s = await addStakeholder(db, org, {
      groupId: org.groups.employee,
      segments: { department: args.department ?? 'it' },
    });
    await submitResponse(db, {
      organizationId: org.organizationId,
      waveId,
      stakeholderId: s.id,
      groupId: org.groups.employee,
      segments: s.segments,
      idempotencyKey: `pulse-${waveId}-${i}`,
      answers: [{ questionId: question!.id, value }],
      now: later(1),
      newId,
    });
  }
  if (!args.keepOpen) {
    await (await callerFor(db, org.staff.hr.userId, { now: later(3) })).surveys.waves.close({ waveId });
  }
  return { surveyId, waveId };
}

async function newPulse(
  hr: Awaited<ReturnType<typeof callerFor>>,
  org: Org,
  title: { fr: string; en: string } = { fr: 'Pulse', en: 'Pulse' },
): Promise<string> {
  const { surveyId } = await hr.surveys.create({ groupId: org.groups.employee, title });
  await hr.surveys.questions.save({
    surveyId,
    questions: [
      {
        type: 'rating',
        scale: 'likert5',
        facet: 'lived',
        dimensionId: org.dimensions.recognition,
        prompt: { fr: 'Je suis reconnu', en: 'I am recognised' },
        options: null,
        required: true,
      },
    ],
  });
  return surveyId;
}
