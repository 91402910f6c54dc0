import type { Database } from '@facets/db';
import { migrateToLatest } from '@facets/db';
import type { Kysely } from 'kysely';
import { type GroupCode, POPULATION } from './model.ts';
import { buildPopulations, writeOrganisation } from './organisation.ts';
import { submitAll } from './responses.ts';
import { closeWaves } from './write-surveys.ts';

export * from './model.ts';
export { planWaves, submissionsOf } from './responses.ts';
export * from './surveys.ts';

export interface GenerateOptions {
  /** How many responses in all (about nine answers each). */
  responses: number;
  seed?: number;
  /** Group sizes; the organisation by default. */
  population?: Readonly<Record<GroupCode, number>>;
  /** better-auth's hash of the bench password. */
  passwordHash: string;
  /** Employees with a sign-in (the load test's respondents). */
  respondentSignIns?: number;
  /** Submissions per commit (bulk set-up); a server commits what arrived together, up to 128. */
  batch?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_SEED = 20_261_123;

/**
 * Builds the benchmark organisation in an empty database: schema, people, model, surveys, then `responses` responses
 * through the production submission path. Deterministic: the same options give the same rows.
 */
export async function generate(db: Kysely<Database>, options: GenerateOptions): Promise<{ responses: number }> {
  const seed = options.seed ?? DEFAULT_SEED;
  const populations = buildPopulations(seed, options.population ?? POPULATION);
  await migrateToLatest(db);
  await db.transaction().execute((trx) =>
    writeOrganisation(trx, {
      populations,
      passwordHash: options.passwordHash,
      respondentSignIns: options.respondentSignIns ?? 200,
    }),
  );
  const responses = await submitAll(db, {
    total: options.responses,
    populations,
    seed,
    batch: options.batch ?? 2000,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await closeWaves(db);
  return { responses };
}
