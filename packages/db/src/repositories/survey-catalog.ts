import {
  type Cadence,
  type CadenceWave,
  type GroupKind,
  type LifecycleTrigger,
  type LocalizedText,
  primaryKeyOf,
  type QuestionDesign,
  type QuestionFacet,
  type QuestionType,
  type ReminderSchedule,
  ReportingPeriod,
  type Scale,
  type SurveyKind,
  type WaveState,
  waveState,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import { cadenceOpenings, parseStoredCadence } from '../cadences/schedule.ts';
import { parseLifecycleTrigger } from '../lifecycle/trigger.ts';
import { parseReminderSchedule } from '../reminders/schedule.ts';
import type { Database } from '../schema.ts';
import type { GroupRef } from './organizations.ts';
import { bool, localized, localizedOrNull, parseJson } from './rows.ts';
import { requireSurvey, surveyHasResponses } from './survey-access.ts';

/** Surveys as the console lists and edits them, with each wave's invitations and responses counted. */

export interface WaveSummary {
  id: string;
  sequence: number;
  label: string;
  opensAt: string;
  closesAt: string | null;
  state: WaveState;
  /** People invited and links used (invitations), responses received (the submission's respondent counts). */
  invited: number;
  used: number;
  responses: number;
}

export interface SurveySummary {
  id: string;
  group: GroupRef;
  kind: SurveyKind;
  title: LocalizedText;
  anonymous: boolean;
  /** The group's headline survey: the one its results report on unless a reader chooses another. */
  headline: boolean;
  /** The survey leading the programme this one is reported in (`surveys.setProgramme`); null: it leads its own. */
  programmeSurveyId: string | null;
  /** How many other surveys are part of this survey's programme (0 for a member: programmes do not chain). */
  programmeMembers: number;
  /** The segment key the survey names as its primary breakdown (`surveys.update`); null: none named. */
  primarySegmentKey: string | null;
  /**
   * The key its waves are published by first: the one named, else `department` when the group has that attribute,
   * else null. Its segments are shown exactly as far as the rule allows; others may be hidden around them.
   */
  effectivePrimarySegmentKey: string | null;
  /** True once a wave has a publication: the primary breakdown can no longer change. */
  published: boolean;
  /** The calendar period a continuous survey reports by (`surveys.setPeriod`): one wave per period; null: by hand. */
  period: ReportingPeriod | null;
  /** When the invited who have not answered are reminded (`surveys.setReminders`). */
  reminders: ReminderSchedule;
  /** When its waves open by themselves (`surveys.setCadence`, domain `cadences.ts`); null: scheduled by hand. */
  cadence: Cadence | null;
  /** When the directory's people are invited (`surveys.setTrigger`: onboarding and exit surveys); null: by hand. */
  lifecycleTrigger: LifecycleTrigger | null;
  /** draft: no wave launched yet; open: a wave is scheduled or taking answers; closed: every wave is over. */
  status: 'draft' | 'open' | 'closed';
  questionCount: number;
  createdAt: string;
  waves: WaveSummary[];
}

export interface SurveyQuestionDetail extends QuestionDesign {
  id: string;
  position: number;
  code: string;
}

export interface SurveyDetail extends SurveySummary {
  intro: LocalizedText | null;
  /** True once a wave has responses: questions are frozen, duplicate the survey to change them. */
  locked: boolean;
  questions: SurveyQuestionDetail[];
  /** The organisation's time zone, which the cadence's days and hour are read in. */
  timeZone: string;
  /** The cadence's next openings (none without a cadence). */
  nextOpenings: CadenceWave[];
}

function statusOf(waves: readonly WaveSummary[]): SurveySummary['status'] {
  if (waves.length === 0) return 'draft';
  return waves.some((w) => w.state === 'open' || w.state === 'scheduled') ? 'open' : 'closed';
}

async function countsByWave(db: Kysely<Database>, organizationId: string, waveIds: readonly string[]) {
  const invitations = new Map<string, { invited: number; used: number }>();
  const responses = new Map<string, number>();
  for (let i = 0; i < waveIds.length; i += 500) {
    const chunk = waveIds.slice(i, i + 500);
    const [inv, resp] = await Promise.all([
      db
        .selectFrom('invitation')
        .select((eb) => [
          'wave_id',
          eb.fn.count<number | string>('stakeholder_id').distinct().as('invited'),
          eb.fn
            .count<number | string>(eb.case().when('used_at', 'is not', null).then(eb.ref('stakeholder_id')).end())
            .distinct()
            .as('used'),
        ])
        .where('organization_id', '=', organizationId)
        .where('wave_id', 'in', chunk)
        .groupBy('wave_id')
        .execute(),
      db
        .selectFrom('aggregate_respondents')
        .select(['wave_id', 'n'])
        .where('organization_id', '=', organizationId)
        .where('wave_id', 'in', chunk)
        .where('segment_key', '=', '')
        .where('segment_value', '=', '')
        .execute(),
    ]);
    for (const r of inv) invitations.set(r.wave_id, { invited: Number(r.invited), used: Number(r.used) });
    for (const r of resp) responses.set(r.wave_id, Number(r.n));
  }
  return { invitations, responses };
}

export async function listSurveys(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; groupId?: string; groupKinds?: readonly GroupKind[]; surveyId?: string },
): Promise<SurveySummary[]> {
  let query = db
    .selectFrom('survey as s')
    .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select((eb) => [
      's.id',
      's.kind',
      's.title',
      's.anonymous',
      's.headline',
      's.programme_survey_id',
      's.primary_segment_key',
      's.period',
      's.reminders',
      's.cadence',
      's.lifecycle_trigger',
      's.created_at',
      'g.id as group_id',
      'g.code as group_code',
      'g.kind as group_kind',
      'g.label as group_label',
      eb
        .selectFrom('question as q')
        .select((q) => q.fn.countAll<number>().as('c'))
        .where('q.organization_id', '=', args.organizationId)
        .whereRef('q.survey_id', '=', 's.id')
        .as('question_count'),
      eb
        .selectFrom('survey as m')
        .select((m) => m.fn.countAll<number>().as('c'))
        .where('m.organization_id', '=', args.organizationId)
        .whereRef('m.programme_survey_id', '=', 's.id')
        .as('programme_members'),
      eb
        .exists(
          eb
            .selectFrom('wave_publication as p')
            .innerJoin('wave as pw', 'pw.id', 'p.wave_id')
            .select('p.wave_id')
            .where('p.organization_id', '=', args.organizationId)
            .where('pw.organization_id', '=', args.organizationId)
            .whereRef('pw.survey_id', '=', 's.id'),
        )
        .as('published'),
    ])
    .where('s.organization_id', '=', args.organizationId)
    .where('g.organization_id', '=', args.organizationId);
  if (args.groupId !== undefined) query = query.where('s.group_id', '=', args.groupId);
  if (args.surveyId !== undefined) query = query.where('s.id', '=', args.surveyId);
  if (args.groupKinds !== undefined) query = query.where('g.kind', 'in', [...args.groupKinds]);
  const surveys = await query.orderBy('s.created_at', 'desc').orderBy('s.id').execute();
  if (surveys.length === 0) return [];
  const waves = await db
    .selectFrom('wave')
    .select(['id', 'survey_id', 'sequence', 'label', 'opens_at', 'closes_at', 'status'])
    .where('organization_id', '=', args.organizationId)
    .where(
      'survey_id',
      'in',
      surveys.map((s) => s.id),
    )
    .orderBy('sequence')
    .execute();
  const attributes = await db
    .selectFrom('segment_attribute')
    .select(['group_id', 'key'])
    .where('organization_id', '=', args.organizationId)
    .where('group_id', 'in', [...new Set(surveys.map((s) => s.group_id))])
    .execute();
  const keysOf = (groupId: string) => attributes.filter((a) => a.group_id === groupId).map((a) => a.key);
  const counts = await countsByWave(
    db,
    args.organizationId,
    waves.map((w) => w.id),
  );
  return surveys.map((s) => {
    const own = waves
      .filter((w) => w.survey_id === s.id)
      .map((w) => ({
        id: w.id,
        sequence: w.sequence,
        label: w.label,
        opensAt: w.opens_at,
        closesAt: w.closes_at,
        state: waveState({ status: w.status, opensAt: w.opens_at, closesAt: w.closes_at }, args.now),
        invited: counts.invitations.get(w.id)?.invited ?? 0,
        used: counts.invitations.get(w.id)?.used ?? 0,
        responses: counts.responses.get(w.id) ?? 0,
      }));
    return {
      id: s.id,
      group: {
        id: s.group_id,
        code: s.group_code,
        kind: s.group_kind as GroupKind,
        label: localized(s.group_label),
      },
      kind: s.kind as SurveyKind,
      title: localized(s.title),
      anonymous: bool(s.anonymous),
      headline: bool(s.headline),
      programmeSurveyId: s.programme_survey_id,
      programmeMembers: Number(s.programme_members ?? 0),
      primarySegmentKey: s.primary_segment_key,
      effectivePrimarySegmentKey: primaryKeyOf(s.primary_segment_key, keysOf(s.group_id)),
      // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
      published: Boolean(s.published),
      period: ReportingPeriod.safeParse(s.period).data ?? null,
      reminders: parseReminderSchedule(s.reminders),
      cadence: parseStoredCadence(s.cadence),
      lifecycleTrigger: parseLifecycleTrigger(s.lifecycle_trigger),
      status: statusOf(own),
      questionCount: Number(s.question_count ?? 0),
      createdAt: s.created_at,
      waves: own,
    };
  });
}

