import { z } from 'zod';

/** The bench's configuration, validated: the only place that reads the environment. */
const EnvSchema = z.object({
  /** A PostgreSQL server where the bench may create and drop its scratch databases (`facets_bench_*`). */
  TEST_DATABASE_URL: z.string().min(1).default('postgres://postgres@127.0.0.1:5432/test'),
  CI: z.string().optional(),
});

export interface BenchEnv {
  postgresUrl: string;
  ci: boolean;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): BenchEnv {
  const parsed = EnvSchema.safeParse({ TEST_DATABASE_URL: source.TEST_DATABASE_URL || undefined, CI: source.CI });
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.message}`);
  return { postgresUrl: parsed.data.TEST_DATABASE_URL, ci: parsed.data.CI === 'true' };
}
