import { randomBytes } from 'node:crypto';
import { DomainError } from '@facets/domain';
import type { Insertable, Kysely } from 'kysely';
import type { AnswerTable, CommentAnalysisTable, Database, ResponseTable, WaveParticipationTable } from '../schema.ts';
import { type AggregateRows, addToAggregates, aggregateRowsOf, mergeAggregateRows } from './aggregates.ts';
import { type AnswerInput, validateAnswers } from './answers.ts';
import { analysisRowsOf } from './comment-analysis.ts';
import { withCover } from './participation-cover.ts';
import { inTransaction, isUniqueViolation } from './rows.ts';
import { getWaveSurvey, isWaveOpen } from './surveys.ts';

export interface SubmitResponseInput {
  organizationId: string;
  waveId: string;
  /** The respondent; never stored on the response when the survey is anonymous. */
  stakeholderId: string;
  groupId: string;
  /** The respondent's segments now (attribute key → value), kept as a snapshot for the segment cells. */
  segments: Record<string, string>;
  /** Extra anonymity on top of the survey's own setting; it can only make a response more anonymous. */
  anonymous?: boolean;
  idempotencyKey: string;
  answers: AnswerInput[];
  now: string;
  newId: () => string;
}

export interface SubmitResult {
  responseId: string;
  duplicate: boolean;
}

/**
 * Accepts a response in one transaction: answers, participation marker and aggregates are written together or not
 * at all. A retry with the same idempotency key returns the first response id with `duplicate: true`.
 */
