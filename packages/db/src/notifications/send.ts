import {
  ADMINS,
  FEEDBACK_READERS,
  type FeedbackStatus,
  Locale,
  RESULTS_NOTIFIED,
  type StaffRole,
} from '@facets/domain';
import type { Kysely } from 'kysely';
import type { PublishedContent } from '../publication/content.ts';
import { enqueueMessage } from '../repositories/outbox.ts';
import { inTransaction, localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import {
  feedbackArrivedMail,
  feedbackUpdateMail,
  resultsDigestMail,
  scimLimitMail,
  webhookPausedMail,
} from './mail.ts';
import { type Addressee, type NotifyArgs, notify } from './notify.ts';

/**
 * Writes the optional notifications through `notify` (notify.ts: the e-mail and the in-app item, per the recipient's
 * choices), in the transaction of the change that causes them (feedback) or of the notice that records them (results).
 */

export type { NotifyArgs };

export const localeOf = (value: string | null, fallback: string): Locale =>
  Locale.safeParse(value ?? fallback).data ?? Locale.safeParse(fallback).data ?? 'fr';

export async function organizationOf(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['name', 'default_locale'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

/**
 * Tells the author of named feedback of a reply or a new status. Anonymous feedback has no author to tell, on either
 * channel: its author follows it in the portal with their key, and no row ties them to it.
 */
export async function notifyFeedbackChange(
  trx: Kysely<Database>,
  args: NotifyArgs & { feedbackId: string; change: { kind: 'reply' } | { kind: 'status'; status: FeedbackStatus } },
): Promise<void> {
  const author = await trx
    .selectFrom('feedback as f')
    .innerJoin('stakeholder as p', (j) =>
      j.onRef('p.id', '=', 'f.stakeholder_id').onRef('p.organization_id', '=', 'f.organization_id'),
    )
    .innerJoin('stakeholder_group as g', 'g.id', 'f.group_id')
    .select(['p.id', 'p.email', 'p.display_name', 'p.locale', 'p.erased_at', 'g.code'])
    .where('f.organization_id', '=', args.organizationId)
    .where('f.id', '=', args.feedbackId)
    .executeTakeFirst();
  if (!author || author.erased_at !== null) return;
  const organization = await organizationOf(trx, args.organizationId);
  await notify(trx, {
    ...args,
    to: [
      {
        recipient: { kind: 'stakeholder', id: author.id },
        email: author.email,
        locale: localeOf(author.locale, organization.default_locale),
      },
    ],
    params: { kind: 'feedback_update', change: args.change },
    link: `/${encodeURIComponent(author.code)}/feedback`,
    mail: (to, links) =>
      feedbackUpdateMail({
        locale: to.locale,
        organizationName: organization.name,
        personName: author.display_name,
        change: args.change,
        ...links,
      }),
  });
}

/** Staff as recipients of `notify`, in the organisation's language (staff keep no language of their own). */
export const staffAddressees = (staff: readonly { id: string; email: string }[], locale: Locale): Addressee[] =>
  staff.map((m) => ({ recipient: { kind: 'member', id: m.id }, email: m.email, locale }));

/** The organisation's active members of these roles, with their address; managers with their department. */
export async function staffOf(db: Kysely<Database>, organizationId: string, roles: readonly StaffRole[]) {
  return db
    .selectFrom('member as m')
    .innerJoin('auth_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.role', 'u.email'])
    .where('m.organization_id', '=', organizationId)
    .where('m.role', 'in', [...roles])
    .where('m.removed_at', 'is', null)
    .orderBy('m.id')
    .execute();
}

/**
 * Tells those who read feedback that named feedback has arrived. Anonymous feedback keeps only the day it was given
 * (feedback.ts), so no message or in-app item marks its moment: its readers find it in the inbox.
 */
export async function notifyFeedbackArrived(
  trx: Kysely<Database>,
  args: NotifyArgs & { feedbackId: string },
): Promise<void> {
  const feedback = await trx
    .selectFrom('feedback as f')
    .innerJoin('stakeholder_group as g', 'g.id', 'f.group_id')
    .select(['f.stakeholder_id', 'g.label'])
    .where('f.organization_id', '=', args.organizationId)
    .where('f.id', '=', args.feedbackId)
    .executeTakeFirst();
  if (!feedback || feedback.stakeholder_id === null) return;
  const organization = await organizationOf(trx, args.organizationId);
  const group = localized(feedback.label);
  await notify(trx, {
    ...args,
    to: staffAddressees(
      await staffOf(trx, args.organizationId, FEEDBACK_READERS),
      localeOf(null, organization.default_locale),
    ),
    params: { kind: 'feedback_arrived', group },
    link: '/console/inbox',
    mail: (to, links) =>
      feedbackArrivedMail({ locale: to.locale, organizationName: organization.name, groupLabel: group, ...links }),
  });
}

/** Publications older than this when first seen get no digest (a server upgraded with years of waves). */
const DIGEST_WITHIN_MS = 2 * 86_400_000;

/**
 * Writes, once per wave, the digest of its published results to leadership and to managers (employee surveys only,
 * their remit): the survey, the wave, the whole group's respondents only when the publication shows them, and a link.
 * A `results_notice` row keyed by the wave, written in the same transaction, makes a second run write nothing.
 */
export async function sendResultsDigests(db: Kysely<Database>, args: NotifyArgs): Promise<{ waves: string[] }> {
  const since = new Date(Date.parse(args.now) - DIGEST_WITHIN_MS).toISOString();
  const pending = await db
    .selectFrom('wave_publication as p')
    .innerJoin('wave as w', (j) =>
      j.onRef('w.id', '=', 'p.wave_id').onRef('w.organization_id', '=', 'p.organization_id'),
    )
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .innerJoin('stakeholder_group as g', 'g.id', 'p.group_id')
    .leftJoin('results_notice as n', (j) =>
      j.onRef('n.wave_id', '=', 'p.wave_id').onRef('n.organization_id', '=', 'p.organization_id'),
    )
    .select(['p.wave_id', 'p.group_id', 'p.content', 'w.label', 's.title', 'g.kind as group_kind'])
    .where('p.organization_id', '=', args.organizationId)
    .where('p.published_at', '>=', since)
    .where('n.wave_id', 'is', null)
    .orderBy('p.wave_id')
    .execute();
  const waves: string[] = [];
  for (const wave of pending) {
    const written = await inTransaction(db, async (trx) => {
      const claimed = await trx
        .insertInto('results_notice')
        .values({ organization_id: args.organizationId, wave_id: wave.wave_id, created_at: args.now })
        .onConflict((oc) => oc.doNothing())
        .returning('wave_id')
        .executeTakeFirst();
      if (!claimed) return false;
      const roles = RESULTS_NOTIFIED.filter((r) => r !== 'manager' || wave.group_kind === 'employee');
      const organization = await organizationOf(trx, args.organizationId);
      const content = JSON.parse(wave.content) as PublishedContent;
      const survey = localized(wave.title);
      await notify(trx, {
        ...args,
        to: staffAddressees(
          await staffOf(trx, args.organizationId, roles),
          localeOf(null, organization.default_locale),
        ),
        params: { kind: 'results_published', survey, wave: wave.label, respondents: content.respondents },
        link: `/console/groups/${encodeURIComponent(wave.group_id)}`,
        mail: (to, links) =>
          resultsDigestMail({
            locale: to.locale,
            organizationName: organization.name,
            surveyTitle: survey,
            waveLabel: wave.label,
            respondents: content.respondents,
            ...links,
          }),
      });
      return true;
    });
    if (written) waves.push(wave.wave_id);
  }
  return { waves };
}

/** Tells the organisation's admins, in the transaction that paused it, that a webhook was paused (webhooks/). */
export async function notifyWebhookPaused(trx: Kysely<Database>, args: NotifyArgs & { url: string }): Promise<void> {
  const organization = await organizationOf(trx, args.organizationId);
  for (const admin of await staffOf(trx, args.organizationId, ADMINS)) {
    const mail = webhookPausedMail({
      locale: localeOf(null, organization.default_locale),
      organizationName: organization.name,
      url: args.url,
      link: `${args.baseUrl}/console/webhooks`,
    });
    await enqueueMessage(trx, { ...args, to: admin.email, ...mail });
  }
}

/** Tells the organisation's admins that a SCIM key's deactivations were refused for the deactivation limit. */
export async function notifyScimDeactivationLimit(
  trx: Kysely<Database>,
  args: NotifyArgs & { keyName: string; groupId: string; group: string; percent: number },
): Promise<void> {
  const organization = await organizationOf(trx, args.organizationId);
  for (const admin of await staffOf(trx, args.organizationId, ADMINS)) {
    const mail = scimLimitMail({
      locale: localeOf(null, organization.default_locale),
      organizationName: organization.name,
      keyName: args.keyName,
      group: args.group,
      percent: args.percent,
      link: `${args.baseUrl}/console/directory/${args.groupId}`,
    });
    await enqueueMessage(trx, { ...args, to: admin.email, ...mail });
  }
}
