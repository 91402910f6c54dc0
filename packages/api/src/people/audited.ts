import { eraseStakeholder, inTransaction, inviteFromDirectory, requireWave, syncDirectory } from '@facets/db';
import { waveState } from '@facets/domain';
import type { z } from 'zod';
import { audit, type Ctx } from '../audit.ts';
import type { DirectoryInviteInput, EraseInput, SyncCommitInput } from './inputs.ts';

/**
 * The directory's audited actions, each with its event in the same transaction (see audit.ts): how many people a
 * sync created, updated and deactivated, which group a person was erased from — never who.
 */

export function syncDirectoryAudited(ctx: Ctx, input: z.infer<typeof SyncCommitInput>) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const outcome = await syncDirectory(trx, { organizationId, ...input, now: ctx.now, newId: ctx.newId });
    if (outcome.status !== 'synced') return outcome;
    const group = await trx
      .selectFrom('stakeholder_group')
      .select('code')
      .where('organization_id', '=', organizationId)
      .where('id', '=', input.groupId)
      .executeTakeFirstOrThrow();
    const { summary } = outcome;
    await audit(ctx, trx, {
      action: 'people.sync',
      target: input.groupId,
      details: {
        group: group.code,
        rows: summary.rows,
        created: summary.created,
        updated: summary.updated,
        deactivated: summary.deactivated,
        confirmedDeactivation: summary.confirmationRequired,
      },
    });
    return outcome;
  });
}

export function eraseStakeholderAudited(ctx: Ctx, input: z.infer<typeof EraseInput>) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const erased = await eraseStakeholder(trx, { organizationId, ...input, now: ctx.now });
    await audit(ctx, trx, {
      action: 'people.erase',
      target: erased.stakeholderId,
      details: { group: erased.groupCode },
    });
    return { erased: true, stakeholderId: erased.stakeholderId };
  });
}

/** Invitations from the directory, recorded as an import is (flagged when the wave is open), with the filter. */
export function inviteFromDirectoryAudited(ctx: Ctx, input: z.infer<typeof DirectoryInviteInput>) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const summary = await inviteFromDirectory(trx, {
      organization: ctx.member.organization,
      ...input,
      now: ctx.now,
      baseUrl: ctx.baseUrl,
      newId: ctx.newId,
    });
    if (summary.dryRun) return summary;
    const { survey, wave } = await requireWave(trx, { organizationId, waveId: input.waveId });
    const open = waveState(wave, ctx.now) === 'open';
    await audit(ctx, trx, {
      action: open && summary.invited > 0 ? 'invitations.import_open_wave' : 'invitations.import',
      target: wave.id,
      details: {
        source: 'directory',
        surveyId: survey.id,
        group: survey.groupCode,
        wave: wave.label,
        waveOpensAt: wave.opensAt,
        filter: Object.entries(input.segments ?? {}).flatMap(([key, values]) => values.map((v) => `${key}=${v}`)),
        selected: summary.selected,
        invited: summary.invited,
      },
    });
    return summary;
  });
}