export async function submitResponse(db: Kysely<Database>, input: SubmitResponseInput): Promise<SubmitResult> {
  try {
    return await inTransaction(db, (trx) => submitInTransaction(trx, input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent submission committed first: the same key is a retry; otherwise the respondent answered twice.
    if (!db.isTransaction) {
      const replay = await replayOf(db, input);
      if (replay) return replay;
    }
    throw alreadyAnswered();
  }
}

/** What one accepted submission writes. */
export interface SubmissionRows {
  response: Insertable<ResponseTable>;
  answers: Insertable<AnswerTable>[];
  participation: Insertable<WaveParticipationTable>;
  /** The comment analytics of its text answers, keyed by answer. */
  analyses: Insertable<CommentAnalysisTable>[];
  aggregates: AggregateRows;
}

/** What a group commit (submission-batch.ts) does once for a whole batch instead of once per submission. */
export interface SubmitHooks {
  /** Receives the rows of the accepted submission instead of writing them (`writeSubmissions` writes them later). */
  collect?: (rows: SubmissionRows) => void;
  /** Reads the wave's survey; `getWaveSurvey` when not given. */
  waveSurvey?: typeof getWaveSurvey;
}

/** The body of a submission inside the caller's transaction. */
export async function submitInTransaction(
  trx: Kysely<Database>,
  input: SubmitResponseInput,
  hooks: SubmitHooks = {},
): Promise<SubmitResult> {
  const replay = await replayOf(trx, input);
  if (replay) return replay;

  const survey = await (hooks.waveSurvey ?? getWaveSurvey)(trx, {
    organizationId: input.organizationId,
    waveId: input.waveId,
    groupId: input.groupId,
  });
  if (!isWaveOpen({ status: survey.status, opens_at: survey.opensAt, closes_at: survey.closesAt }, input.now)) {
    throw new DomainError('conflict', 'waveId: this survey is closed', 'waveId', 'closed');
  }
  if (await hasParticipated(trx, input)) {
    // On PostgreSQL a concurrent retry may have committed since our first look; its response is visible now.
    const committed = await replayOf(trx, input);
    if (committed) return committed;
    throw alreadyAnswered();
  }
  const { answers, ratings } = validateAnswers(survey.questions, input.answers);
  const anonymous = survey.anonymous || input.anonymous === true;
  // Time-ordered ids would date an anonymous response to the millisecond: its rows get random ids.
  const ids = anonymous ? randomId : input.newId;
  const responseId = ids();
  const where = { organizationId: input.organizationId, waveId: input.waveId, groupId: input.groupId };
  const rows: SubmissionRows = {
    response: {
      id: responseId,
      organization_id: input.organizationId,
      wave_id: input.waveId,
      group_id: input.groupId,
      stakeholder_id: anonymous ? null : input.stakeholderId,
      idempotency_key: input.idempotencyKey,
      segments: JSON.stringify(input.segments),
      // An anonymous response carries the wave's opening time, the same for every response of the wave: even the
      // day would pair rows of a continuous survey (onboarding, exit) with the people invited that day.
      submitted_at: anonymous ? survey.opensAt : input.now,
    },
    answers: answers.map((a) => ({
      id: ids(),
      organization_id: input.organizationId,
      response_id: responseId,
      question_id: a.questionId,
      value_number: a.valueNumber,
      value_text: a.valueText,
      value_choices: a.valueChoices === null ? null : JSON.stringify(a.valueChoices),
    })),
    participation: {
      organization_id: input.organizationId,
      wave_id: input.waveId,
      stakeholder_id: input.stakeholderId,
    },
    analyses: [],
    aggregates: aggregateRowsOf(where, input.segments, ratings),
  };
  rows.analyses = analysisRowsOf(
    input.organizationId,
    survey.questions,
    rows.answers.map((a) => ({
      id: a.id,
      question_id: a.question_id,
      value_number: a.value_number ?? null,
      value_text: a.value_text ?? null,
    })),
  );
  if (hooks.collect) hooks.collect(rows);
  else await writeSubmissions(trx, [rows]);
  return { responseId, duplicate: false };
}

/** 128 random bits, hex: an id that says nothing of when or in which order its row was written. */
const randomId = () => randomBytes(16).toString('hex');

/** Rows per INSERT: below SQLite's and PostgreSQL's limits on bound parameters, whatever the survey's length. */
const INSERT_CHUNK = 500;

/**
 * Writes the rows of accepted submissions: every response, then every answer, then every participation marker, in
 * the order given for each table (the markers of anonymous ones among k of their wave's, in a random order, on
 * PostgreSQL), then the aggregates summed in their one global key order.
 */
export async function writeSubmissions(
  trx: Kysely<Database>,
  submissions: readonly SubmissionRows[],
  order: <T>(rows: T[]) => T[] = (rows) => rows,
): Promise<void> {
  const insert = async <T extends 'response' | 'answer' | 'comment_analysis' | 'wave_participation'>(
    table: T,
    values: Insertable<Database[T]>[],
  ) => {
    for (let i = 0; i < values.length; i += INSERT_CHUNK) {
      await trx
        .insertInto(table)
        .values(values.slice(i, i + INSERT_CHUNK) as never)
        .execute();
    }
  };
  await insert('response', order(submissions.map((s) => s.response)));
  await insert('answer', order(submissions.flatMap((s) => s.answers)));
  await insert('comment_analysis', order(submissions.flatMap((s) => s.analyses)));
  // On PostgreSQL the markers of an anonymous submission are written among k of the wave's (participation-cover.ts).
  const markers = order(
    submissions.map((s) => ({ marker: s.participation, anonymous: s.response.stakeholder_id === null })),
  );
  await insert('wave_participation', await withCover(trx, markers));
  await addToAggregates(trx, mergeAggregateRows(submissions.map((s) => s.aggregates)));
}

/**
 * The earlier response of a retried submission, checked to be the same respondent's answer to the same wave; undefined
 * when the key is new. Writes nothing (an invitation checks it before deciding a used link is a retry).
 */
export const findSubmissionReplay = (db: Kysely<Database>, input: SubmitResponseInput) => replayOf(db, input);

async function replayOf(db: Kysely<Database>, input: SubmitResponseInput): Promise<SubmitResult | undefined> {
  const existing = await db
    .selectFrom('response')
    .select(['id', 'wave_id', 'stakeholder_id'])
    .where('organization_id', '=', input.organizationId)
    .where('idempotency_key', '=', input.idempotencyKey)
    .executeTakeFirst();
  if (!existing) return undefined;
  const sameRespondent =
    existing.stakeholder_id === null
      ? await hasParticipated(db, input)
      : existing.stakeholder_id === input.stakeholderId;
  if (existing.wave_id !== input.waveId || !sameRespondent) {
    throw keyReused();
  }
  return { responseId: existing.id, duplicate: true };
}

async function hasParticipated(db: Kysely<Database>, input: SubmitResponseInput): Promise<boolean> {
  const row = await db
    .selectFrom('wave_participation')
    .select('wave_id')
    .where('organization_id', '=', input.organizationId)
    .where('wave_id', '=', input.waveId)
    .where('stakeholder_id', '=', input.stakeholderId)
    .executeTakeFirst();
  return row !== undefined;
}

export const keyReused = () =>
  new DomainError('conflict', 'idempotencyKey: already used for another submission', 'idempotencyKey', 'already_used');

export const alreadyAnswered = () =>
  new DomainError('conflict', 'waveId: you have already answered this survey', 'waveId', 'already_answered');
