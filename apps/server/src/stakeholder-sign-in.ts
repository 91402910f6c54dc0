import { type Database, enqueueMessage, ssoRequiredFor } from '@facets/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { mailLanguage, signInMessage } from './mail/messages.ts';

/**
 * E-mail sign-in for returning stakeholders (better-auth's magic link). A link is written to the outbox only for an
 * address the organisation knows — a user, or a stakeholder imported with that e-mail — and the page says the same
 * thing either way, so the form tells nobody which addresses exist. A stakeholder who signs in this way for the first
 * time gets an account then, joined to their stakeholder record in the organisation the message was written for.
 *
 * One address may be known to several organisations on one server. An account belongs to one organisation (the
 * session resolves a single membership), and an e-mail address alone proves nothing about who may join another
 * organisation's records: a second organisation that imports the same address is never joined to the account, so
 * its surveys and feedback never show in the first one's portal, nor the reverse. That person answers the second
 * organisation from its invitation links.
 */

export const MAGIC_LINK_MINUTES = 15;

interface Known {
  organizationId: string;
  organizationName: string;
  defaultLocale: string;
}

const lower = (email: string) => email.trim().toLowerCase();

async function knownAddress(db: Kysely<Database>, email: string): Promise<Known | undefined> {
  const member = await db
    .selectFrom('auth_user as u')
    .innerJoin('member as m', 'm.user_id', 'u.id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['o.id', 'o.name', 'o.default_locale'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', lower(email)))
    .orderBy('m.created_at')
    .orderBy('m.id')
    .executeTakeFirst();
  const row =
    member ??
    (await db
      .selectFrom('stakeholder as s')
      .innerJoin('organization as o', 'o.id', 's.organization_id')
      .select(['o.id', 'o.name', 'o.default_locale'])
      .where((eb) => eb(eb.fn('lower', ['s.email']), '=', lower(email)))
      .orderBy('s.created_at')
      .orderBy('s.id')
      .executeTakeFirst());
  return row && { organizationId: row.id, organizationName: row.name, defaultLocale: row.default_locale };
}

export function magicLinkSender(args: {
  db: Kysely<Database>;
  newId: () => string;
  clock: () => Date;
  logger?: FastifyBaseLogger;
}) {
  return async (data: { email: string; url: string; metadata?: Record<string, unknown> }) => {
    const known = await knownAddress(args.db, data.email);
    if (!known) {
      args.logger?.info('sign-in link asked for an unknown address: nothing sent');
      return;
    }
    // Staff of an organisation that requires single sign-on could not use the link (sso.ts): none is sent.
    if (await ssoRequiredFor(args.db, data.email)) {
      args.logger?.info('sign-in link asked for staff who sign in with their organisation: nothing sent');
      return;
    }
    const message = signInMessage({
      lang: mailLanguage(data.metadata?.lang, known.defaultLocale),
      organizationName: known.organizationName,
      url: data.url,
      minutes: MAGIC_LINK_MINUTES,
    });
    await enqueueMessage(args.db, {
      organizationId: known.organizationId,
      to: data.email.trim(),
      ...message,
      now: args.clock().toISOString(),
      newId: args.newId,
    });
  };
}

/**
 * Joins a user created by an e-mail sign-in to the stakeholder records of their address that have no account, in the
 * one organisation that knows the address (the oldest record, as for the message the link came in), never in others.
 */
export async function joinStakeholders(
  db: Kysely<Database>,
  user: { id: string; email: string },
  args: { newId: () => string; now: string },
): Promise<number> {
  const known = await knownAddress(db, user.email);
  if (!known) return 0;
  const stakeholders = await db
    .selectFrom('stakeholder as s')
    .select(['s.id', 's.organization_id'])
    .where('s.organization_id', '=', known.organizationId)
    .where((eb) => eb(eb.fn('lower', ['s.email']), '=', lower(user.email)))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('member as m')
            .select('m.id')
            .whereRef('m.organization_id', '=', 's.organization_id')
            .whereRef('m.stakeholder_id', '=', 's.id'),
        ),
      ),
    )
    .execute();
  if (stakeholders.length === 0) return 0;
  await db
    .insertInto('member')
    .values(
      stakeholders.map((s) => ({
        id: args.newId(),
        organization_id: s.organization_id,
        user_id: user.id,
        role: 'stakeholder',
        department: null,
        stakeholder_id: s.id,
        created_at: args.now,
      })),
    )
    .execute();
  return stakeholders.length;
}
