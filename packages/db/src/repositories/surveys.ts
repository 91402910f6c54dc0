import {
  type ChoiceOption,
  DomainError,
  type LocalizedText,
  type QuestionFacet,
  type QuestionType,
  type Scale,
  type SurveyKind,
  type SurveyStatus,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { bool, localized, localizedOrNull, parseJson } from './rows.ts';

export interface SurveyQuestion {
  id: string;
  position: number;
  type: QuestionType;
  scale: Scale | null;
  facet: QuestionFacet | null;
  dimension: null | { id: string; label: LocalizedText };
  prompt: LocalizedText;
  options: ChoiceOption[] | null;
  required: boolean;
}

export interface WaveSurvey {
  waveId: string;
  surveyId: string;
  groupId: string;
  title: LocalizedText;
  intro: LocalizedText | null;
  anonymous: boolean;
  status: SurveyStatus;
  opensAt: string;
  closesAt: string | null;
  questions: SurveyQuestion[];
}

export interface OpenWave {
  waveId: string;
  surveyId: string;
  title: LocalizedText;
  kind: SurveyKind;
  anonymous: boolean;
  closesAt: string | null;
  answered: boolean;
  questionCount: number;
}

export interface WaveRef {
  id: string;
  label: string;
  sequence: number;
}

/** A wave takes answers when it is marked open and `now` lies within its dates. */
export function isWaveOpen(wave: { status: string; opens_at: string; closes_at: string | null }, now: string): boolean {
  return wave.status === 'open' && wave.opens_at <= now && (wave.closes_at === null || now < wave.closes_at);
}

/** The waves a stakeholder of a group can answer now, and whether they already did. */
export async function listOpenWaves(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; stakeholderId: string; now: string },
): Promise<OpenWave[]> {
  const rows = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select((eb) => [
      'w.id as wave_id',
      'w.status',
      'w.opens_at',
      'w.closes_at',
      's.id as survey_id',
      's.title',
      's.kind',
      's.anonymous',
      eb
        .selectFrom('question as q')
        .select((q) => q.fn.countAll<number>().as('c'))
        .where('q.organization_id', '=', args.organizationId)
        .whereRef('q.survey_id', '=', 's.id')
        .as('question_count'),
      eb
        .exists(
          eb
            .selectFrom('wave_participation as p')
            .select('p.wave_id')
            .where('p.organization_id', '=', args.organizationId)
            .whereRef('p.wave_id', '=', 'w.id')
            .where('p.stakeholder_id', '=', args.stakeholderId),
        )
        .as('answered'),
    ])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('s.group_id', '=', args.groupId)
    .where('w.status', '=', 'open')
    .orderBy('w.closes_at')
    .orderBy('w.id')
    .execute();
  return rows
    .filter((r) => isWaveOpen(r, args.now))
    .map((r) => ({
      waveId: r.wave_id,
      surveyId: r.survey_id,
      title: localized(r.title),
      kind: r.kind as SurveyKind,
      anonymous: bool(r.anonymous),
      closesAt: r.closes_at,
      // SQLite answers EXISTS with 0/1, PostgreSQL with a boolean.
      answered: Boolean(r.answered),
      questionCount: Number(r.question_count ?? 0),
    }));
}

/**
 * A wave with its survey and questions in order. With `groupId`, a wave of another group is not found (a portal
 * sees only its own group's surveys).
 */
export async function getWaveSurvey(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; groupId?: string },
): Promise<WaveSurvey> {
  const wave = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select([
      'w.id as wave_id',
      'w.status',
      'w.opens_at',
      'w.closes_at',
      's.id as survey_id',
      's.group_id',
      's.title',
      's.intro',
      's.anonymous',
    ])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .executeTakeFirst();
  if (!wave || (args.groupId !== undefined && wave.group_id !== args.groupId)) {
    throw new DomainError('not_found', 'This survey does not exist or is not open to you.', 'waveId');
  }
  const questions = await db
    .selectFrom('question as q')
    .leftJoin('dimension as d', 'd.id', 'q.dimension_id')
    .select([
      'q.id',
      'q.position',
      'q.type',
      'q.scale',
      'q.facet',
      'q.prompt',
      'q.options',
      'q.required',
      'd.id as dimension_id',
      'd.label as dimension_label',
    ])
    .where('q.organization_id', '=', args.organizationId)
    .where('q.survey_id', '=', wave.survey_id)
    .orderBy('q.position')
    .execute();
  return {
    waveId: wave.wave_id,
    surveyId: wave.survey_id,
    groupId: wave.group_id,
    title: localized(wave.title),
    intro: localizedOrNull(wave.intro),
    anonymous: bool(wave.anonymous),
    status: wave.status as SurveyStatus,
    opensAt: wave.opens_at,
    closesAt: wave.closes_at,
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      type: q.type as QuestionType,
      scale: q.scale as Scale | null,
      facet: q.facet as QuestionFacet | null,
      dimension: q.dimension_id === null ? null : { id: q.dimension_id, label: localized(q.dimension_label!) },
      prompt: localized(q.prompt),
      options: parseJson<ChoiceOption[] | null>(q.options, null),
      required: bool(q.required),
    })),
  };
}

