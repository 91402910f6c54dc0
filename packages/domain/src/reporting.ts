import { DomainError } from './errors.ts';
import { compareIds } from './order.ts';

/**
 * The reporting selection: which programme (a survey and its waves, or a family of surveys reported together — the
 * quarterly survey and its pulses) and which of its waves a view reports on. Trends, drift and alerts compare waves
 * of one programme only, never different programmes; a pulse run between two waves of the quarterly survey never
 * becomes the headline unless it is grouped into its programme or a reader chooses it.
 */

export interface ProgrammeCandidate {
  /** The survey that leads the programme. */
  surveyId: string;
  /** Marked as the group's headline (any survey of the programme carries the mark). */
  headline: boolean;
  /** When its lead survey was created. */
  createdAt: string;
  /** How many of its waves have published results. */
  publishedWaves: number;
}

/**
 * The programme a group's views report on when the reader chooses none: the headline programme when it has published
 * results, else the group's oldest programme with published results (the one it started with), else the headline
 * programme, else the oldest. Null for a group without surveys.
 */
export function defaultProgramme(candidates: readonly ProgrammeCandidate[]): string | null {
  const byAge = [...candidates].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.surveyId.localeCompare(b.surveyId),
  );
  const published = byAge.filter((c) => c.publishedWaves > 0);
  const pick = published.find((c) => c.headline) ?? published[0] ?? byAge.find((c) => c.headline) ?? byAge[0] ?? null;
  return pick?.surveyId ?? null;
}

/** A survey as the programme rule sees it: its group, and the survey leading the programme it is part of. */
export interface ProgrammeMember {
  id: string;
  groupId: string;
  /** Null: the survey leads its own programme. */
  programmeSurveyId: string | null;
}

const FIELD = 'programmeSurveyId';

/**
 * Refuses a survey joining the programme led by `lead` (null: no such survey in the organisation) unless `lead` is
 * another survey of the same group that leads its own programme, and the survey itself has no members: a programme is
 * one lead and its members, never a chain, so "the programme of a survey" is always one step away.
 */
export function checkProgrammeLead(args: {
  survey: ProgrammeMember;
  lead: ProgrammeMember | null;
  /** How many surveys are part of the survey's own programme. */
  members: number;
}): void {
  const { survey, lead } = args;
  if (!lead) throw new DomainError('not_found', `${FIELD}: no such survey`, FIELD);
  if (lead.id === survey.id) {
    throw new DomainError(
      'invalid',
      `${FIELD}: a survey cannot be part of its own programme: choose another survey, or none`,
      FIELD,
      'invalid_value',
    );
  }
  if (lead.groupId !== survey.groupId) {
    throw new DomainError(
      'invalid',
      `${FIELD}: this survey asks another group: a programme's surveys ask the same group`,
      FIELD,
      'not_allowed',
    );
  }
  if (lead.programmeSurveyId !== null) {
    throw new DomainError(
      'invalid',
      `${FIELD}: this survey is itself part of another survey's programme: choose the survey that leads it`,
      FIELD,
      'wrong_state',
    );
  }
  if (args.members > 0) {
    throw new DomainError(
      'conflict',
      `${FIELD}: other surveys are part of this survey's programme: take them out of it first`,
      FIELD,
    );
  }
}

/** A wave of a programme as ordering sees it. */
export interface ProgrammeWavePoint {
  id: string;
  sequence: number;
  opensAt: string;
  /** Null for a wave that never had a closing date: it counts from its opening. */
  closesAt: string | null;
}

/**
 * The waves of a programme's surveys in the order their results came: by closing date (a wave without one by its
 * opening), then opening, sequence and id. Within one survey this is its own order, since its waves never overlap.
 */
export function programmeWaveOrder<W extends ProgrammeWavePoint>(waves: readonly W[]): W[] {
  const at = (w: W) => w.closesAt ?? w.opensAt;
  return [...waves].sort(
    (a, b) =>
      at(a).localeCompare(at(b)) ||
      a.opensAt.localeCompare(b.opensAt) ||
      a.sequence - b.sequence ||
      compareIds(a.id, b.id),
  );
}
