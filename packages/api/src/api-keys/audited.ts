import { createApiKey, inTransaction, listApiKeys, revokeApiKey } from '@facets/db';
import type { CreateApiKeyInput } from '@facets/domain';
import { audit, type Ctx } from '../audit.ts';

/**
 * API keys, each creation and revocation with its audit event in the same transaction. The event holds the key's
 * name, scopes and prefix, never its secret; the created key is in the answer once and nowhere else.
 */

export function createApiKeyAudited(ctx: Ctx, input: CreateApiKeyInput) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const created = await createApiKey(trx, {
      organizationId,
      memberId: ctx.member.memberId,
      name: input.name,
      scopes: input.scopes,
      groupId: input.groupId,
      now: ctx.now,
      newId: ctx.newId,
    });
    const [key] = (await listApiKeys(trx, { organizationId })).filter((k) => k.id === created.id);
    await audit(ctx, trx, {
      action: 'api_keys.create',
      target: created.id,
      details: {
        name: input.name,
        scopes: input.scopes,
        prefix: key!.prefix,
        ...(key!.scimGroup ? { group: key!.scimGroup.code } : {}),
      },
    });
    return { ...key!, key: created.key };
  });
}

export function revokeApiKeyAudited(ctx: Ctx, input: { keyId: string }) {
  const { organizationId } = ctx.tenant;
  return inTransaction(ctx.db, async (trx) => {
    const revoked = await revokeApiKey(trx, { organizationId, keyId: input.keyId, now: ctx.now });
    if (!revoked.alreadyRevoked) {
      await audit(ctx, trx, {
        action: 'api_keys.revoke',
        target: revoked.id,
        details: { name: revoked.name, scopes: revoked.scopes },
      });
    }
    return { id: revoked.id, revoked: true };
  });
}
