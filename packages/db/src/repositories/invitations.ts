import { createHash, randomBytes } from 'node:crypto';
import { DomainError, type GroupKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { inTransaction } from './rows.ts';

/**
 * Invitations to answer one wave: a single-use token per stakeholder, sent in a link. Only the token's SHA-256 is
 * stored, so a copy of the database gives nobody a working link. The invitation says that a person was invited and
 * whether the link was used, never which response is theirs (anonymous surveys keep no such link).
 */

/** A fresh token for a link: 32 random bytes, URL-safe. */
function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The link an invitation is sent in: `${baseUrl}/<group code>/i/<token>`, the portal route that redeems it. The one
 * place the format is written, for the console that sends invitations and the portals that open them.
 */
export function invitationLink(baseUrl: string, groupCode: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(groupCode)}/i/${encodeURIComponent(token)}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedInvitation {
  invitationId: string;
  stakeholderId: string;
  /** The token to put in the link; it is not kept anywhere. */
  token: string;
}

/**
 * Issues one invitation per stakeholder to a wave, all or none. Every stakeholder must belong to the wave's survey
 * group in the same organisation. Earlier invitations of the same people stay valid until they expire or are used.
 */
export async function issueInvitations(
  db: Kysely<Database>,
  input: {
    organizationId: string;
    waveId: string;
    stakeholderIds: readonly string[];
    expiresAt: string;
    now: string;
    newId: () => string;
    newToken?: () => string;
  },
): Promise<IssuedInvitation[]> {
  if (input.expiresAt <= input.now)
    throw new DomainError('invalid', 'expiresAt: must be in the future', 'expiresAt', 'in_past');
  const newToken = input.newToken ?? newInvitationToken;
  return inTransaction(db, async (trx) => {
    const wave = await trx
      .selectFrom('wave as w')
      .innerJoin('survey as s', 's.id', 'w.survey_id')
      .select(['w.id', 's.group_id'])
      .where('w.organization_id', '=', input.organizationId)
      .where('w.id', '=', input.waveId)
      .executeTakeFirst();
    if (!wave) throw new DomainError('not_found', 'waveId: no such wave', 'waveId');
    const unique = [...new Set(input.stakeholderIds)];
    if (unique.length === 0) return [];
    const known = new Set<string>();
    // Checked in chunks so that a large list stays within every driver's parameter limit.
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await trx
        .selectFrom('stakeholder')
        .select('id')
        .where('organization_id', '=', input.organizationId)
        .where('group_id', '=', wave.group_id)
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) known.add(r.id);
    }
    const stranger = unique.find((id) => !known.has(id));
    if (stranger !== undefined) {
      throw new DomainError(
        'invalid',
        `stakeholderIds: ${stranger} is not a stakeholder of this survey's group`,
        'stakeholderIds',
      );
    }
    const issued = unique.map((stakeholderId) => ({ invitationId: input.newId(), stakeholderId, token: newToken() }));
    for (let i = 0; i < issued.length; i += 200) {
      await trx
        .insertInto('invitation')
        .values(
          issued.slice(i, i + 200).map((inv) => ({
            id: inv.invitationId,
            organization_id: input.organizationId,
            wave_id: input.waveId,
            stakeholder_id: inv.stakeholderId,
            token_hash: hashToken(inv.token),
            expires_at: input.expiresAt,
            used_at: null,
            created_at: input.now,
          })),
        )
        .execute();
    }
    return issued;
  });
}

export interface Invitation {
  invitationId: string;
  organizationId: string;
  waveId: string;
  stakeholderId: string;
  group: { id: string; code: string; kind: GroupKind };
  expiresAt: string;
  usedAt: string | null;
  createdAt: string;
}

/**
 * The invitation behind a token, whatever its state; null when no invitation has this token. Callers that accept it
 * use `requireUsableInvitation`.
 */
export async function findInvitation(db: Kysely<Database>, token: string): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitation as i')
    .innerJoin('stakeholder as p', (j) =>
      j.onRef('p.id', '=', 'i.stakeholder_id').onRef('p.organization_id', '=', 'i.organization_id'),
    )
    .innerJoin('stakeholder_group as g', 'g.id', 'p.group_id')
    .select([
      'i.id',
      'i.organization_id',
      'i.wave_id',
      'i.stakeholder_id',
      'i.expires_at',
      'i.used_at',
      'i.created_at',
      'g.id as group_id',
      'g.code as group_code',
      'g.kind as group_kind',
    ])
    .where('i.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return null;
  return {
    invitationId: row.id,
    organizationId: row.organization_id,
    waveId: row.wave_id,
    stakeholderId: row.stakeholder_id,
    group: { id: row.group_id, code: row.group_code, kind: row.group_kind as GroupKind },
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    createdAt: row.created_at,
  };
}

/** The invitation behind a token if it can still be used now; otherwise a DomainError naming `token` and why. */
export async function requireUsableInvitation(
  db: Kysely<Database>,
  args: { token: string; now: string },
): Promise<Invitation> {
  const invitation = await findInvitation(db, args.token);
  if (!invitation) throw new DomainError('not_found', 'token: this invitation link is not valid', 'token');
  if (invitation.usedAt !== null)
    throw new DomainError('conflict', 'token: this invitation link was already used', 'token', 'already_used');
  if (invitation.expiresAt <= args.now)
    throw new DomainError('conflict', 'token: this invitation link has expired', 'token', 'expired');
  return invitation;
}

/**
 * Marks an invitation used, once: true for the caller that used it, false when it was already used (a concurrent
 * redemption won). Run it in the transaction of whatever the invitation was used for.
 */
export async function markInvitationUsed(
  db: Kysely<Database>,
  args: { organizationId: string; invitationId: string; now: string },
): Promise<boolean> {
  const result = await db
    .updateTable('invitation')
    .set({ used_at: args.now })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.invitationId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Gives an unused, unexpired invitation a fresh token and returns it (a reminder carries a link that works, and only
 * the hash is kept, so the old token cannot be sent again); the link sent before stops working. Null when the
 * invitation was used or expired meanwhile.
 */
export async function reissueInvitationToken(
  db: Kysely<Database>,
  args: { organizationId: string; invitationId: string; now: string; newToken?: () => string },
): Promise<string | null> {
  const token = (args.newToken ?? newInvitationToken)();
  const result = await db
    .updateTable('invitation')
    .set({ token_hash: hashToken(token) })
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.invitationId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', args.now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? token : null;
}

/** How many distinct people were invited to a wave, and how many of them used a link. */
export async function invitationCounts(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string },
): Promise<{ invited: number; used: number }> {
  const row = await db
    .selectFrom('invitation')
    .select((eb) => [
      eb.fn.count<number | string>('stakeholder_id').distinct().as('invited'),
      eb.fn
        .count<number | string>(eb.case().when('used_at', 'is not', null).then(eb.ref('stakeholder_id')).end())
        .distinct()
        .as('used'),
    ])
    .where('organization_id', '=', args.organizationId)
    .where('wave_id', '=', args.waveId)
    .executeTakeFirstOrThrow();
  return { invited: Number(row.invited), used: Number(row.used) };
}
