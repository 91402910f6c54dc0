import {
  type Database,
  findMemberByUserId,
  type JobQueue,
  type MemberContext,
  noJobs,
  type WebhookSettings,
} from '@facets/db';
import type { Kysely } from 'kysely';
import { type Accounts, noAccounts } from './accounts.ts';
import type { ErrorLog } from './errors.ts';

/** Who is calling, as the transport's authentication established it; null for anonymous callers. */
export type Session = { userId: string } | null;

export interface ContextParts {
  db: Kysely<Database>;
  session: Session;
  /** Time is injected so that tests can fix it. */
  clock: () => Date;
  newId: () => string;
  /** The public origin links in messages point to (invitations, sign-in links), e.g. https://facets.example.org. */
  baseUrl: string;
  /** Where unexpected failures are recorded; console when not given. */
  log?: ErrorLog;
  /** Creates users and password links for invited staff (the server's auth); inviting fails without it. */
  accounts?: Accounts;
  /**
   * How e-mail leaves: `smtp` when the server delivers the outbox itself (no reader ever sees a message's secret
   * links), `outbox` when admins deliver it by hand (invitation and password links readable, each reading audited).
   * Not given: `smtp`, the safe side.
   */
  mailDelivery?: MailDelivery;
  /** The server's job runner, for its failed jobs; none when not given (no runner runs). */
  jobs?: Pick<JobQueue, 'failed'>;
  /** The key webhook secrets are sealed with and which URLs are allowed; webhooks cannot be created without it. */
  webhooks?: WebhookSettings;
}

export type MailDelivery = 'smtp' | 'outbox';

export interface Context {
  db: Kysely<Database>;
  session: Session;
  /** The caller's membership (organisation, role, stakeholder and group), null when anonymous or in no organisation. */
  member: MemberContext | null;
  clock: () => Date;
  newId: () => string;
  baseUrl: string;
  log: ErrorLog;
  accounts: Accounts;
  mailDelivery: MailDelivery;
  jobs: Pick<JobQueue, 'failed'>;
  webhooks: WebhookSettings | null;
}

/** Builds a request's context from injected parts; the member is read once here, never from the input. */
export async function createContextInner(parts: ContextParts): Promise<Context> {
  const member = parts.session ? ((await findMemberByUserId(parts.db, parts.session.userId)) ?? null) : null;
  return {
    db: parts.db,
    session: parts.session,
    member,
    clock: parts.clock,
    newId: parts.newId,
    baseUrl: parts.baseUrl.replace(/\/+$/, ''),
    log: parts.log ?? console,
    accounts: parts.accounts ?? noAccounts,
    mailDelivery: parts.mailDelivery ?? 'smtp',
    jobs: parts.jobs ?? noJobs,
    webhooks: parts.webhooks ?? null,
  };
}

/** The organisation a signed-in member's call acts in: what every repository call of a procedure is keyed by. */
export interface Tenant {
  organizationId: string;
}

/**
 * The context of a signed-in member's procedure (trpc.ts `authedProcedure` and every procedure built on it): `tenant`,
 * the member's organisation, and `now`, the call's instant, read once from the clock (every procedure has `now`).
 */
export type TenantContext = Context & { member: MemberContext; tenant: Tenant; now: string };
