import { responseCountDue, type WebhookEvent } from '@facets/domain';
import type { Kysely } from 'kysely';
import { inTransaction, parseJson } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';

/**
 * Events for webhooks, written as deliveries (one per active subscription to the event) in the transaction of the
 * change they tell of: a delivery exists if and only if the change commits. The server's `webhooks.dispatch` job then
 * gives each its own delivery job. Payloads carry ids and figures the organisation's admins already see — never a
 * feedback text, a name, or anything of one anonymous respondent.
 */

export interface WebhookBody {
  /** The event's id: the same for every subscription (a receiver deduplicates on it). */
  id: string;
  type: WebhookEvent;
  createdAt: string;
  organizationId: string;
  data: Record<string, string | number | boolean | null>;
}

export async function emitWebhookEvent(
  trx: Kysely<Database>,
  args: {
    organizationId: string;
    event: WebhookEvent;
    data: WebhookBody['data'];
    now: string;
    newId: () => string;
  },
): Promise<number> {
  const subscriptions = await trx
    .selectFrom('webhook_subscription')
    .select(['id', 'events'])
    .where('organization_id', '=', args.organizationId)
    .where('state', '=', 'active')
    .orderBy('id')
    .execute();
  const targets = subscriptions.filter((s) => parseJson<string[]>(s.events, []).includes(args.event));
  if (targets.length === 0) return 0;
  const body: WebhookBody = {
    id: args.newId(),
    type: args.event,
    createdAt: args.now,
    organizationId: args.organizationId,
    data: args.data,
  };
  await trx
    .insertInto('webhook_delivery')
    .values(
      targets.map((s) => ({
        id: args.newId(),
        organization_id: args.organizationId,
        subscription_id: s.id,
        event: args.event,
        body: JSON.stringify(body),
        state: 'pending' as const,
        last_status: null,
        last_error: null,
        created_at: args.now,
        updated_at: args.now,
      })),
    )
    .execute();
  return targets.length;
}

/**
 * Sends `responses.counted` for the organisation's open waves whose count is due (domain `responseCountDue`: from k
 * on, in steps of at least k, at most hourly). The count is the wave's respondents, anonymous or not, never who or
 * when each answered; each wave's last count is kept in `webhook_count_notice`, claimed in the event's transaction.
 */
export async function sendResponseCounts(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; newId: () => string },
): Promise<{ waves: string[] }> {
  const subscribed = await db
    .selectFrom('webhook_subscription')
    .select('events')
    .where('organization_id', '=', args.organizationId)
    .where('state', '=', 'active')
    .execute();
  if (!subscribed.some((s) => parseJson<string[]>(s.events, []).includes('responses.counted'))) return { waves: [] };
  const organization = await db
    .selectFrom('organization')
    .select('k_threshold')
    .where('id', '=', args.organizationId)
    .executeTakeFirstOrThrow();
  const waves = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', 's.id', 'w.survey_id')
    .leftJoin('webhook_count_notice as n', (j) =>
      j.onRef('n.wave_id', '=', 'w.id').onRef('n.organization_id', '=', 'w.organization_id'),
    )
    .select((eb) => [
      'w.id',
      'w.survey_id',
      's.group_id',
      'n.respondents as last_respondents',
      'n.sent_at as last_sent_at',
      eb
        .selectFrom('response as r')
        .select((r) => r.fn.countAll<number>().as('n'))
        .where('r.organization_id', '=', args.organizationId)
        .whereRef('r.wave_id', '=', 'w.id')
        .as('respondents'),
    ])
    .where('w.organization_id', '=', args.organizationId)
    .where('s.organization_id', '=', args.organizationId)
    .where('w.status', '=', 'open')
    .where('w.opens_at', '<=', args.now)
    .where((eb) => eb.or([eb('w.closes_at', 'is', null), eb('w.closes_at', '>', args.now)]))
    .orderBy('w.id')
    .execute();
  const sent: string[] = [];
  for (const wave of waves) {
    const respondents = Number(wave.respondents ?? 0);
    const last =
      wave.last_sent_at !== null && wave.last_respondents !== null
        ? { respondents: Number(wave.last_respondents), sentAt: wave.last_sent_at }
        : null;
    if (!responseCountDue({ respondents, k: organization.k_threshold, last, now: args.now })) continue;
    const written = await inTransaction(db, async (trx) => {
      // Claimed against the count last sent, so two servers running this at once send it once.
      const claimed = last
        ? (
            await trx
              .updateTable('webhook_count_notice')
              .set({ respondents, sent_at: args.now })
              .where('organization_id', '=', args.organizationId)
              .where('wave_id', '=', wave.id)
              .where('sent_at', '=', last.sentAt)
              .executeTakeFirst()
          ).numUpdatedRows > 0n
        : (
            await trx
              .insertInto('webhook_count_notice')
              .values({ organization_id: args.organizationId, wave_id: wave.id, respondents, sent_at: args.now })
              .onConflict((oc) => oc.doNothing())
              .executeTakeFirst()
          ).numInsertedOrUpdatedRows! > 0n;
      if (!claimed) return false;
      await emitWebhookEvent(trx, {
        organizationId: args.organizationId,
        event: 'responses.counted',
        data: { waveId: wave.id, surveyId: wave.survey_id, groupId: wave.group_id, respondents },
        now: args.now,
        newId: args.newId,
      });
      return true;
    });
    if (written) sent.push(wave.id);
  }
  return { waves: sent };
}
