import { type RetryPolicy, retryDelaySeconds } from '@facets/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../schema.ts';
import { inTransaction } from './rows.ts';

export interface OutboxMessage {
  id: string;
  organizationId: string | null;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  /** Delivery attempts so far, and why the last one failed. */
  attempts: number;
  lastError: string | null;
}

/**
 * The secret links messages carry: whoever holds one acts as its recipient (answers their survey, chooses their
 * password, signs in as them). The outbox recognises them by the shapes the product writes — survey invitations
 * (`/<group>/i/<token>`, invitations.ts), password links (`/console/set-password?token=`, the API's staff messages),
 * sign-in links (better-auth's `/api/auth/magic-link/verify?token=`) — and any other link with a `token` parameter.
 * Readers see them only where `redactSecretLinks` lets them, and a message delivered by SMTP no longer stores them.
 */
const SECRET_LINK_KINDS = ['invitation', 'set_password', 'sign_in', 'other'] as const;
export type SecretLinkKind = (typeof SECRET_LINK_KINDS)[number];

const URL_CHARS = '[^\\s<>"]';
/** One pattern per kind, tried in this order at each position of a body (a sign-in link is not also an "other"). */
const SECRET_LINK_PATTERNS: readonly [SecretLinkKind, string][] = [
  ['sign_in', `https?://${URL_CHARS}*?/api/auth/magic-link/verify\\?${URL_CHARS}+`],
  ['set_password', `https?://${URL_CHARS}*?/console/set-password\\?${URL_CHARS}+`],
  ['invitation', `https?://${URL_CHARS}*?/[^/\\s?#]+/i/[A-Za-z0-9._~%-]+`],
  ['other', `https?://${URL_CHARS}*?[?&]token=${URL_CHARS}+`],
];
const SECRET_LINK = () => new RegExp(SECRET_LINK_PATTERNS.map(([, p]) => `(${p})`).join('|'), 'g');

/** Calls `fn` on each secret link of `body` with its kind; what `fn` returns takes the link's place. */
function eachSecretLink(body: string, fn: (kind: SecretLinkKind, link: string) => string): string {
  return body.replace(SECRET_LINK(), (link: string, ...groups: unknown[]) => {
    const index = groups.slice(0, SECRET_LINK_PATTERNS.length).findIndex((g) => g !== undefined);
    return fn(SECRET_LINK_PATTERNS[index]?.[0] ?? 'other', link);
  });
}

const LINK_NAMES: Record<SecretLinkKind, { en: string; fr: string }> = {
  invitation: { en: 'survey invitation link', fr: 'lien d’invitation à l’enquête' },
  set_password: { en: 'password link', fr: 'lien de choix du mot de passe' },
  sign_in: { en: 'sign-in link', fr: 'lien de connexion' },
  other: { en: 'personal link', fr: 'lien personnel' },
};

/** What stands in a body for a link that is not shown: hidden from a reader, or sent by SMTP and not kept. */
export function linkPlaceholder(kind: SecretLinkKind, why: 'hidden' | 'sent'): string {
  const { en, fr } = LINK_NAMES[kind];
  return why === 'hidden'
    ? `[${en}, not shown · ${fr}, non affiché]`
    : `[${en} sent by e-mail, not kept · ${fr} envoyé par e-mail, non conservé]`;
}

/** The kinds of secret link a body carries, each once, in the order of SECRET_LINK_KINDS. */
export function secretLinksIn(body: string): SecretLinkKind[] {
  const found = new Set<SecretLinkKind>();
  eachSecretLink(body, (kind, link) => {
    found.add(kind);
    return link;
  });
  return SECRET_LINK_KINDS.filter((k) => found.has(k));
}

/** The body with every secret link replaced by its placeholder, except the kinds `show` keeps. */
export function redactSecretLinks(
  body: string,
  why: 'hidden' | 'sent',
  show: (kind: SecretLinkKind) => boolean = () => false,
): string {
  return eachSecretLink(body, (kind, link) => (show(kind) ? link : linkPlaceholder(kind, why)));
}

/** After this many failed attempts a message stays in the outbox for an admin to read, and is not tried again. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * How long a message waits after a failed attempt (a server that refuses for now, "451 try again later", usually
 * accepts a few minutes later): 1, 2, 4 then 8 minutes.
 */
