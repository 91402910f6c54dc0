import { DomainError, type GroupKind, INVITED_ONLY_KINDS, type LocalizedText, type SurveyKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import { withTeam } from '../directory/teams.ts';
import type { Database } from '../schema.ts';
import type { AnswerInput } from './answers.ts';
import { findInvitation, type Invitation, markInvitationUsed } from './invitations.ts';
import { useInvitationAmongK } from './participation-cover.ts';
import { respondentSegments } from './respondents.ts';
import { findSubmissionReplay, type SubmitResponseInput, type SubmitResult, submitResponse } from './responses.ts';
import { inTransaction, isUniqueViolation, localized, parseJson } from './rows.ts';
import { getWaveSurvey, isWaveOpen, type WaveSurvey } from './surveys.ts';

/**
 * Answering a survey from an invitation link, without an account. Opening the link changes nothing, so the invited
 * person can leave and come back through the same link (the draft waits on their device); the token counts as used
 * when, and only when, their response is accepted — in the transaction that records it. A retried submission with the
 * same key is recognised even after the link was used. For an anonymous survey the invitation keeps only the flag:
 * its `used_at` is set to its own issue time, so no time on it can be matched with the response's (only whether it is
 * null is ever read: the link's state, the response rate); and on PostgreSQL the transaction rewrites k − 1 other used
 * invitations of the wave with it, so the invitation shares the response's `xmin` with k people, not one.
 */

/** What an invitation link leads to now: a survey to answer, or why not. */
export type InvitationState = 'open' | 'used' | 'expired' | 'closed' | 'answered';

export interface InvitationSurvey {
  state: InvitationState;
  organization: { name: string; kThreshold: number };
  /** The invitee's group: its label titles a portal of custom groups (portal-kit `titleByGroup`). */
  group: { code: string; kind: GroupKind; label: LocalizedText };
  closesAt: string | null;
  /** The survey, when `state` is open. */
  survey: WaveSurvey | null;
}

const invalidLink = () => new DomainError('not_found', 'token: this invitation link is not valid', 'token');
const usedLink = () =>
  new DomainError('conflict', 'token: this invitation link was already used', 'token', 'already_used');

export async function getInvitationSurvey(
  db: Kysely<Database>,
  args: { token: string; now: string },
): Promise<InvitationSurvey> {
  const invitation = await findInvitation(db, args.token);
  if (!invitation) throw invalidLink();
  const organization = await db
    .selectFrom('organization')
    .select(['name', 'k_threshold'])
    .where('id', '=', invitation.organizationId)
    .executeTakeFirstOrThrow();
  const group = await db
    .selectFrom('stakeholder_group')
    .select('label')
    .where('organization_id', '=', invitation.organizationId)
    .where('id', '=', invitation.group.id)
    .executeTakeFirstOrThrow();
  const survey = await getWaveSurvey(db, { organizationId: invitation.organizationId, waveId: invitation.waveId });
  const state = await stateOf(db, invitation, survey, args.now);
  return {
    state,
    organization: { name: organization.name, kThreshold: organization.k_threshold },
    group: { code: invitation.group.code, kind: invitation.group.kind, label: localized(group.label) },
    closesAt: survey.closesAt,
    survey: state === 'open' ? survey : null,
  };
}

async function stateOf(
  db: Kysely<Database>,
  invitation: Invitation,
  survey: WaveSurvey,
  now: string,
): Promise<InvitationState> {
  if (invitation.usedAt !== null) return 'used';
  if (invitation.expiresAt <= now) return 'expired';
  if (!isWaveOpen({ status: survey.status, opens_at: survey.opensAt, closes_at: survey.closesAt }, now)) {
    return 'closed';
  }
  const participated = await db
    .selectFrom('wave_participation')
    .select('wave_id')
    .where('organization_id', '=', invitation.organizationId)
    .where('wave_id', '=', invitation.waveId)
    .where('stakeholder_id', '=', invitation.stakeholderId)
    .executeTakeFirst();
  return participated ? 'answered' : 'open';
}

interface InvitationSubmission {
  token: string;
  idempotencyKey: string;
  answers: AnswerInput[];
  now: string;
  newId: () => string;
}

/**
 * Records the invited person's response and uses the link, together or not at all. When two retries of one
 * submission race, the loser's transaction fails on the idempotency key and the winner's response is returned.
 */
export async function submitByInvitation(db: Kysely<Database>, input: InvitationSubmission): Promise<SubmitResult> {
  try {
    return await inTransaction(db, (trx) => submitInTransaction(trx, input));
  } catch (error) {
    if (db.isTransaction || !(error instanceof Error)) throw error;
    const invitation = await findInvitation(db, input.token);
    const replay = invitation && (await findSubmissionReplay(db, await submissionOf(db, invitation, input)));
    if (replay) return replay;
    if (isUniqueViolation(error)) throw usedLink();
    throw error;
  }
}

async function submitInTransaction(trx: Kysely<Database>, input: InvitationSubmission): Promise<SubmitResult> {
  const invitation = await findInvitation(trx, input.token);
  if (!invitation) throw invalidLink();
  const submission = await submissionOf(trx, invitation, input);
  if (invitation.usedAt !== null || invitation.expiresAt <= input.now) {
    const replay = await findSubmissionReplay(trx, submission);
    if (replay) return replay;
    if (invitation.usedAt !== null) throw usedLink();
    throw new DomainError('conflict', 'token: this invitation link has expired', 'token', 'expired');
  }
  const result = await submitResponse(trx, submission);
  if (result.duplicate) return result;
  const survey = await getWaveSurvey(trx, { organizationId: invitation.organizationId, waveId: invitation.waveId });
  const mark = () =>
    markInvitationUsed(trx, {
      organizationId: invitation.organizationId,
      invitationId: invitation.invitationId,
      now: survey.anonymous ? invitation.createdAt : input.now,
    });
  // On PostgreSQL an anonymous response's invitation is written among k of its wave's (participation-cover.ts).
  const used = survey.anonymous ? await useInvitationAmongK(trx, invitation, mark) : await mark();
  // A concurrent redemption of the same link won: this transaction rolls back, its response with it.
  if (!used) throw usedLink();
  return result;
}

/** The submission of the invited stakeholder, with their segments and team as they are now. */
async function submissionOf(
  db: Kysely<Database>,
  invitation: Invitation,
  input: InvitationSubmission,
): Promise<SubmitResponseInput> {
  const stakeholder = await db
    .selectFrom('stakeholder')
    .select(['segments', 'company_id'])
    .where('organization_id', '=', invitation.organizationId)
    .where('id', '=', invitation.stakeholderId)
    .executeTakeFirstOrThrow();
  return {
    organizationId: invitation.organizationId,
    waveId: invitation.waveId,
    stakeholderId: invitation.stakeholderId,
    groupId: invitation.group.id,
    segments: await withTeam(db, {
      organizationId: invitation.organizationId,
      stakeholderId: invitation.stakeholderId,
      segments: respondentSegments({
        segments: parseJson<Record<string, string>>(stakeholder.segments, {}),
        companyId: stakeholder.company_id,
        groupKind: invitation.group.kind,
      }),
    }),
    idempotencyKey: input.idempotencyKey,
    answers: input.answers,
    now: input.now,
    newId: input.newId,
  };
}

/** Of the given waves, those a stakeholder was invited to (whatever became of the invitation). */
export async function invitedWaves(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; waveIds: readonly string[] },
): Promise<Set<string>> {
  if (args.waveIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('invitation')
    .select('wave_id')
    .where('organization_id', '=', args.organizationId)
    .where('stakeholder_id', '=', args.stakeholderId)
    .where('wave_id', 'in', [...args.waveIds])
    .execute();
  return new Set(rows.map((r) => r.wave_id));
}

/** A wave of an invited-only survey is, to anyone not invited, a wave that does not exist. */
export async function requireInvitedIfTargeted(
  db: Kysely<Database>,
  args: { organizationId: string; stakeholderId: string; waveId: string },
): Promise<void> {
  const wave = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .select('s.kind')
    .where('w.organization_id', '=', args.organizationId)
    .where('w.id', '=', args.waveId)
    .executeTakeFirst();
  if (!wave || !INVITED_ONLY_KINDS.includes(wave.kind as SurveyKind)) return;
  const invited = await invitedWaves(db, { ...args, waveIds: [args.waveId] });
  if (!invited.has(args.waveId)) {
    throw new DomainError('not_found', 'waveId: this survey does not exist or is not open to you', 'waveId');
  }
}
