import { CHANNELS_OF, invalid, type NotificationChannel, type NotificationKind } from '@facets/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Whom a notification is for: a staff member (by member id) or a stakeholder. */
export interface Recipient {
  kind: 'member' | 'stakeholder';
  id: string;
}

/** What a person gets of each of these kinds: each channel the kind goes by, on unless they turned it off. */
export async function choicesOf(
  db: Kysely<Database>,
  args: { organizationId: string; recipient: Recipient; kinds: readonly NotificationKind[] },
): Promise<{ kind: NotificationKind; email: boolean | null; inApp: boolean | null }[]> {
  const rows = await db
    .selectFrom('notification_optout')
    .select(['kind', 'channel'])
    .where('organization_id', '=', args.organizationId)
    .where('recipient_kind', '=', args.recipient.kind)
    .where('recipient_id', '=', args.recipient.id)
    .execute();
  const off = new Set(rows.map((r) => `${r.kind}:${r.channel}`));
  const choice = (kind: NotificationKind, channel: NotificationChannel) =>
    CHANNELS_OF[kind].includes(channel) ? !off.has(`${kind}:${channel}`) : null;
  return args.kinds.map((kind) => ({ kind, email: choice(kind, 'email'), inApp: choice(kind, 'in_app') }));
}

/** Of these recipients, the ids of those who turned `kind` off on `channel`. */
export async function turnedOffAmong(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    kind: NotificationKind;
    channel: NotificationChannel;
    recipientKind: Recipient['kind'];
    ids: readonly string[];
  },
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
      .where('channel', '=', args.channel)
      .where('recipient_id', 'in', args.ids.slice(i, i + 500))
      .execute();
    for (const r of rows) off.add(r.recipient_id);
  }
  return off;
}

/** Turns one kind on or off on one channel for one person; idempotent. */
export async function setNotification(
  db: Kysely<Database>,
  args: {
    organizationId: string;
    recipient: Recipient;
    kind: NotificationKind;
    channel: NotificationChannel;
    on: boolean;
    now: string;
  },
): Promise<void> {
  if (!CHANNELS_OF[args.kind].includes(args.channel)) {
    throw invalid('channel', `${args.kind} goes by ${CHANNELS_OF[args.kind].join(', ')} only`, 'invalid_value');
  }
  const mine = db
    .deleteFrom('notification_optout')
    .where('organization_id', '=', args.organizationId)
    .where('recipient_kind', '=', args.recipient.kind)
    .where('recipient_id', '=', args.recipient.id)
    .where('kind', '=', args.kind)
    .where('channel', '=', args.channel);
  if (args.on) {
    await mine.execute();
    return;
  }
  await db
    .insertInto('notification_optout')
    .values({
      organization_id: args.organizationId,
      recipient_kind: args.recipient.kind,
      recipient_id: args.recipient.id,
      kind: args.kind,
      channel: args.channel,
      created_at: args.now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