export const MAIL_RETRY: RetryPolicy = {
  retryLimit: MAX_DELIVERY_ATTEMPTS - 1,
  retryDelaySeconds: 60,
  retryDelayMaxSeconds: 30 * 60,
};

export async function enqueueMessage(
  db: Kysely<Database>,
  input: {
    organizationId: string | null;
    to: string;
    subject: string;
    body: string;
    now: string;
    newId: () => string;
  },
): Promise<{ id: string }> {
  const id = input.newId();
  await db
    .insertInto('outbox')
    .values({
      id,
      organization_id: input.organizationId,
      to_address: input.to,
      subject: input.subject,
      body: input.body,
      created_at: input.now,
      sent_at: null,
    })
    .execute();
  return { id };
}

const COLUMNS = [
  'id',
  'organization_id',
  'to_address',
  'subject',
  'body',
  'created_at',
  'sent_at',
  'attempts',
  'last_error',
] as const;

function toMessage(r: Pick<Selectable<OutboxTable>, (typeof COLUMNS)[number]>): OutboxMessage {
  return {
    id: r.id,
    organizationId: r.organization_id,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    attempts: r.attempts,
    lastError: r.last_error,
  };
}

/** Newest first; `to` narrows to one address (tests read their magic links this way). */
export async function listOutbox(
  db: Kysely<Database>,
  args: { organizationId?: string; to?: string; unsentOnly?: boolean; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db.selectFrom('outbox').select(COLUMNS);
  if (args.organizationId !== undefined) query = query.where('organization_id', '=', args.organizationId);
  if (args.to !== undefined) query = query.where('to_address', '=', args.to);
  if (args.unsentOnly) query = query.where('sent_at', 'is', null);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(args.limit ?? 100)
    .execute();
  return rows.map(toMessage);
}

/**
 * Unsent messages still worth trying, oldest first: what a mail sender works through. Given `now`, only those whose
 * wait after a failed attempt is over.
 */
export async function listDeliverable(
  db: Kysely<Database>,
  args: { limit: number; now?: string },
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_DELIVERY_ATTEMPTS);
  const now = args.now;
  if (now !== undefined)
    query = query.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]));
  const rows = await query.orderBy('created_at').orderBy('id').limit(args.limit).execute();
  return rows.map(toMessage);
}

/**
 * Takes a message for one delivery attempt: true for the one sender whose claim counted the attempt (several
 * servers may share one database), false when another sender took it first or it was sent meanwhile. Given `now`,
 * the message is not tried again before its wait (MAIL_RETRY) is over, should this attempt fail or never finish.
 */
export async function claimDelivery(
  db: Kysely<Database>,
  message: { id: string; attempts: number },
  args: { now?: string } = {},
): Promise<boolean> {
  const attempt = message.attempts + 1;
  const retryAt =
    args.now === undefined
      ? null
      : new Date(Date.parse(args.now) + retryDelaySeconds(MAIL_RETRY, attempt) * 1000).toISOString();
  const result = await db
    .updateTable('outbox')
    .set({ attempts: attempt, next_attempt_at: retryAt })
    .where('id', '=', message.id)
    .where('attempts', '=', message.attempts)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markFailed(db: Kysely<Database>, args: { id: string; error: string }): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ last_error: args.error.slice(0, 500) })
    .where('id', '=', args.id)
    .execute();
}

/** Marks a message delivered; its stored body keeps no secret link from then on (the recipient has it). */
export async function markSent(db: Kysely<Database>, args: { id: string; now: string }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('outbox').select('body').where('id', '=', args.id).executeTakeFirst();
    if (!row) return;
    await trx
      .updateTable('outbox')
      .set({
        sent_at: args.now,
        last_error: null,
        next_attempt_at: null,
        body: redactSecretLinks(row.body, 'sent'),
      })
      .where('id', '=', args.id)
      .execute();
  });
}

/** One message of an organisation, as stored. */
export async function getOutboxMessage(
  db: Kysely<Database>,
  args: { organizationId: string; messageId: string },
): Promise<OutboxMessage | undefined> {
  const row = await db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('organization_id', '=', args.organizationId)
    .where('id', '=', args.messageId)
    .executeTakeFirst();
  return row && toMessage(row);
}
