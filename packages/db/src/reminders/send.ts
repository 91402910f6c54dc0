import { Locale, reminderDue, waveState } from '@facets/domain';
import type { Kysely } from 'kysely';
import { turnedOffAmong } from '../notifications/preferences.ts';
import { unsubscribeLink, unsubscribeToken } from '../notifications/unsubscribe.ts';
import { invitationLink, reissueInvitationToken } from '../repositories/invitations.ts';
import { enqueueMessage } from '../repositories/outbox.ts';
import { inTransaction, localized } from '../repositories/rows.ts';
import type { Database } from '../schema.ts';
import { reminderMail } from './mail.ts';
import { parseReminderSchedule } from './schedule.ts';

/**
 * Reminds, for each open wave of an organisation whose survey's schedule falls today (domain `reminderDue`), each
 * invited person who has not answered: an unused, unexpired invitation, no participation marker in the wave (anonymous
 * surveys keep no link from an answer to a person, only the marker and the used link), an active person with an
 * address, who has not turned reminders off, and no reminder yet today for any wave. Each reminder is one transaction: its `reminder` row (wave, person,
 * day — the primary key makes a second server's insert add nothing), a fresh token for the invitation and the outbox
 * message, together or not at all.
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  args: { organizationId: string; now: string; baseUrl: string; newId: () => string; newToken?: () => string },
): Promise<{ sent: number }> {
  const { organizationId, now } = args;
  const organization = await db
    .selectFrom('organization')
    .select(['name', 'default_locale'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!organization) return { sent: 0 };
  const { name: organizationName, default_locale: defaultLocale } = organization;
  const waves = await db
    .selectFrom('wave as w')
    .innerJoin('survey as s', (j) =>
      j.onRef('s.id', '=', 'w.survey_id').onRef('s.organization_id', '=', 'w.organization_id'),
    )
    .innerJoin('stakeholder_group as g', 'g.id', 's.group_id')
    .select([
      'w.id',
      'w.status',
      'w.opens_at',
      'w.closes_at',
      's.title',
      's.anonymous',
      's.reminders',
      'g.code as group_code',
    ])
    .where('w.organization_id', '=', organizationId)
    .where('s.reminders', 'is not', null)
    .where('w.status', '!=', 'draft')
    .where('w.status', '!=', 'closed')
    .where('w.opens_at', '<=', now)
    .where((eb) => eb.or([eb('w.closes_at', 'is', null), eb('w.closes_at', '>', now)]))
    .orderBy('w.id')
    .execute();
  let sent = 0;
  for (const wave of waves) {
    const times = { status: wave.status, opensAt: wave.opens_at, closesAt: wave.closes_at };
    if (waveState(times, now) !== 'open') continue;
    const day = reminderDue(parseReminderSchedule(wave.reminders), times, now);
    if (day === null) continue;
    const people = await notAnswered(db, { organizationId, waveId: wave.id, day, now });
    const off = await turnedOffAmong(db, {
      organizationId,
      kind: 'survey_reminder',
      channel: 'email',
      recipientKind: 'stakeholder',
      ids: people.map((p) => p.stakeholderId),
    });
    const due = people.filter((p) => !off.has(p.stakeholderId));
    for (let start = 0; start < due.length; start += REMINDERS_PER_TRANSACTION) {
      sent += await inTransaction(db, async (trx) => {
        let written = 0;
        for (const person of due.slice(start, start + REMINDERS_PER_TRANSACTION)) {
          if (await remind(trx, wave, day, person)) written++;
        }
        return written;
      });
    }
  }
  return { sent };

  /** One person's reminder in the batch's transaction: false when another server claimed it or the link was used. */
  async function remind(
    trx: Kysely<Database>,
    wave: (typeof waves)[number],
    day: string,
    person: Awaited<ReturnType<typeof notAnswered>>[number],
  ) {
    const locale = Locale.safeParse(person.locale ?? defaultLocale).data ?? 'fr';
    const outboxId = args.newId();
    const claimed = await trx
      .insertInto('reminder')
      .values({
        organization_id: organizationId,
        wave_id: wave.id,
        stakeholder_id: person.stakeholderId,
        day,
        outbox_id: outboxId,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('day')
      .executeTakeFirst();
    if (claimed === undefined) return false;
    const unclaim = () =>
      trx
        .deleteFrom('reminder')
        .where('organization_id', '=', organizationId)
        .where('wave_id', '=', wave.id)
        .where('stakeholder_id', '=', person.stakeholderId)
        .where('day', '=', claimed.day)
        .execute();
    const token = await reissueInvitationToken(trx, {
      organizationId,
      invitationId: person.invitationId,
      now,
      ...(args.newToken ? { newToken: args.newToken } : {}),
    });
    // Used meanwhile: no reminder, and no row saying one was sent.
    if (token === null) {
      await unclaim();
      return false;
    }
    const mail = reminderMail({
      locale,
      organizationName,
      personName: person.name,
      surveyTitle: localized(wave.title),
      anonymous: wave.anonymous === 1,
      closesAt: wave.closes_at ?? person.expiresAt,
      link: invitationLink(args.baseUrl, wave.group_code, token),
      unsubscribe: unsubscribeLink(
        args.baseUrl,
        await unsubscribeToken(trx, {
          organizationId,
          recipient: { kind: 'stakeholder', id: person.stakeholderId },
          kind: 'survey_reminder',
        }),
      ),
    });
    await enqueueMessage(trx, { organizationId, to: person.email, ...mail, now, newId: () => outboxId });
    return true;
  }
}

/**
 * Reminders written in one transaction: each is claimed by its own row, so a batch is as safe as one each, and a
 * wave of 20,000 invitees costs some hundred durable commits rather than 14,000 (bench `reminders`).
 */
const REMINDERS_PER_TRANSACTION = 200;

/** The invited of a wave who have not answered it and have had no reminder today: each one's latest usable link. */
async function notAnswered(
  db: Kysely<Database>,
  args: { organizationId: string; waveId: string; day: string; now: string },
) {
  const rows = await db
    .selectFrom('invitation as i')
    .innerJoin('stakeholder as p', (j) =>
      j.onRef('p.id', '=', 'i.stakeholder_id').onRef('p.organization_id', '=', 'i.organization_id'),
    )
    .select(['i.id', 'i.stakeholder_id', 'i.expires_at', 'i.created_at', 'p.email', 'p.display_name', 'p.locale'])
    .where('i.organization_id', '=', args.organizationId)
    .where('i.wave_id', '=', args.waveId)
    .where('i.used_at', 'is', null)
    .where('i.expires_at', '>', args.now)
    .where('p.active', '=', 1)
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('wave_participation as m')
            .select('m.wave_id')
            .where('m.organization_id', '=', args.organizationId)
            .where('m.wave_id', '=', args.waveId)
            .whereRef('m.stakeholder_id', '=', 'i.stakeholder_id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('invitation as u')
            .select('u.id')
            .where('u.organization_id', '=', args.organizationId)
            .where('u.wave_id', '=', args.waveId)
            .where('u.used_at', 'is not', null)
            .whereRef('u.stakeholder_id', '=', 'i.stakeholder_id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reminder as r')
            .select('r.day')
            .where('r.organization_id', '=', args.organizationId)
            .where('r.day', '=', args.day)
            .whereRef('r.stakeholder_id', '=', 'i.stakeholder_id'),
        ),
      ),
    )
    .orderBy('i.stakeholder_id')
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.stakeholder_id)) latest.set(r.stakeholder_id, r);
  return [...latest.values()].map((r) => ({
    invitationId: r.id,
    stakeholderId: r.stakeholder_id,
    email: r.email!,
    name: r.display_name,
    locale: r.locale,
    expiresAt: r.expires_at,
  }));
}
