import type { NotificationKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Whom an optional e-mail is for: a staff member (by member id) or a stakeholder. */
export interface Recipient {
  kind: 'member' | 'stakeholder';
  id: string;
}

/** The kinds of optional e-mail a person turned off. */
export async function turnedOff(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient },
): Promise<Set<NotificationKind>> {
  const rows = await db
    .selectFrom('notification_optout')
    .select('kind')
    .where('organization_id', '=', args.organizationId)
    .where('recipient_kind', '=', args.recipient.kind)
    .where('recipient_id', '=', args.recipient.id)
    .execute();
  return new Set(rows.map((r) => r.kind as NotificationKind));
}

/** Of these recipients, the ids of those who turned `kind` off. */
export async function turnedOffAmong(
  db: Kysely<Database>,
  args: { organizationId: string; kind: NotificationKind; recipientKind: Recipient['kind']; ids: readonly string[] },
): Promise<Set<string>> {
  if (args.ids.length === 0) return new Set();
  const off = new Set<string>();
  for (let i = 0; i < args.ids.length; i += 500) {
    const rows = await db
      .selectFrom('notification_optout')
      .select('recipient_id')
      .where('organization_id', '=', args.organizationId)
      .where('recipient_kind', '=', args.recipientKind)
      .where('kind', '=', args.kind)
      .where('recipient_id', 'in', args.ids.slice(i, i + 500))
      .execute();
    for (const r of rows) off.add(r.recipient_id);
  }
  return off;
}

/** Turns one kind on or off for one person; idempotent. */
export async function setNotification(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient; kind: NotificationKind; on: boolean; now: string },
): Promise<void> {
  if (args.on) {
    await db
      .deleteFrom('notification_optout')
      .where('organization_id', '=', args.organizationId)
      .where('recipient_kind', '=', args.recipient.kind)
      .where('recipient_id', '=', args.recipient.id)
      .where('kind', '=', args.kind)
      .execute();
    return;
  }
  await db
    .insertInto('notification_optout')
    .values({
      organization_id: args.organizationId,
      recipient_kind: args.recipient.kind,
      recipient_id: args.recipient.id,
      kind: args.kind,
      created_at: args.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
