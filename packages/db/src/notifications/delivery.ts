import { ADMINS, DELIVERY_NOTICE_EVERY_MS, UNDELIVERED_STATUSES } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inTransaction } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { deliveryFailedMail } from './mail.ts';
import { type NotifyArgs, notify } from './notify.ts';
import { turnedOffAmong } from './preferences.ts';
import { localeOf, organizationOf, staffAddressees, staffOf } from './send.ts';

/** An admin never told before hears of the failures of this last stretch, not of the whole history. */
const FIRST_NOTICE_WITHIN_MS = 86_400_000;

/**
 * Tells each admin of the messages that could not be delivered (bounced, or failed at their last attempt) since the
 * admin was last told: one e-mail, at most one an hour (DELIVERY_NOTICE_EVERY_MS), so the failures of an hour come
 * together, by e-mail and in the console (`notify`). Each such e-mail is recorded in `delivery_notice` with the
 * message it became, each in-app item is its own record; a notice that is itself not delivered is left out of every
 * count, so a failing address never starts a loop of failure mails. Optional: an admin may turn `delivery_failed` off
 * on either channel (the delivery page lists the failures anyway).
 */
export async function notifyDeliveryFailures(db: Kysely<Database>, args: NotifyArgs): Promise<{ notified: number }> {
  const admins = await staffOf(db, args.organizationId, ADMINS);
  const offOn = async (channel: 'email' | 'in_app') =>
    turnedOffAmong(db, {
      organizationId: args.organizationId,
      kind: 'delivery_failed',
      channel,
      recipientKind: 'member',
      ids: admins.map((a) => a.id),
    });
  const [offEmail, offInApp] = [await offOn('email'), await offOn('in_app')];
  const off = new Set([...offEmail].filter((id) => offInApp.has(id)));
  const now = Date.parse(args.now);
  let notified = 0;
  for (const admin of admins.filter((a) => !off.has(a.id))) {
    const written = await inTransaction(db, async (trx) => {
      const mailed = await trx
        .selectFrom('delivery_notice')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('organization_id', '=', args.organizationId)
        .where('member_id', '=', admin.id)
        .executeTakeFirst();
      const shown = await trx
        .selectFrom('notification')
        .select((eb) => eb.fn.max('created_at').as('at'))
        .where('organization_id', '=', args.organizationId)
        .where('recipient_kind', '=', 'member')
        .where('recipient_id', '=', admin.id)
        .where('kind', '=', 'delivery_failed')
        .executeTakeFirst();
      const times = [mailed?.at, shown?.at].filter((t): t is string => typeof t === 'string').sort();
      const lastAt = times.at(-1) ?? null;
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
      const { emailed } = await notify(trx, {
        ...args,
        to: staffAddressees([admin], localeOf(null, organization.default_locale)),
        params: { kind: 'delivery_failed', bounced, failed },
        link: '/console/delivery',
        mail: (to, links) =>
          deliveryFailedMail({ locale: to.locale, organizationName: organization.name, bounced, failed, ...links }),
      });
      const outboxId = emailed.get(`member:${admin.id}`);
      if (outboxId !== undefined) {
        await trx
          .insertInto('delivery_notice')
          .values({
            organization_id: args.organizationId,
            outbox_id: outboxId,
            member_id: admin.id,
            created_at: args.now,
          })
          .execute();
      }
      return true;
    });
    if (written) notified++;
  }
  return { notified };
}
