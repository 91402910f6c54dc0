import { z } from 'zod';

/**
 * The delivery of e-mail (db `repositories/outbox.ts`, server `mail/sender.ts`): where each message of the outbox
 * stands, and what a refusal by the receiving server means for it.
 */
export const OUTBOX_STATUSES = [
  /** Not tried yet (or put back by an admin). */
  'pending',
  /** Tried and refused for now (a 4xx answer, no connection): tried again after its wait. */
  'retrying',
  /** Accepted by the mail server. */
  'sent',
  /** Refused for now at every attempt: not tried again unless an admin puts it back. */
  'failed',
  /** Refused for good (a 5xx answer: no such mailbox, rejected): not tried again unless an admin puts it back. */
  'bounced',
] as const;
export const OutboxStatus = z.enum(OUTBOX_STATUSES);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

/** The statuses in which a message is tried no more: what admins are told of, and what they may put back. */
export const UNDELIVERED_STATUSES: readonly OutboxStatus[] = ['failed', 'bounced'];

/**
 * Whether an SMTP reply code refuses a message for good (RFC 5321 §4.2.1: 5yz is a permanent negative completion
 * reply). 4yz, or no reply at all (a connection refused or cut), is worth trying again.
 */
export function isPermanentRefusal(responseCode: number | undefined): boolean {
  return responseCode !== undefined && Number.isInteger(responseCode) && responseCode >= 500 && responseCode < 600;
}

/** An admin hears of undelivered e-mail at most this often: the failures of an hour come in one message. */
export const DELIVERY_NOTICE_EVERY_MS = 60 * 60 * 1000;