export async function getSurveyDetail(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; now: string; groupKinds?: readonly GroupKind[] },
): Promise<SurveyDetail> {
  await requireSurvey(db, args);
  const [summary] = await listSurveys(db, {
    organizationId: args.organizationId,
    now: args.now,
    surveyId: args.surveyId,
  });
  const survey = await db
    .selectFrom('survey')
    .select('intro')
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.surveyId)
    .executeTakeFirstOrThrow();
  const questions = await db
    .selectFrom('question')
    .select(['id', 'position', 'code', 'type', 'scale', 'facet', 'dimension_id', 'prompt', 'options', 'required'])
    .where('organization_id', '=', args.organizationId)
    .where('survey_id', '=', args.surveyId)
    .orderBy('position')
    .execute();
  const openings = await cadenceOpenings(db, {
    organizationId: args.organizationId,
    cadence: summary!.cadence,
    now: args.now,
  });
  return {
    ...summary!,
    ...openings,
    intro: localizedOrNull(survey.intro),
    locked: await surveyHasResponses(db, args),
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      code: q.code,
      type: q.type as QuestionType,
      scale: q.scale as Scale | null,
      facet: q.facet as QuestionFacet | null,
      dimensionId: q.dimension_id,
      prompt: localized(q.prompt),
      options: parseJson<{ value: string; label: LocalizedText }[] | null>(q.options, null),
      required: bool(q.required),
    })),
  };
}
