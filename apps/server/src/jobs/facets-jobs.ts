import {
  analyseMissingComments,
  type Database,
  type JobRunner,
  keepProgrammesCurrent,
  listOrganizationIds,
  notifyDeliveryFailures,
  notifyWaitingFeedback,
  type SecretBox,
  sendDueReminders,
  sendLifecycleInvitations,
  sendResponseCounts,
  sendResultsDigests,
} from '@facets/db';
import type { Kysely } from 'kysely';
import type { MailSender } from '../mail/sender.ts';
import { registerWebhookJobs } from '../webhooks/jobs.ts';
import type { WebhookSender } from '../webhooks/send.ts';
import type { JobLog } from './log.ts';

/**
 * What Facets runs by itself (README, "What runs by itself"): every minute each organisation's programmes are kept
 * current (a continuous survey's next period opens when the period ends, a recurring survey's wave opens on its
 * cadence's day and its audience is invited, closed waves are published and leadership and managers told of them,
 * the handlers of named feedback told when it has waited the organisation's days without a reply,
 * new starters and leavers get their onboarding and exit surveys) and the
 * invited who have not answered are reminded on their survey's reminder days, each organisation in jobs of its own
 * so that one failing does not hold up the others and its admins see the failure; and, with SMTP, the outbox is
 * delivered every few seconds and each organisation's admins told, at most hourly, of e-mail that could not be.
 */

export const JOBS = {
  /** Every minute: one `programmes.upkeep` job per organisation. */
  programmesTick: 'programmes.tick',
  programmesUpkeep: 'programmes.upkeep',
  /** Every minute too: one `reminders.send` job per organisation, writing the reminders due to the outbox. */
  remindersSend: 'reminders.send',
  mailDeliver: 'mail.deliver',
  /** At start, per organisation: the comment analytics of text answers accepted before they existed. */
  commentsAnalyse: 'comments.analyse',
  /** With SMTP, every minute: one `mail.failures` job per organisation, telling its admins of undelivered e-mail. */
  mailFailures: 'mail.failures',
} as const;

export const MAIL_EVERY_SECONDS = 5;

