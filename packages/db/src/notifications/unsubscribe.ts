import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, NotificationKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { type Recipient, setNotification } from './preferences.ts';

/**
 * Every optional e-mail carries a link that turns its kind's e-mails off for its recipient, without signing in: the token names
 * the organisation, the recipient and the kind, signed with the organisation's key (HMAC-SHA-256, made on first use
 * and kept in the database). It grants nothing but turning that one kind off.
 */

async function organizationKey(db: Kysely<Database>, organizationId: string): Promise<string> {
  const read = () =>
    db.selectFrom('organization').select('notification_key').where('id', '=', organizationId).executeTakeFirst();
  const row = await read();
  if (!row) throw new DomainError('not_found', 'organizationId: no such organisation', 'organizationId');
  if (row.notification_key) return row.notification_key;
  // Two servers making the key at once: the first write counts, both read it back.
  await db
    .updateTable('organization')
    .set({ notification_key: randomBytes(32).toString('base64url') })
    .where('id', '=', organizationId)
    .where('notification_key', 'is', null)
    .execute();
  return (await read())!.notification_key!;
}

const sign = (key: string, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');

export async function unsubscribeToken(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient; kind: NotificationKind },
): Promise<string> {
  const payload = Buffer.from(
    JSON.stringify([args.organizationId, args.recipient.kind, args.recipient.id, args.kind]),
  ).toString('base64url');
  return `${payload}.${sign(await organizationKey(db, args.organizationId), payload)}`;
}

/** The page that reads the token and turns the kind off (console `/console/unsubscribe`). */
export function unsubscribeLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/console/unsubscribe?token=${encodeURIComponent(token)}`;
}

const refused = () => new DomainError('invalid', 'token: this unsubscribe link is not valid', 'token');

/** Turns off the kind a valid token names; returns it. A token not signed by its organisation's key is refused. */
export async function unsubscribe(
  db: Kysely<Database>,
  args: { token: string; now: string },
): Promise<{ kind: NotificationKind }> {
  const [payload, signature, extra] = args.token.split('.');
  if (!payload || !signature || extra !== undefined) throw refused();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === 'string')) throw refused();
  const [organizationId, recipientKind, recipientId, kindText] = parts as string[];
  const kind = NotificationKind.safeParse(kindText);
  if (!kind.success || (recipientKind !== 'member' && recipientKind !== 'stakeholder')) throw refused();
  const exists = await db.selectFrom('organization').select('id').where('id', '=', organizationId!).executeTakeFirst();
  if (!exists) throw refused();
  const expected = Buffer.from(sign(await organizationKey(db, organizationId!), payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw refused();
  await setNotification(db, {
    organizationId: organizationId!,
    recipient: { kind: recipientKind, id: recipientId! },
    kind: kind.data,
    channel: 'email',
    on: false,
    now: args.now,
  });
  return { kind: kind.data };
}
