import { CHANNELS_OF, DomainError, type Locale, type NotificationKind, type NotificationParams } from '@facets/domain';
import type { Kysely } from 'kysely';
import { enqueueMessage } from '../repositories/outbox.ts';
import type { Database } from '../schema.ts';
import { type Recipient, turnedOffAmong } from './preferences.ts';
import { unsubscribeLink, unsubscribeToken } from './unsubscribe.ts';

/**
 * The one path of every optional notification: for each recipient, the e-mail to the outbox and the item under the
 * bell of their app, each unless they turned that channel of the kind off, in the caller's transaction, so that a
 * notification exists on both channels or on none. The e-mail and the item link to the same page.
 */

export interface NotifyArgs {
  organizationId: string;
  now: string;
  newId: () => string;
  baseUrl: string;
}

/** One recipient: who, their address (none: no e-mail) and the language their e-mail is written in. */
export interface Addressee {
  recipient: Recipient;
  email: string | null;
  locale: Locale;
}

type Mail = { subject: string; body: string };

export async function notify(
  trx: Kysely<Database>,
  args: NotifyArgs & {
    to: readonly Addressee[];
    params: NotificationParams;
    /** A path inside the app, from the server's root: the in-app item's link, the e-mail's after the base URL. */
    link: string;
    mail: (to: Addressee, links: { link: string; unsubscribe: string }) => Mail;
  },
): Promise<{ emailed: Map<string, string>; inApp: Set<string> }> {
  const kind: NotificationKind = args.params.kind;
  if (!args.link.startsWith('/')) throw new DomainError('invalid', 'link: must be a path inside the app', 'link');
  const off = await offFor(trx, args.organizationId, kind, args.to);
  const emailed = new Map<string, string>();
  const inApp = new Set<string>();
  const base = args.baseUrl.replace(/\/+$/, '');
  for (const to of args.to) {
    const key = `${to.recipient.kind}:${to.recipient.id}`;
    if (to.email && !off.email.has(key)) {
      const token = await unsubscribeToken(trx, { organizationId: args.organizationId, recipient: to.recipient, kind });
      const mail = args.mail(to, { link: `${base}${args.link}`, unsubscribe: unsubscribeLink(base, token) });
      const { id } = await enqueueMessage(trx, { ...args, to: to.email, ...mail });
      emailed.set(key, id);
    }
    if (CHANNELS_OF[kind].includes('in_app') && !off.in_app.has(key)) {
      await trx
        .insertInto('notification')
        .values({
          id: args.newId(),
          organization_id: args.organizationId,
          recipient_kind: to.recipient.kind,
          recipient_id: to.recipient.id,
          kind,
          params: JSON.stringify(args.params),
          link: args.link,
          created_at: args.now,
          read_at: null,
        })
        .execute();
      inApp.add(key);
    }
  }
  return { emailed, inApp };
}

/** Per channel, the recipients (`kind:id`) who turned this kind off on it. */
async function offFor(trx: Kysely<Database>, organizationId: string, kind: NotificationKind, to: readonly Addressee[]) {
  const off = { email: new Set<string>(), in_app: new Set<string>() };
  for (const channel of ['email', 'in_app'] as const) {
    for (const recipientKind of ['member', 'stakeholder'] as const) {
      const ids = to.filter((t) => t.recipient.kind === recipientKind).map((t) => t.recipient.id);
      for (const id of await turnedOffAmong(trx, { organizationId, kind, channel, recipientKind, ids })) {
        off[channel].add(`${recipientKind}:${id}`);
      }
    }
  }
  return off;
}
