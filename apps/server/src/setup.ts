import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { type Database, isEmpty, newId } from '@facets/db';
import { DomainError, NewOrganization } from '@facets/domain';
import { hashPassword } from 'better-auth/crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { counter, type LimitStore, MEMORY_STORE, secondsOf, take } from './limit-store.ts';
import { createOrganizationFor } from './organizations.ts';
import { zodMessage } from './update-user.ts';

/**
 * The console's first run: while the database holds no organisation, `start` issues a one-time setup code and prints
 * it in the server's log; whoever can read that log creates the organisation and its first admin from the console's
 * setup page (`GET /api/setup` says whether it is offered, `POST /api/setup` creates). Only the code's hash is kept,
 * in this process; it works once, and never once any organisation exists.
 */
export interface SetupCode {
  /** Whether the code was not used yet (the database decides the rest). */
  readonly open: boolean;
  /** True when `code` is the code issued (spaces, hyphens and case ignored). */
  matches(code: string): boolean;
  /** Takes the code for one attempt; false when it is used or taken by an attempt under way. */
  claim(): boolean;
  /** Gives a claimed code back after a refused attempt. */
  release(): void;
  /** Marks the code used for good. */
  spend(): void;
}

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const normalise = (code: string) => code.toUpperCase().replace(/[\s-]+/g, '');
const digest = (code: string) => createHash('sha256').update(normalise(code)).digest();

/** A new code, XXXX-XXXX-XXXX (about 59 bits), to print once; the SetupCode keeps only its hash. */
export function issueSetupCode(): { code: string; setup: SetupCode } {
  const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  const code = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  const hash = digest(code);
  let state: 'open' | 'claimed' | 'spent' = 'open';
  return {
    code,
    setup: {
      get open() {
        return state !== 'spent';
      },
      matches: (candidate) => timingSafeEqual(digest(candidate), hash),
      claim() {
        if (state !== 'open') return false;
        state = 'claimed';
        return true;
      },
      release() {
        if (state === 'claimed') state = 'open';
      },
      spend() {
        state = 'spent';
      },
    },
  };
}

const SetupBody = z.object({ code: z.string().max(100) }).passthrough();

export interface SetupRouteOptions {
  db: Kysely<Database>;
  /** The code issued at start; null when the database held an organisation then. */
  setup: SetupCode | null;
  /** Attempts per minute and client address, as for sign-in (0 = off). */
  perMinute: number;
  /** Where the attempts are counted (limit-store.ts); in the process when not given. */
  limitStore?: LimitStore;
  clock: () => Date;
}

export function setupRoutes(options: SetupRouteOptions) {
  const { db, setup } = options;
  const attempts = counter(options.limitStore ?? MEMORY_STORE, { prefix: 'setup:ip', points: options.perMinute });
  const needed = async () => (setup?.open ?? false) && (await isEmpty(db));

  return async (app: FastifyInstance) => {
    app.get('/api/setup', async () => ({ needed: await needed() }));

    app.post('/api/setup', async (request, reply) => {
      const refusal = await take(attempts, request.ip);
      if (refusal) {
        const seconds = secondsOf(refusal);
        return reply
          .code(429)
          .header('x-retry-after', String(seconds))
          .send({ code: 'TOO_MANY_REQUESTS', message: `Too many attempts: please try again in ${seconds} s.` });
      }
      if (!(await needed())) {
        return reply.code(409).send({ error: 'already_set_up', message: 'Facets is already set up: sign in instead.' });
      }
      const body = SetupBody.safeParse(request.body);
      if (!body.success || !setup?.matches(body.data.code)) {
        return reply.code(403).send({
          error: 'wrong_code',
          field: 'code',
          message: 'code: this is not the setup code in the server’s log',
        });
      }
      const { code: _code, ...fields } = body.data;
      const parsed = NewOrganization.safeParse(fields);
      if (!parsed.success) {
        const { message, ...data } = zodMessage(parsed.error, fields);
        return reply.code(400).send({ error: 'bad_request', message, ...data });
      }
      if (parsed.data.adminPassword === null) {
        return reply.code(400).send({
          error: 'bad_request',
          field: 'adminPassword',
          reason: 'required',
          message: 'adminPassword: Required',
        });
      }
      // One attempt at a time holds the code: two right answers at once cannot create two organisations.
      if (!setup.claim()) {
        return reply.code(409).send({ error: 'already_set_up', message: 'Facets is already set up: sign in instead.' });
      }
      try {
        const created = await createOrganizationFor(db, parsed.data, {
          onlyIfEmpty: true,
          now: options.clock(),
          hashPassword,
          newId,
        });
        setup.spend();
        return reply.code(201).send({ slug: created.slug });
      } catch (error) {
        setup.release();
        if (!(error instanceof DomainError)) throw error;
        return reply.code(error.kind === 'conflict' ? 409 : 400).send({
          error: error.field ? 'bad_request' : 'already_set_up',
          field: error.field ?? null,
          reason: error.reason,
          message: error.message,
        });
      }
    });
  };
}
