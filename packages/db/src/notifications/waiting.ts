import { FEEDBACK_HANDLERS } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inTransaction, localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { feedbackWaitingMail } from './mail.ts';
import { type NotifyArgs, notify } from './notify.ts';
import { localeOf, organizationOf, staffAddressees, staffOf } from './send.ts';

const DAY_MS = 86_400_000;

/**
 * Tells the handlers of named feedback that has waited the organisation's `feedback_wait_days` without a staff reply
 * (and is not resolved): its assignee when it has one who may still answer it, else every handler (FEEDBACK_HANDLERS).
 * Once per feedback: a `feedback_wait_notice` row, claimed in the transaction of the notifications, makes a second
 * run, on this server or another, write nothing. Anonymous feedback is left out, as every notice of it is (its times
 * are kept to the day, and its handlers read it in the inbox). Run by the upkeep job.
 */
export async function notifyWaitingFeedback(db: Kysely<Database>, args: NotifyArgs): Promise<{ feedback: string[] }> {
  const organization = await db
    .selectFrom('organization')
    .select('feedback_wait_days')
    .where('id', '=', args.organizationId)
    .executeTakeFirst();
  const days = organization?.feedback_wait_days ?? 0;
  if (days <= 0) return { feedback: [] };
  const before = new Date(Date.parse(args.now) - days * DAY_MS).toISOString();
  const waiting = await db
    .selectFrom('feedback as f')
    .innerJoin('stakeholder_group as g', 'g.id', 'f.group_id')
    .leftJoin('feedback_wait_notice as n', (j) =>
      j.onRef('n.feedback_id', '=', 'f.id').onRef('n.organization_id', '=', 'f.organization_id'),
    )
    .select(['f.id', 'f.assignee_member_id', 'g.label'])
    .where('f.organization_id', '=', args.organizationId)
    .where('f.stakeholder_id', 'is not', null)
    .where('f.status', '!=', 'resolved')
    .where('f.created_at', '<=', before)
    .where('n.feedback_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('feedback_reply as r')
            .select('r.id')
            .whereRef('r.organization_id', '=', 'f.organization_id')
            .whereRef('r.feedback_id', '=', 'f.id')
            .where('r.author_kind', '=', 'staff'),
        ),
      ),
    )
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  const told: string[] = [];
  for (const feedback of waiting) {
    const written = await inTransaction(db, async (trx) => {
      const claimed = await trx
        .insertInto('feedback_wait_notice')
        .values({ organization_id: args.organizationId, feedback_id: feedback.id, created_at: args.now })
        .onConflict((oc) => oc.doNothing())
        .returning('feedback_id')
        .executeTakeFirst();
      if (!claimed) return false;
      const handlers = await staffOf(trx, args.organizationId, FEEDBACK_HANDLERS);
      const assignee = handlers.filter((h) => h.id === feedback.assignee_member_id);
      const settings = await organizationOf(trx, args.organizationId);
      const group = localized(feedback.label);
      await notify(trx, {
        ...args,
        to: staffAddressees(assignee.length > 0 ? assignee : handlers, localeOf(null, settings.default_locale)),
        params: { kind: 'feedback_waiting', group, days },
        link: '/console/inbox',
        mail: (to, links) =>
          feedbackWaitingMail({
            locale: to.locale,
            organizationName: settings.name,
            groupLabel: group,
            days,
            ...links,
          }),
      });
      return true;
    });
    if (written) told.push(feedback.id);
  }
  return { feedback: told };
}
