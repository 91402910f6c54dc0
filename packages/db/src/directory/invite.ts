import { DomainError, waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import { overFatigueLimitAmong } from '../repositories/fatigue.ts';
import { listSegmentAttributes } from '../repositories/groups.ts';
import { type Invitee, sendInvitations } from '../repositories/invitation-import.ts';
import { inTransaction, parseJson } from '../repositories/rows.ts';
import { requireWave } from '../repositories/survey-access.ts';
import type { Database } from '../schema.ts';

/**
 * Invitations from the directory: the active people of the wave's group — all of them, or those whose segments match
 * a filter (department in [sales, it] and site in [lyon]) — each invited once to the wave, through the same issuing
 * and e-mail path as a file. People already invited to the wave, people with no e-mail and people the fatigue rule
 * withholds (asked too often lately) are counted, not invited.
 */

export interface DirectoryInviteSummary {
  /** Active people of the group that the filter selects. */
  selected: number;
  invited: number;
  alreadyInvited: number;
  withoutEmail: number;
  /** Withheld by the organisation's fatigue rule (repositories/fatigue.ts). */
  overLimit: number;
}

export interface DirectoryInviteArgs {
  organization: { id: string; name: string; defaultLocale: string };
  waveId: string;
  /** Segment key → the values a person may have (any of them); keys together must all match. Empty: everyone. */
  segments?: Record<string, readonly string[]>;
  dryRun?: boolean;
  now: string;
  baseUrl: string;
  newId: () => string;
}

export async function inviteFromDirectory(
  db: Kysely<Database>,
  args: DirectoryInviteArgs,
): Promise<DirectoryInviteSummary & { dryRun: boolean }> {
  return inTransaction(db, async (trx) => {
    const organizationId = args.organization.id;
    const { survey, wave } = await requireWave(trx, { organizationId, waveId: args.waveId });
    if (waveState(wave, args.now) === 'closed') {
      throw new DomainError(
        'conflict',
        'waveId: this wave is closed and takes no more answers: schedule a new wave',
        'waveId',
        'closed',
      );
    }
    const filter = Object.entries(args.segments ?? {}).filter(([, values]) => values.length > 0);
    const attributes = await listSegmentAttributes(trx, { organizationId, groupId: survey.groupId });
    for (const [key, values] of filter) {
      const attribute = attributes.find((a) => a.key === key);
      if (!attribute) {
        throw new DomainError('invalid', `segments.${key}: the group has no such attribute`, `segments.${key}`);
      }
      const unknown = values.find((v) => !attribute.values.some((a) => a.value === v));
      if (unknown !== undefined) {
        throw new DomainError('invalid', `segments.${key}: ${unknown} is not one of its values`, `segments.${key}`);
      }
    }
    const people = await trx
      .selectFrom('stakeholder')
      .select(['id', 'email', 'display_name', 'locale', 'segments'])
      .where('organization_id', '=', organizationId)
      .where('group_id', '=', survey.groupId)
      .where('active', '=', 1)
      .where('erased_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const selected = people.filter((p) => {
      const segments = parseJson<Record<string, string>>(p.segments, {});
      return filter.every(([key, values]) => segments[key] !== undefined && values.includes(segments[key]));
    });
    const invited = new Set(
      (
        await trx
          .selectFrom('invitation')
          .select('stakeholder_id')
          .where('organization_id', '=', organizationId)
          .where('wave_id', '=', wave.id)
          .execute()
      ).map((r) => r.stakeholder_id),
    );
    const already = selected.filter((p) => invited.has(p.id));
    const withoutEmail = selected.filter((p) => !invited.has(p.id) && !p.email);
    const toInvite: Invitee[] = selected
      .filter((p) => !invited.has(p.id) && p.email)
      .map((p) => ({ id: p.id, email: p.email!, name: p.display_name, locale: p.locale }));
    const dryRun = args.dryRun === true;
    const overLimit = dryRun
      ? (
          await overFatigueLimitAmong(trx, {
            organizationId,
            stakeholderIds: toInvite.map((p) => p.id),
            now: args.now,
            lock: false,
          })
        ).size
      : (await sendInvitations(trx, { ...args, survey, wave, people: toInvite })).overLimit.length;
    return {
      selected: selected.length,
      invited: toInvite.length - overLimit,
      alreadyInvited: already.length,
      withoutEmail: withoutEmail.length,
      overLimit,
      dryRun,
    };
  });
}
