import { claimDelivery, type Database, listDeliverable, markFailed, markSent, redactSecretLinks } from '@facets/db';
import { isPermanentRefusal, LOGO_CID, logoPart, mailHtml } from '@facets/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';

/**
 * Delivers the outbox by SMTP: the unsent messages oldest first, each round a job of the server's runner (`mail.deliver`,
 * every few seconds, one at a time across servers on PostgreSQL; jobs/facets-jobs.ts). Each attempt is claimed in the
 * database first, so several servers sharing one database never send a message twice; a failed attempt is kept with
 * its error (admins read it in the outbox) and tried again after a wait that doubles each time (db `MAIL_RETRY`), up
 * to the outbox's limit; a message the receiving server refuses for good (a 5xx reply: no such mailbox) is bounced at
 * once and not tried again. Each message goes out as plain text and as HTML built from the same text (domain
 * `mailHtml`: the organisation's name, the main link as a button, the unsubscribe footer). A sent message keeps no
 * secret link in the database (markSent): the recipient has it, nobody else needs it; no log line carries one. Without
 * SMTP_URL no sender runs and messages stay in the outbox.
 */

/** The name an e-mail of no organisation (a sign-in link before any membership) carries in its layout. */
const PRODUCT_NAME = 'Facets';

/** The SMTP reply code of a refusal (nodemailer's `responseCode`), if the server answered at all. */
function responseCodeOf(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

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
      const logo = logoPart(message.organizationLogo);
      try {
        await args.transport.sendMail({
          from: args.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          html: mailHtml({
            organizationName: message.organizationName ?? PRODUCT_NAME,
            subject: message.subject,
            body: message.body,
            withLogo: logo !== null,
          }),
          // The logo travels inside the message: a mail client fetches nothing that would tell when it was opened.
          ...(logo
            ? {
                attachments: [
                  {
                    cid: LOGO_CID,
                    filename: 'logo',
                    content: logo.base64,
                    encoding: 'base64',
                    contentType: logo.contentType,
                  },
                ],
              }
            : {}),
        });
        await markSent(args.db, { id: message.id, now: clock().toISOString() });
        sent++;
      } catch (error) {
        // A server may quote what it refused: no secret link goes into the log or the outbox's error.
        const reason = redactSecretLinks(error instanceof Error ? error.message : String(error), 'hidden');
        const permanent = isPermanentRefusal(responseCodeOf(error));
        args.logger?.warn(
          { messageId: message.id, reason },
          permanent ? 'e-mail refused for good (bounced)' : 'e-mail not delivered; will try again',
        );
        await markFailed(args.db, { id: message.id, error: reason, now, permanent });
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