/** A wave of a group that holds responses, with its survey and dates. */
export interface WaveWithData extends WaveRef {
  surveyId: string;
  opensAt: string;
  closesAt: string | null;
  status: SurveyStatus;
}

/**
 * The waves of a group that hold at least one response (whatever it answered), oldest first: by opening date, then
 * sequence — ascending sequence for a group with one survey.
 */
export async function listWavesWithData(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string },
): Promise<WaveWithData[]> {
  const rows = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .innerJoin('aggregate_respondents as r', 'r.wave_id', 'w.id')
    .select(['w.id', 'w.label', 'w.sequence', 'w.survey_id', 'w.opens_at', 'w.closes_at', 'w.status'])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('s.group_id', '=', args.groupId)
    .where('r.organization_id', '=', args.organizationId)
    .where('r.group_id', '=', args.groupId)
    .where('r.segment_key', '=', '')
    .where('r.segment_value', '=', '')
    .where('r.n', '>', 0)
    .orderBy('w.opens_at')
    .orderBy('w.sequence')
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    sequence: r.sequence,
    surveyId: r.survey_id,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    status: r.status as SurveyStatus,
  }));
}

/**
 * The group's waves taking answers now, with or without responses: an open wave is named from its opening, so that
 * its first answer changes nothing a reader sees.
 */
export async function listWavesUnderWay(
  db: Kysely<Database>,
  args: { organizationId: string; groupId: string; now: string },
): Promise<WaveWithData[]> {
  const rows = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select(['w.id', 'w.label', 'w.sequence', 'w.survey_id', 'w.opens_at', 'w.closes_at', 'w.status'])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('s.group_id', '=', args.groupId)
    .where('w.status', '=', 'open')
    .where('w.opens_at', '<=', args.now)
    .where((eb) => eb.or([eb('w.closes_at', 'is', null), eb('w.closes_at', '>', args.now)]))
    .orderBy('w.opens_at')
    .orderBy('w.sequence')
    .orderBy('w.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    sequence: r.sequence,
    surveyId: r.survey_id,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    status: r.status as SurveyStatus,
  }));
}

/**
 * Makes a survey its group's headline survey (`headline: true`), the group's other surveys losing the mark, or
 * removes the mark (`false`: the views fall back to the group's oldest survey with results). One transaction.
 */
export async function setHeadlineSurvey(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId: string; headline: boolean },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const survey = await tx
      .selectFrom('survey')
      .select(['group_id'])
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .executeTakeFirst();
    if (!survey) throw new DomainError('not_found', 'surveyId: no such survey', 'surveyId');
    if (args.headline) {
      await tx
        .updateTable('survey')
        .set({ headline: 0 })
        .where('organization_id', '=', args.organizationId)
        .where('group_id', '=', survey.group_id)
        .where('id', '!=', args.surveyId)
        .execute();
    }
    await tx
      .updateTable('survey')
      .set({ headline: args.headline ? 1 : 0 })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.surveyId)
      .execute();
  });
}

/**
 * The group a survey (or the survey of a wave) belongs to, within the organisation; null when there is none. With
 * both, the wave must be of the survey's programme (the survey itself, its lead or another member of it).
 */
export async function groupOfSurvey(
  db: Kysely<Database>,
  args: { organizationId: string; surveyId?: string; waveId?: string },
): Promise<string | null> {
  let query = db.selectFrom('survey as s').select('s.group_id').where('s.organization_id', '=', args.organizationId);
  if (args.surveyId !== undefined) query = query.where('s.id', '=', args.surveyId);
  if (args.waveId !== undefined) {
    const waveId = args.waveId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('wave as w')
          .innerJoin('survey as ws', 'ws.id', 'w.survey_id')
          .select('w.id')
          .where('w.organization_id', '=', args.organizationId)
          .where('ws.organization_id', '=', args.organizationId)
          .where('w.id', '=', waveId)
          .where((x) =>
            x(x.fn.coalesce('ws.programme_survey_id', 'ws.id'), '=', x.fn.coalesce('s.programme_survey_id', 's.id')),
          ),
      ),
    );
  }
  const row = await query.executeTakeFirst();
  return row?.group_id ?? null;
}
