import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { commentsBench } from './comments.ts';
import { MODES, type Mode } from './config.ts';
import { type GeneratedDb, sqliteDatabase } from './databases.ts';
import { loadEnv } from './env.ts';
import {
  ceilingOf,
  crashPhase,
  dashboardsPhase,
  ingestPhase,
  naivePhase,
  portalsPhase,
  postgresPhase,
} from './phases.ts';
import { remindersBench } from './reminders.ts';
import { emptyResults, judgeTargets, printTable, type Results, writeResults } from './results.ts';

/**
 * `pnpm bench` and `pnpm bench --quick`: every figure of issue #6 in one run, written to apps/bench/results/latest.json
 * and printed as a table. Options: --quick, --responses=N (size of the `1m` database), --only=phase,phase, --no-cache
 * (regenerate the databases), --keep (keep the work directory).
 */
export const PHASES = [
  'dashboards',
  'naive',
  'postgres',
  'ingest',
  'crash',
  'portals',
  'comments',
  'reminders',
] as const;
type Phase = (typeof PHASES)[number];

function parseArgs(argv: readonly string[]) {
  const flag = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const unknown = argv.filter(
    (a) => !/^--(quick|full|no-cache|keep|responses=\d+|only=[a-z,]+)$/.test(a) && a !== '--',
  );
  if (unknown.length > 0) throw new Error(`unknown option(s): ${unknown.join(' ')}`);
  const only = value('only')?.split(',') as Phase[] | undefined;
  for (const p of only ?? []) if (!PHASES.includes(p)) throw new Error(`--only: no phase ${p} (${PHASES.join(', ')})`);
  const quick = flag('quick');
  const responses = value('responses');
  return {
    mode: quick ? ('quick' as const) : ('full' as const),
    config: { ...(quick ? MODES.quick : MODES.full), ...(responses ? { large: Number(responses) } : {}) } as Mode,
    phases: new Set<Phase>(only ?? PHASES),
    useCache: !flag('no-cache'),
    keep: flag('keep'),
  };
}

function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    {
      format: `  ${label.padEnd(22)} |{bar}| {percentage}% {value}/{total} {duration_formatted}`,
      hideCursor: true,
      // Under turbo there is no terminal: print a line every few seconds instead of redrawing.
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = loadEnv();
  const results: Results = emptyResults(args.mode);
  const work = mkdtempSync(join(tmpdir(), 'facets-bench-'));
  const began = performance.now();
  const log = (line: string) => console.log(line);
  const phase = async (name: string, run: () => Promise<void>) => {
    const started = performance.now();
    log(`▸ ${name}`);
    try {
      await run();
    } catch (error) {
      const message = `${name} failed: ${(error as Error).message.split('\n')[0]}`;
      results.meta.notes.push(message);
      log(`  ✗ ${message}`);
      if (env.ci) console.error(error);
    }
    results.meta.seconds[name] = Math.round((performance.now() - started) / 100) / 10;
  };
  log(
    `Facets bench, ${args.mode} mode: 10k = ${args.config.small} and 1m = ${args.config.large} responses (work dir ${work})`,
  );

  const dbs: Partial<Record<'10k' | '1m', GeneratedDb>> = {};
  const needs = (scale: '10k' | '1m') =>
    [...args.phases].some(
      (p) => !['portals', 'comments', 'reminders'].includes(p) && (scale === '10k' || !['ingest', 'crash'].includes(p)),
    );
  for (const [scale, responses] of [
    ['10k', args.config.small],
    ['1m', args.config.large],
  ] as const) {
    if (!needs(scale)) continue;
    await phase(`generate ${scale}`, async () => {
      const bar = progressBar(`${responses} responses`);
      try {
        dbs[scale] = await sqliteDatabase({
          workDir: work,
          name: `bench-${scale}`,
          responses,
          useCache: args.useCache,
          onProgress: bar.update,
        });
      } finally {
        bar.stop();
      }
      const db = dbs[scale]!;
      results.meta.sizes[scale] = { responses: db.responses, answers: db.answers };
      if (db.cached) log('  (from apps/bench/.cache)');
      if (scale === '1m' && db.responsesPerSecond !== null) results.ingest.generator_bulk_rps = db.responsesPerSecond;
    });
  }
  const small = dbs['10k'];
  const large = dbs['1m'];
  const ctx = { results, config: args.config, env, work, log, progressBar };

  if (args.phases.has('dashboards') && small && large) {
    await phase('dashboards on SQLite', () => dashboardsPhase(ctx, { '10k': small.file, '1m': large.file }));
  }
  if (args.phases.has('naive') && large) await phase('naive overview', async () => naivePhase(ctx, large.file));
  if (args.phases.has('postgres') && small && large) {
    await phase('dashboards on PostgreSQL', () => postgresPhase(ctx, { '10k': small.file, '1m': large.file }));
  }
  if (args.phases.has('ingest') && small) {
    // Each harness writes to its own copy of the 10k database.
    const copy = (name: string) => {
      const file = join(work, `${name}.sqlite`);
      copyFileSync(small.file, file);
      return file;
    };
    await phase('ingest and load', () => ingestPhase(ctx, copy('load')));
    await phase('SQLite ceiling', () => ceilingOf(ctx, copy('ceiling')));
  }
  if (args.phases.has('crash') && small) {
    const file = join(work, 'crash.sqlite');
    copyFileSync(small.file, file);
    await phase('crash', () => crashPhase(ctx, file));
  }
  if (args.phases.has('portals')) await phase('portals', () => portalsPhase(ctx));
  if (args.phases.has('comments')) await phase('comment analytics', async () => void commentsBench(log));
  if (args.phases.has('reminders')) {
    await phase(
      'reminders of a big wave',
      async () => void (await remindersBench(args.mode === 'quick' ? 2_000 : 20_000, log)),
    );
  }

  results.meta.seconds.total = Math.round((performance.now() - began) / 100) / 10;
  judgeTargets(results);
  const file = writeResults(results);
  printTable(results);
  log(`\nwritten to ${file} in ${results.meta.seconds.total} s`);
  if (!args.keep) rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
