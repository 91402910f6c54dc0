import type { AddressInfo } from 'node:net';
import type { Db } from '@facets/db';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createContextInner } from './context.ts';
import { buildWorld, digest, WHO, type Who, type World } from './fuzz-world.ts';
import { appRouter } from './root.ts';
import { openDb, silentLog, TEST_BASE_URL } from './test-setup.ts';

/**
 * Every procedure of the router, found by enumeration (procedures added later are covered too), receives arbitrary
 * inputs over real HTTP from every kind of caller: anything at all, and inputs of the right shape whose fields are
 * then broken (wrong types, missing and extra keys, huge strings, numbers out of range, unicode). Whatever comes in,
 * the answer is never a 5xx, and a refused call leaves every table as it was.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

let db: Db;
let world: World;
let url: string;
let close: () => Promise<void>;
/** Real ids of the world: strings drawn from them reach past "no such thing" into the resolvers. */
let ids: string[];

beforeAll(async () => {
  console.info(`fuzz: seed ${SEED}, ${RUNS} runs a procedure (FUZZ_SEED=${SEED} to replay)`);
  db = await openDb();
  world = await buildWorld(db.db);
  const o = world.ours;
  ids = [
    o.organizationId,
    ...Object.values(o.groups),
    ...Object.values(o.dimensions),
    o.surveys.employee.waveId,
    o.surveys.employee.closedWaveId,
    o.surveys.supplier.waveId,
    ...Object.values(o.surveys.employee.questions),
    ...Object.values(o.surveys.supplier.questions),
    ...Object.values(world.feedback),
    world.other.groups.employee,
  ];
  const server = createHTTPServer({
    router: appRouter,
    createContext: ({ req }) => {
      const who = String(req.headers['x-caller'] ?? 'anonymous') as Who;
      const userId = world.callers[who]?.userId ?? null;
      const now = new Date(o.now);
      return createContextInner({
        db: db.db,
        session: userId ? { userId } : null,
        clock: () => now,
        newId: () => `fz${Math.random().toString(36).slice(2, 12)}`,
        baseUrl: TEST_BASE_URL,
        log: silentLog,
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  await db?.close();
});

type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: z.ZodType[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>).filter(
  ([, p]) => p._def.type !== 'subscription',
);

async function call(path: string, type: 'query' | 'mutation', who: Who, input: unknown) {
  const headers = { 'x-caller': who, 'content-type': 'application/json' };
  const body = input === undefined ? undefined : JSON.stringify(input);
  const response =
    type === 'query'
      ? await fetch(`${url}/${path}${body === undefined ? '' : `?input=${encodeURIComponent(body)}`}`, { headers })
      : await fetch(`${url}/${path}`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });
  return { status: response.status, text: await response.text() };
}

describe('fuzz: every procedure, every caller, arbitrary input', () => {
  it('has procedures to fuzz', () => {
    expect(procedures.length).toBeGreaterThan(10);
  });

  it.each(procedures.map(([path, p]) => [path, p] as const))('%s', { timeout: 60_000 }, async (path, procedure) => {
    const schema = procedure._def.inputs[0];
    const input = fc.oneof(
      { weight: 1, arbitrary: fc.anything() },
      { weight: 3, arbitrary: schema ? mutated(shaped(schema, ids)) : fc.constant(undefined) },
    );
    let before = await digest(db.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...WHO), input, async (who, value) => {
        const { status, text } = await call(path, procedure._def.type as 'query' | 'mutation', who, value);
        expect(status, `${who} ${path} ${JSON.stringify(value)?.slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(
          500,
        );
        const after = await digest(db.db);
        if (status >= 400) expect(after, `${who} ${path}: refused but wrote`).toBe(before);
        before = after;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });
});

// ── Inputs of a schema's shape, from its zod definition, then broken. ──

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

const strings = (pool: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', 'x'.repeat(70_000), '\u0000', 'é👍🏽\u202e', "'; drop table response; --"),
    },
  );
const numbers = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0, 1, 5, -1, 1e308, -0, 2 ** 53 + 1),
  fc.double({ noNaN: true }),
);

/** An arbitrary of the schema's shape, with values that are sometimes valid and sometimes not. */
function shaped(schema: unknown, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  if (depth > 6) return fc.constant(null);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const optional = keys.filter((k) => ['optional', 'default'].includes(defOf(shape[k]).type));
      return fc.record(Object.fromEntries(keys.map((k) => [k, shaped(shape[k], pool, depth + 1)])), {
        requiredKeys: keys.filter((k) => !optional.includes(k)),
      });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'catch':
      return shaped(def.innerType, pool, depth + 1);
    case 'pipe':
      return shaped(def.in, pool, depth + 1);
    case 'array':
      return fc.array(shaped(def.element, pool, depth + 1), { maxLength: 5 });
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), shaped(def.valueType, pool, depth + 1), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((o) => shaped(o, pool, depth + 1)));
    case 'enum':
      return fc.oneof(
        fc.constantFrom(...Object.values(def.entries as Record<string, string>)),
        fc.string({ maxLength: 8 }),
      );
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'string':
      return strings(pool);
    case 'number':
    case 'int':
      return numbers;
    case 'boolean':
      return fc.boolean();
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** Sometimes the shaped value as it is; sometimes one of its fields removed, retyped or joined by an unknown key. */
function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.anything({ maxDepth: 1 }), fc.constant(null), fc.constant([]), fc.constant({}));
  return fc.oneof(
    { weight: 2, arbitrary: base },
    {
      weight: 3,
      arbitrary: fc
        .tuple(base, fc.nat(), wrong, fc.constantFrom('drop', 'retype', 'extra'))
        .map(([value, n, w, how]) => {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return w;
          const copy: Record<string, unknown> = { ...value };
          const keys = Object.keys(copy);
          const target = keys.length > 0 ? keys[n % keys.length]! : 'x';
          if (how === 'drop') delete copy[target];
          else if (how === 'retype') copy[target] = w;
          else copy.__proto__extra = w;
          return copy;
        }),
    },
  );
}
