import { TRPCError } from '@trpc/server';
import { type Counter, counter, type LimitStore, MEMORY_STORE, secondsOf, take } from './limit-store.ts';

/**
 * Abuse limits, per minute: sign-in attempts per client address (enforced by better-auth, see auth.ts) and per
 * account (the e-mail address tried, here); submissions — every procedure ending in `.submit`: survey answers,
 * feedback — per signed-in user and per client address; reads (tRPC queries) per signed-in user. 0 turns a limit off.
 * Counters live in the process on SQLite, in the database on PostgreSQL, where several servers share them
 * (limit-store.ts).
 */
export interface Limits {
  signInPerMinute: number;
  signInPerMinutePerAccount: number;
  submitPerMinutePerUser: number;
  submitPerMinutePerIp: number;
  readPerMinutePerUser: number;
  /** Calls of the REST API (`/api/v1`) per API key. */
  apiPerMinutePerKey: number;
}

/**
 * A person answers a survey or sends feedback a few times a minute at most; an office behind one address may sign in
 * and send hundreds together at the end of a town-hall meeting. Sixty sign-ins a minute still turns password guessing
 * from one address into a crawl.
 */
export const PRODUCTION_LIMITS: Limits = {
  signInPerMinute: 60,
  // Password guessing spread over many addresses still meets this; a person who mistypes ten times waits a minute.
  signInPerMinutePerAccount: 10,
  submitPerMinutePerUser: 30,
  submitPerMinutePerIp: 600,
  // A console page asks for about ten figures; ten pages a minute is brisk reading, sixty a minute is a script.
  readPerMinutePerUser: 600,
  // An integration syncing people one call each: ten a second is a brisk sync, and a runaway loop is stopped.
  apiPerMinutePerKey: 600,
};

/**
 * The most calls one tRPC batch may carry; a longer batch is refused with 400 before any call runs. The front-ends'
 * batches hold the queries of one screen, far fewer than this.
 */
export const MAX_BATCH_SIZE = 50;

/** The procedures that write what a caller sends, counted against the submission limits. */
export const isSubmission = (path: string) => path.endsWith('.submit');

export interface SubmissionLimiter {
  /** Counts `count` submissions from an address; throws TOO_MANY_REQUESTS past the limit. */
  fromAddress(ip: string, count: number): Promise<void>;
  /** Counts `count` submissions of a signed-in user; throws TOO_MANY_REQUESTS past the limit. */
  fromUser(userId: string, count: number): Promise<void>;
}

export function createSubmissionLimiter(limits: Limits, store: LimitStore = MEMORY_STORE): SubmissionLimiter {
  const perIp = counter(store, { prefix: 'submit:ip', points: limits.submitPerMinutePerIp });
  const perUser = counter(store, { prefix: 'submit:user', points: limits.submitPerMinutePerUser });
  const consume = async (c: Counter | null, key: string, count: number, who: string) => {
    const refusal = await take(c, key, count);
    if (!refusal) return;
    throw new TRPCError({
      code: 'TOO_MANY_REQUESTS',
      message: `Too many submissions ${who}: please try again in ${secondsOf(refusal)} s.`,
    });
  };
  return {
    fromAddress: (ip, count) => consume(perIp, ip, count, 'from your network'),
    fromUser: (userId, count) => consume(perUser, userId, count, 'from your account'),
  };
}

export interface ReadLimiter {
  /** Counts `count` reads of a signed-in user; throws TOO_MANY_REQUESTS past the limit, in the caller's language. */
  fromUser(userId: string, count: number, lang: Lang): Promise<void>;
}

export type Lang = 'fr' | 'en';

/** French when the client prefers it (Accept-Language), English otherwise. */
export function langOf(acceptLanguage: string | undefined): Lang {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('fr') ? 'fr' : 'en';
}

const READ_REFUSAL: Record<Lang, (seconds: number) => string> = {
  en: (s) => `Too many requests from your account: please try again in ${s} s.`,
  fr: (s) => `Trop de demandes depuis votre compte : réessayez dans ${s} s.`,
};

export function createReadLimiter(
  limits: Pick<Limits, 'readPerMinutePerUser'>,
  store: LimitStore = MEMORY_STORE,
): ReadLimiter {
  const perUser = counter(store, { prefix: 'read:user', points: limits.readPerMinutePerUser });
  return {
    async fromUser(userId, count, lang) {
      const refusal = await take(perUser, userId, count);
      if (refusal) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: READ_REFUSAL[lang](secondsOf(refusal)) });
    },
  };
}

export interface ApiKeyLimiter {
  /** Counts one call of a key; the seconds to wait when past the limit, null when allowed. */
  consume(keyId: string): Promise<number | null>;
}

export function createApiKeyLimiter(
  limits: Pick<Limits, 'apiPerMinutePerKey'>,
  store: LimitStore = MEMORY_STORE,
): ApiKeyLimiter {
  const perKey = counter(store, { prefix: 'api:key', points: limits.apiPerMinutePerKey });
  return {
    async consume(keyId) {
      const refusal = await take(perKey, keyId);
      return refusal ? secondsOf(refusal) : null;
    },
  };
}

/** A refused sign-in attempt: how long to wait and what to say. */
export interface SignInRefusal {
  seconds: number;
  message: string;
}

export interface SignInLimiter {
  /**
   * Counts one attempt on the account of `email` (trimmed, lower-cased: spellings of one address share a counter,
   * and an unknown address is counted the same, so a refusal tells nobody whether it exists); null when allowed.
   */
  attempt(email: string, lang: Lang): Promise<SignInRefusal | null>;
  /** Gives the attempt back once it succeeded: only failures and pending links use up an account's allowance. */
  succeeded(email: string): Promise<void>;
}

const SIGN_IN_REFUSAL: Record<Lang, (seconds: number) => string> = {
  en: (s) => `Too many sign-in attempts for this account: please try again in ${s} s.`,
  fr: (s) => `Trop de tentatives de connexion pour ce compte : réessayez dans ${s} s.`,
};

export function createSignInLimiter(
  limits: Pick<Limits, 'signInPerMinutePerAccount'>,
  store: LimitStore = MEMORY_STORE,
): SignInLimiter {
  const perAccount = counter(store, { prefix: 'sign-in:account', points: limits.signInPerMinutePerAccount });
  const key = (email: string) => email.trim().toLowerCase();
  return {
    async attempt(email, lang) {
      const refusal = await take(perAccount, key(email));
      if (!refusal) return null;
      const seconds = secondsOf(refusal);
      return { seconds, message: SIGN_IN_REFUSAL[lang](seconds) };
    },
    async succeeded(email) {
      // Never below zero: a reward on a counter that has expired meanwhile would grant extra attempts.
      const counted = await perAccount?.get(key(email));
      if (perAccount && counted && counted.consumedPoints > 0) await perAccount.reward(key(email), 1);
    },
  };
}
