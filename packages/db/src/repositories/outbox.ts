import {
  DomainError,
  OUTBOX_STATUSES,
  type OutboxStatus,
  type RetryPolicy,
  retryDelaySeconds,
  UNDELIVERED_STATUSES,
} from '@facets/domain';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, OutboxTable } from '../schema.ts';
import { containsPattern, decodePageCursor, encodePageCursor, inTransaction } from './rows.ts';

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
  status: OutboxStatus;
  /** When it stopped being tried (bounced, or failed at its last attempt). */
  failedAt: string | null;
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
  'status',
  'failed_at',
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
    status: r.status,
    failedAt: r.failed_at,
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

/** A message to send, with the name of its organisation for its layout (null: a message of no organisation). */
export interface DeliverableMessage extends OutboxMessage {
  organizationName: string | null;
  /** Its logo (a data URL), which the message carries inside it; null when it has none. */
  organizationLogo: string | null;
}

/**
 * Unsent messages still worth trying, oldest first: what a mail sender works through. Given `now`, only those whose
 * wait after a failed attempt is over.
 */
export async function listDeliverable(
  db: Kysely<Database>,
  args: { limit: number; now?: string },
): Promise<DeliverableMessage[]> {
  let query = db
    .selectFrom('outbox')
    .select(COLUMNS)
    .where('status', 'in', ['pending', 'retrying'])
    .where('attempts', '<', MAX_DELIVERY_ATTEMPTS);
  const now = args.now;
  if (now !== undefined)
    query = query.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]));
  const rows = await query.orderBy('created_at').orderBy('id').limit(args.limit).execute();
  const ids = [...new Set(rows.flatMap((r) => (r.organization_id === null ? [] : [r.organization_id])))];
  const organizations = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('organization').select(['id', 'name', 'logo']).where('id', 'in', ids).execute()).map(
          (o) => [o.id, o],
        ),
  );
  return rows.map((r) => {
    const organization = r.organization_id === null ? undefined : organizations.get(r.organization_id);
    return {
      ...toMessage(r),
      organizationName: organization?.name ?? null,
      organizationLogo: organization?.logo ?? null,
    };
  });
}

/**
 * Takes a message for one delivery attempt: true for the one sender whose claim counted the attempt (several
 * servers may share one database), false when another sender took it first or it was sent meanwhile. Given `now`,
 * the message is not tried again before its wait (MAIL_RETRY) is over, should this attempt fail or never finish. The
 * last attempt marks the message failed until it succeeds, so one that never finishes is not left "retrying".
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
  const last = attempt >= MAX_DELIVERY_ATTEMPTS;
  const result = await db
    .updateTable('outbox')
    .set({
      attempts: attempt,
      next_attempt_at: retryAt,
      status: last ? 'failed' : 'retrying',
      failed_at: last ? (args.now ?? null) : null,
    })
    .where('id', '=', message.id)
    .where('attempts', '=', message.attempts)
    .where('status', 'in', ['pending', 'retrying'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a refused attempt. `permanent` (the server refused the message for good: a 5xx answer) bounces it at once;
 * otherwise it is tried again after its wait, or, after its last attempt, stays failed.
 */
export async function markFailed(
  db: Kysely<Database>,
  args: { id: string; error: string; now: string; permanent?: boolean },
): Promise<void> {
  const error = args.error.slice(0, 500);
  if (args.permanent) {
    await db
      .updateTable('outbox')
      .set({ last_error: error, status: 'bounced', failed_at: args.now, next_attempt_at: null })
      .where('id', '=', args.id)
      .where('status', '!=', 'sent')
      .execute();
    return;
  }
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('outbox')
      .select(['attempts', 'failed_at'])
      .where('id', '=', args.id)
      .where('status', '!=', 'sent')
      .executeTakeFirst();
    if (!row) return;
    const last = row.attempts >= MAX_DELIVERY_ATTEMPTS;
    await trx
      .updateTable('outbox')
      .set({
        last_error: error,
        status: last ? 'failed' : 'retrying',
        failed_at: last ? (row.failed_at ?? args.now) : null,
      })
      .where('id', '=', args.id)
      .where('status', '!=', 'sent')
      .execute();
  });
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
        status: 'sent',
        failed_at: null,
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

const OUTBOX_PAGE_MAX = 200;

export interface OutboxPage {
  messages: OutboxMessage[];
  /** Reads on from the last message of this page; null on the last page. */
  nextCursor: string | null;
  /** The organisation's messages by status, over the search if there is one (not over the status filter). */
  totals: Record<OutboxStatus, number>;
}

/**
 * One page of an organisation's messages, newest first: searched in recipient and subject (any case), of one status
 * or all. The bodies are as stored: callers show them through `redactSecretLinks`.
 */
export async function listOutboxPage(
  db: Kysely<Database>,
  args: { organizationId: string; search?: string; status?: OutboxStatus; cursor?: string; limit?: number },
): Promise<OutboxPage> {
  const limit = Math.min(Math.max(args.limit ?? 50, 1), OUTBOX_PAGE_MAX);
  const search = args.search?.trim() ? containsPattern(args.search.trim()) : null;
  const ofOrganization = () => {
    let query = db.selectFrom('outbox').where('organization_id', '=', args.organizationId);
    if (search !== null) {
      query = query.where((eb) =>
        eb.or([
          sql<boolean>`lower(${sql.ref('to_address')}) like ${search} escape '\\'`,
          sql<boolean>`lower(${sql.ref('subject')}) like ${search} escape '\\'`,
        ]),
      );
    }
    return query;
  };
  let query = ofOrganization().select(COLUMNS);
  if (args.status !== undefined) query = query.where('status', '=', args.status);
  if (args.cursor !== undefined) {
    const after = decodePageCursor(args.cursor, 'outbox');
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const counted = await ofOrganization()
    .select((eb) => ['status', eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  const totals = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of counted) totals[r.status] = Number(r.n);
  const page = rows.slice(0, limit).map(toMessage);
  const last = page.at(-1);
  return {
    messages: page,
    nextCursor: rows.length > limit && last ? encodePageCursor({ at: last.createdAt, id: last.id }) : null,
    totals,
  };
}

/**
 * Puts a message that was not delivered (failed or bounced) back for delivery, from its first attempt. A sent message
 * is refused (its recipient has it, and its secret links are no longer kept), and so is one still being delivered.
 */
export async function retryMessage(
  db: Kysely<Database>,
  args: { organizationId: string; messageId: string },
): Promise<OutboxMessage> {
  return inTransaction(db, async (trx) => {
    const message = await getOutboxMessage(trx, args);
    if (!message) throw new DomainError('not_found', 'messageId: no such message', 'messageId');
    if (!UNDELIVERED_STATUSES.includes(message.status)) {
      const why = message.status === 'sent' ? 'was delivered already' : 'is still being delivered';
      throw new DomainError('conflict', `messageId: this message ${why}`, 'messageId', 'wrong_state');
    }
    const result = await trx
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: null, failed_at: null })
      .where('organization_id', '=', args.organizationId)
      .where('id', '=', args.messageId)
      .where('status', 'in', [...UNDELIVERED_STATUSES])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError('conflict', 'messageId: this message changed meanwhile', 'messageId', 'wrong_state');
    }
    return { ...message, status: 'pending', attempts: 0, failedAt: null };
  });
}
