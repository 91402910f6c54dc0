import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDb } from '@facets/db';
import { hashPassword } from 'better-auth/crypto';
import cliProgress from 'cli-progress';
import { sql } from 'kysely';
import { generate, LEADERSHIP_EMAIL, PASSWORD } from './generator/index.ts';

/**
 * `pnpm --filter @facets/bench generate -- --responses=100000 --out=/tmp/bench.sqlite`: the benchmark organisation in
 * a SQLite file of its own, to look at in the console (`DATABASE_URL=/tmp/bench.sqlite npm start`, then sign in as
 * leadership@bench.facets.test / facets-bench).
 */
async function main(argv: readonly string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const responses = Number(value('responses') ?? 10_000);
  const out = value('out');
  if (!out || !Number.isInteger(responses) || responses <= 0) {
    throw new Error('usage: node src/generate.ts --out=FILE.sqlite [--responses=N]');
  }
  const file = resolve(out);
  if (existsSync(file)) throw new Error(`${file} exists: the generator writes a new database only`);
  const bar = new cliProgress.SingleBar(
    { format: '  responses |{bar}| {percentage}% {value}/{total} {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const db = createDb(file);
  try {
    bar.start(responses, 0);
    await generate(db.db, {
      responses,
      passwordHash: await hashPassword(PASSWORD),
      onProgress: (done) => bar.update(done),
    });
    await sql`pragma wal_checkpoint(truncate)`.execute(db.db);
  } finally {
    bar.stop();
    await db.close();
  }
  console.log(`${file}: ${responses} responses; sign in as ${LEADERSHIP_EMAIL} / ${PASSWORD}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
