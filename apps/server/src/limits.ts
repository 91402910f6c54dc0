import { TRPCError } from '@trpc/server';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Abuse limits, per minute: sign-in attempts per client address (enforced by better-auth, see auth.ts), and
 * submissions — every procedure ending in `.submit`: survey answers, feedback — per signed-in user and per client
 * address. 0 turns a limit off. Counters live in the process: behind a load balancer each server counts its own.
 */
export interface Limits {
  signInPerMinute: number;
  submitPerMinutePerUser: number;
  submitPerMinutePerIp: number;
}

/**
 * A person answers a survey or sends feedback a few times a minute at most; an office behind one address may sign in
 * and send hundreds together at the end of a town-hall meeting. Sixty sign-ins a minute still turns password guessing
 * from one address into a crawl.
 */
export const PRODUCTION_LIMITS: Limits = { signInPerMinute: 60, submitPerMinutePerUser: 30, submitPerMinutePerIp: 600 };

/** The procedures that write what a caller sends, counted against the submission limits. */
export const isSubmission = (path: string) => path.endsWith('.submit');

export interface SubmissionLimiter {
  /** Counts `count` submissions from an address; throws TOO_MANY_REQUESTS past the limit. */
  fromAddress(ip: string, count: number): Promise<void>;
  /** Counts `count` submissions of a signed-in user; throws TOO_MANY_REQUESTS past the limit. */
  fromUser(userId: string, count: number): Promise<void>;
}

export function createSubmissionLimiter(limits: Limits): SubmissionLimiter {
  const limiter = (points: number) => (points > 0 ? new RateLimiterMemory({ points, duration: 60 }) : null);
  const perIp = limiter(limits.submitPerMinutePerIp);
  const perUser = limiter(limits.submitPerMinutePerUser);
  const consume = async (l: RateLimiterMemory | null, key: string, count: number, who: string) => {
    if (!l || count === 0) return;
    try {
      await l.consume(key, count);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `Too many submissions ${who}: please try again in ${seconds} s.`,
      });
    }
  };
  return {
    fromAddress: (ip, count) => consume(perIp, ip, count, 'from your network'),
    fromUser: (userId, count) => consume(perUser, userId, count, 'from your account'),
  };
}
