import { ADMINS, DELIVERY_NOTICE_EVERY_MS, UNDELIVERED_STATUSES } from '@facets/domain';
import type { Kysely } from 'kysely';
import { enqueueMessage } from '../repositories/outbox.ts';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { deliveryFailedMail } from './mail.ts';
import { turnedOffAmong } from './preferences.ts';
import { link, localeOf, type NotifyArgs, organizationOf, staffOf } from './send.ts';

/** An admin never told before hears of the failures of this last stretch, not of the whole history. */
const FIRST_NOTICE_WITHIN_MS = 86_400_000;

/**
 * Tells each admin of the messages that could not be delivered (bounced, or failed at their last attempt) since the
 * admin was last told: one e-mail, at most one an hour (DELIVERY_NOTICE_EVERY_MS), so the failures of an hour come
 * together. Each such e-mail is recorded in `delivery_notice` with the message it became; a notice that is itself
 * not delivered is left out of every count, so a failing address never starts a loop of failure mails. Optional:
 * an admin may turn `delivery_failed` off (the delivery page lists the failures anyway).
 */
export async function notifyDeliveryFailures(db: Kysely<Database>, args: NotifyArgs): Promise<{ notified: number }> {
  const admins = await staffOf(db, args.organizationId, ADMINS);
  const off = await turnedOffAmong(db, {
    organizationId: args.organizationId,
    kind: 'delivery_failed',
    recipientKind: 'member',
    ids: admins.map((a) => a.id),
  });
  const now = Date.parse(args.now);
  let notified = 0;
  for (const admin of admins.filter((a) => !off.has(a.id))) {
    const written = await inTransaction(db, async (trx) => {
      const previous = await trx
        .selectFrom('delivery_notice')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('organization_id', '=', args.organizationId)
        .where('member_id', '=', admin.id)
        .executeTakeFirst();
      const lastAt = previous?.at ?? null;
      if (lastAt !== null && now - Date.parse(lastAt) < DELIVERY_NOTICE_EVERY_MS) return false;
      const since = lastAt ?? new Date(now - FIRST_NOTICE_WITHIN_MS).toISOString();
      const failures = await trx
        .selectFrom('outbox as o')
        .leftJoin('delivery_notice as n', (j) =>
          j.onRef('n.outbox_id', '=', 'o.id').onRef('n.organization_id', '=', 'o.organization_id'),
        )
        .select((eb) => ['o.status', eb.fn.countAll<number | string>().as('n')])
        .where('o.organization_id', '=', args.organizationId)
        .where('o.status', 'in', [...UNDELIVERED_STATUSES])
        .where('o.failed_at', '>', since)
        .where('o.failed_at', '<=', args.now)
        .where('n.outbox_id', 'is', null)
        .groupBy('o.status')
        .execute();
      const count = (status: string) => Number(failures.find((f) => f.status === status)?.n ?? 0);
      const bounced = count('bounced');
      const failed = count('failed');
      if (bounced + failed === 0) return false;
      const organization = await organizationOf(trx, args.organizationId);
      const mail = deliveryFailedMail({
        locale: localeOf(null, organization.default_locale),
        organizationName: organization.name,
        bounced,
        failed,
        link: `${args.baseUrl.replace(/\/+$/, '')}/console/delivery`,
        unsubscribe: await link(trx, args, { kind: 'member', id: admin.id }, 'delivery_failed'),
      });
      const { id } = await enqueueMessage(trx, { ...args, to: admin.email, ...mail });
      await trx
        .insertInto('delivery_notice')
        .values({ organization_id: args.organizationId, outbox_id: id, member_id: admin.id, created_at: args.now })
        .execute();
      return true;
    });
    if (written) notified++;
  }
  return { notified };
}
