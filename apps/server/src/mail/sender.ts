import { claimDelivery, type Database, listDeliverable, markFailed, markSent } from '@facets/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Delivers the outbox by SMTP: the unsent messages oldest first, each round a job of the server's runner (`mail.deliver`,
 * every few seconds, one at a time across servers on PostgreSQL; jobs/facets-jobs.ts). Each attempt is claimed in the
 * database first, so several servers sharing one database never send a message twice; a failed attempt is kept with
 * its error (admins read it in the outbox) and tried again after a wait that doubles each time (db `MAIL_RETRY`), up
 * to the outbox's limit. A sent message keeps no secret link in the database (markSent): the recipient has it,
 * nobody else needs it. Without SMTP_URL no sender runs and messages stay in the outbox.
 */

export interface MailSender {
  /** One round at `now`: how many messages were sent. */
  deliver(now?: Date): Promise<number>;
  /** Waits for a round under way, then closes the transport's connections. */
  close(): Promise<void>;
}

export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

export function createMailSender(args: {
  db: Kysely<Database>;
  transport: Transporter;
  from: string;
  clock?: () => Date;
  logger?: Pick<FastifyBaseLogger, 'warn'>;
}): MailSender {
  const clock = args.clock ?? (() => new Date());
  let round: Promise<number> | null = null;

  const deliverOnce = async (at: Date): Promise<number> => {
    let sent = 0;
    const now = at.toISOString();
    for (const message of await listDeliverable(args.db, { limit: 50, now })) {
      if (!(await claimDelivery(args.db, message, { now }))) continue;
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
  const deliver = (now: Date = clock()) => {
    round ??= deliverOnce(now).finally(() => {
      round = null;
    });
    return round;
  };

  return {
    deliver,
    async close() {
      await round?.catch(() => 0);
      args.transport.close();
    },
  };
}
