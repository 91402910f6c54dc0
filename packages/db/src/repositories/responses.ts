import { createHash } from 'node:crypto';
import { DomainError } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { type AggregateRows, addToAggregates, aggregateRowsOf } from './aggregates.ts';
import { type AnswerInput, validateAnswers } from './answers.ts';
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

/** What a group commit (submission-batch.ts) does once for a whole batch instead of once per submission. */
export interface SubmitHooks {
  /** Receives the aggregate rows of the submission; written at once when not given. */
  addAggregates?: (rows: AggregateRows) => Promise<void>;
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
    throw new DomainError('conflict', 'waveId: this survey is closed', 'waveId');
  }
  if (await hasParticipated(trx, input)) {
    // On PostgreSQL a concurrent retry may have committed since our first look; its response is visible now.
    const committed = await replayOf(trx, input);
    if (committed) return committed;
    throw alreadyAnswered();
  }
  const { answers, ratings } = validateAnswers(survey.questions, input.answers);
  const anonymous = survey.anonymous || input.anonymous === true;
  // Time-ordered ids would date an anonymous response to the millisecond; its ids are derived from what the row
  // already holds (the organisation and the client's random submission key) and carry no time.
  const ids = anonymous ? anonymousIds(input.organizationId, input.idempotencyKey) : input.newId;

  const responseId = ids();
  await trx
    .insertInto('response')
    .values({
      id: responseId,
      organization_id: input.organizationId,
      wave_id: input.waveId,
      group_id: input.groupId,
      stakeholder_id: anonymous ? null : input.stakeholderId,
      idempotency_key: input.idempotencyKey,
      segments: JSON.stringify(input.segments),
      // An anonymous response carries no time of its own, not even the day (in a continuous survey the day alone
      // pairs a response with the one participation marker of that day): every one says when its wave opened.
      submitted_at: anonymous ? survey.opensAt : input.now,
    })
    .execute();
  await trx
    .insertInto('answer')
    .values(
      answers.map((a) => ({
        id: ids(),
        organization_id: input.organizationId,
        response_id: responseId,
        question_id: a.questionId,
        value_number: a.valueNumber,
        value_text: a.valueText,
        value_choices: a.valueChoices === null ? null : JSON.stringify(a.valueChoices),
      })),
    )
    .execute();
  await trx
    .insertInto('wave_participation')
    .values({ organization_id: input.organizationId, wave_id: input.waveId, stakeholder_id: input.stakeholderId })
    .execute();
  const where = { organizationId: input.organizationId, waveId: input.waveId, groupId: input.groupId };
  const rows = aggregateRowsOf(where, input.segments, ratings);
  await (hooks.addAggregates ? hooks.addAggregates(rows) : addToAggregates(trx, rows));
  return { responseId, duplicate: false };
}

/** Ids for the rows of one anonymous response: a hash of its organisation, key and position, no time in them. */
function anonymousIds(organizationId: string, idempotencyKey: string): () => string {
  let n = 0;
  return () =>
    createHash('sha256').update(`${organizationId}\u0000${idempotencyKey}\u0000${n++}`).digest('hex').slice(0, 32);
}

/**
 * The earlier response of a retried submission, checked to be the same respondent's answer to the same wave; undefined
 * when the key is new. Writes nothing (an invitation checks it before deciding a used link is a retry).
 */
export const findSubmissionReplay = (db: Kysely<Database>, input: SubmitResponseInput) => replayOf(db, input);

export async function replayOf(db: Kysely<Database>, input: SubmitResponseInput): Promise<SubmitResult | undefined> {
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
    throw new DomainError('conflict', 'idempotencyKey: already used for another submission', 'idempotencyKey');
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

export const alreadyAnswered = () =>
  new DomainError('conflict', 'waveId: you have already answered this survey', 'waveId');

/** How many responses a wave has received (the live response count). */
export async function countResponses(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string },
): Promise<number> {
  const row = await db
    .selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
