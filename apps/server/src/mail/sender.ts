import { claimDelivery, type Database, listDeliverable, markFailed, markSent } from '@facets/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Delivers the outbox by SMTP in the background: every few seconds, the unsent messages oldest first. Each attempt is
 * claimed in the database first, so several servers sharing one database never send a message twice at once; a failed
 * attempt is kept with its error (admins read it in the outbox) and tried again on the next round, up to the
 * outbox's limit. A sent message keeps no secret link in the database (markSent): the recipient has it, nobody else
 * needs it. Without SMTP_URL no sender runs and messages stay in the outbox.
 */

export interface MailSender {
  /** One round now: how many messages were sent. */
  deliver(): Promise<number>;
  stop(): Promise<void>;
}

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

export function startMailSender(args: {
  db: Kysely<Database>;
  transport: Transporter;
  from: string;
  clock?: () => Date;
  logger?: FastifyBaseLogger;
  /** Milliseconds between rounds; 0 runs no timer (tests call `deliver`). */
  intervalMs?: number;
}): MailSender {
  const clock = args.clock ?? (() => new Date());
  let round: Promise<number> | null = null;

  const deliverOnce = async (): Promise<number> => {
    let sent = 0;
    for (const message of await listDeliverable(args.db, { limit: 50 })) {
      if (!(await claimDelivery(args.db, message))) continue;
      try {
        await args.transport.sendMail({
          from: args.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
        });
        await markSent(args.db, { id: message.id, now: clock().toISOString() });
        sent++;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        args.logger?.warn({ messageId: message.id, reason }, 'e-mail not delivered; will try again');
        await markFailed(args.db, { id: message.id, error: reason });
      }
    }
    return sent;
  };
  // Rounds never overlap: a slow SMTP server delays the next round instead of doubling the work.
  const deliver = () => {
    round ??= deliverOnce().finally(() => {
      round = null;
    });
    return round;
  };

  const interval = args.intervalMs ?? 5000;
  const timer =
    interval > 0
      ? setInterval(() => {
          deliver().catch((error: unknown) => args.logger?.error({ err: error }, 'mail round failed'));
        }, interval)
      : null;
  timer?.unref();

  return {
    deliver,
    async stop() {
      if (timer) clearInterval(timer);
      await round?.catch(() => 0);
      args.transport.close();
    },
  };
}