export function registerFacetsJobs(
  runner: JobRunner,
  args: {
    db: Kysely<Database>;
    newId: () => string;
    mail: MailSender | null;
    /** Where the links of e-mails written by jobs (invitations, reminders) point: the server's public address. */
    baseUrl: string;
    log?: JobLog;
    /** Seconds between mail rounds; MAIL_EVERY_SECONDS by default. */
    mailEverySeconds?: number;
    /** Webhook deliveries: the key their secrets are sealed with and how they are sent; none delivered without. */
    webhooks?: { secrets: SecretBox; send: WebhookSender; dispatchEverySeconds?: number };
  },
): void {
  runner.register(JOBS.programmesTick, async () => {
    for (const organizationId of await listOrganizationIds(args.db)) {
      await runner.enqueue(args.db, JOBS.programmesUpkeep, { organizationId }, { singletonKey: organizationId });
      await runner.enqueue(args.db, JOBS.remindersSend, { organizationId }, { singletonKey: organizationId });
      if (args.mail)
        await runner.enqueue(args.db, JOBS.mailFailures, { organizationId }, { singletonKey: organizationId });
    }
  });
  runner.register<{ organizationId: string }>(JOBS.programmesUpkeep, async ({ organizationId }, job) => {
    const { opened } = await keepProgrammesCurrent(args.db, {
      organizationId,
      now: job.now.toISOString(),
      newId: args.newId,
      baseUrl: args.baseUrl,
    });
    if (opened.length > 0) args.log?.info({ organizationId, waves: opened }, 'opened the waves that were due');
    // Onboarding and exit surveys to the people whose day has come, each once (db lifecycle/): counts only, no names.
    const lifecycle = await sendLifecycleInvitations(args.db, {
      organizationId,
      now: job.now.toISOString(),
      newId: args.newId,
      baseUrl: args.baseUrl,
    });
    if (lifecycle.invited > 0 || lifecycle.overLimit > 0)
      args.log?.info({ organizationId, ...lifecycle }, 'invited the people a lifecycle trigger came due for');
    // The digest of each wave just published (here or by a reader first), once: results_notice (db notifications/).
    const { waves } = await sendResultsDigests(args.db, {
      organizationId,
      now: job.now.toISOString(),
      newId: args.newId,
      baseUrl: args.baseUrl,
    });
    if (waves.length > 0)
      args.log?.info({ organizationId, waves }, 'told leadership and managers of published results');
    // Named feedback that waited the organisation's days without a reply, to its handlers, once (db notifications/).
    const waiting = await notifyWaitingFeedback(args.db, {
      organizationId,
      now: job.now.toISOString(),
      newId: args.newId,
      baseUrl: args.baseUrl,
    });
    if (waiting.feedback.length > 0)
      args.log?.info({ organizationId, feedback: waiting.feedback.length }, 'told handlers of feedback that waits');
    // Open waves' counts of respondents to webhooks, in steps of at least k (domain responseCountDue).
    await sendResponseCounts(args.db, { organizationId, now: job.now.toISOString(), newId: args.newId });
  });
  // Each reminder is claimed by its own row (wave, person, day), so a job run twice sends nothing twice.
  runner.register<{ organizationId: string }>(JOBS.remindersSend, async ({ organizationId }, job) => {
    const { sent } = await sendDueReminders(args.db, {
      organizationId,
      now: job.now.toISOString(),
      baseUrl: args.baseUrl,
      newId: args.newId,
    });
    if (sent > 0) args.log?.info({ organizationId, sent }, 'reminded the invited who have not answered');
  });
  runner.schedule(JOBS.programmesTick, { cron: '* * * * *' });
  // New comments are analysed in the transaction that accepts them; this reads the older ones, a slice at a time.
  runner.register<{ organizationId: string }>(JOBS.commentsAnalyse, async ({ organizationId }) => {
    let analysed = 0;
    while (true) {
      const n = await analyseMissingComments(args.db, { organizationId });
      if (n === 0) break;
      analysed += n;
    }
    if (analysed > 0) args.log?.info({ organizationId, analysed }, 'analysed comments accepted before the analytics');
  });

  if (args.webhooks) {
    registerWebhookJobs(runner, {
      db: args.db,
      newId: args.newId,
      baseUrl: args.baseUrl,
      ...args.webhooks,
      ...(args.log ? { log: args.log } : {}),
    });
  }

  const mail = args.mail;
  if (mail) {
    // A round's failures are the outbox's to keep (per message, with their own wait): the job itself rarely fails.
    runner.register(JOBS.mailDeliver, async (_, job) => {
      await mail.deliver(job.now);
    });
    runner.schedule(JOBS.mailDeliver, { everySeconds: args.mailEverySeconds ?? MAIL_EVERY_SECONDS });
    // At most one e-mail an hour per admin, and none about a notice that itself failed (db notifications/delivery.ts).
    runner.register<{ organizationId: string }>(JOBS.mailFailures, async ({ organizationId }, job) => {
      const { notified } = await notifyDeliveryFailures(args.db, {
        organizationId,
        now: job.now.toISOString(),
        newId: args.newId,
        baseUrl: args.baseUrl,
      });
      if (notified > 0) args.log?.info({ organizationId, notified }, 'told admins of undelivered e-mail');
    });
  }
}

/** Starts the runner and catches up at once (a period may have ended while no server ran). */
export async function startFacetsJobs(runner: JobRunner, db: Kysely<Database>): Promise<void> {
  await runner.start();
  await runner.enqueue(db, JOBS.programmesTick, {}, { singletonKey: 'start' });
  for (const organizationId of await listOrganizationIds(db)) {
    await runner.enqueue(db, JOBS.commentsAnalyse, { organizationId }, { singletonKey: organizationId });
  }
}
