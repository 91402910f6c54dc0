import { sqliteCeiling } from './ceiling.ts';
import type { Mode } from './config.ts';
import { crashTest } from './crash.ts';
import { timeViews, VIEWS, type ViewTiming } from './dashboard.ts';
import { copyToPostgres, scratchPostgres } from './databases.ts';
import type { BenchEnv } from './env.ts';
import { LEADERSHIP_EMAIL, PASSWORD, respondentEmail } from './generator/index.ts';
import { signIn, signInAll } from './http.ts';
import { loadSubmissions, startBaseline, storedLoadResponses } from './load.ts';
import { addLoadWaves } from './load-waves.ts';
import { timeNaiveOverview } from './naive.ts';
import { employeeFirstQuestionMs, FACES, FIRST_PAGE, firstScreenJsGzipKb, jsGzipKb } from './portals.ts';
import type { Results, Section } from './results.ts';
import { startFacets } from './server.ts';
import { ratio, round } from './stats.ts';

/** What every phase gets: where to write figures, the sizes and durations of the mode, a logger. */
export interface PhaseContext {
  results: Results;
  config: Mode;
  env: BenchEnv;
  work: string;
  log: (line: string) => void;
  progressBar: (label: string) => { update: (done: number, total: number) => void; stop: () => void };
}

type Scale = '10k' | '1m';

function record(section: Section, timings: Record<string, ViewTiming>, scale: Scale, notes: string[], where: string) {
  for (const [view, t] of Object.entries(timings)) {
    section[`${view}_p50_ms_${scale}`] = t.p50;
    section[`${view}_p95_ms_${scale}`] = t.p95;
    if (t.error) notes.push(`${where} ${view} at ${scale} not measured: ${t.error}`);
  }
}

/** Leadership signs in over HTTP and each view is timed at both sizes; the server's memory is read at the larger. */
async function measureDashboards(
  ctx: PhaseContext,
  section: Section,
  databases: Record<Scale, string>,
  where: string,
  onLarge?: (memory: { rssMb: number | null; peakRssMb: number | null }) => void,
) {
  for (const scale of ['10k', '1m'] as const) {
    const server = await startFacets(databases[scale]);
    try {
      const cookie = await signIn(server.baseUrl, LEADERSHIP_EMAIL, PASSWORD);
      const timings = await timeViews(server.baseUrl, cookie, { warmup: ctx.config.warmup, calls: ctx.config.calls });
      record(section, timings, scale, ctx.results.meta.notes, where);
      const line = VIEWS.map((v) => `${v.name} ${timings[v.name].p50 ?? '—'}`).join(', ');
      ctx.log(`  ${scale}: p50 ms ${line}`);
      if (scale === '1m') onLarge?.(server.memory());
    } finally {
      await server.stop();
    }
  }
  section.overview_scale_ratio = ratio(section.overview_p50_ms_1m ?? null, section.overview_p50_ms_10k ?? null);
}

export async function dashboardsPhase(ctx: PhaseContext, databases: Record<Scale, string>) {
  await measureDashboards(ctx, ctx.results.dashboard, databases, 'SQLite', (memory) => {
    ctx.results.memory.server_rss_mb_1m = memory.rssMb;
    ctx.results.memory.server_peak_rss_mb_1m = memory.peakRssMb;
  });
}

export function naivePhase(ctx: PhaseContext, file: string) {
  const naive = timeNaiveOverview(file, ctx.config.naiveRuns);
  ctx.results.dashboard.naive_overview_ms_1m = naive.ms;
  ctx.results.dashboard.naive_ratio = ratio(naive.ms, ctx.results.dashboard.overview_p50_ms_1m ?? null, 0);
  ctx.log(`  ${naive.ms} ms for ${naive.rows} cells from raw answers`);
}

export async function postgresPhase(ctx: PhaseContext, sqliteFiles: Record<Scale, string>) {
  const scratch = {
    '10k': await scratchPostgres(ctx.env.postgresUrl, 'facets_bench_10k'),
    '1m': await scratchPostgres(ctx.env.postgresUrl, 'facets_bench_1m'),
  };
  try {
    for (const scale of ['10k', '1m'] as const) {
      const bar = ctx.progressBar(`copy ${scale} to PostgreSQL`);
      try {
        await copyToPostgres(sqliteFiles[scale], scratch[scale].url, bar.update);
      } finally {
        bar.stop();
      }
    }
    const pg = ctx.results.postgres;
    await measureDashboards(ctx, pg, { '10k': scratch['10k'].url, '1m': scratch['1m'].url }, 'PostgreSQL');
    const ratios = VIEWS.map((v) =>
      ratio(pg[`${v.name}_p50_ms_1m`] ?? null, ctx.results.dashboard[`${v.name}_p50_ms_1m`] ?? null),
    ).filter((r): r is number => r !== null);
    pg.vs_sqlite_1m = ratios.length > 0 ? Math.max(...ratios) : null;
  } finally {
    await scratch['10k'].drop();
    await scratch['1m'].drop();
  }
}

/**
 * Item 3 and `ingest.*`: 200 signed-in respondents submit for the load duration through real HTTP; then the same
 * load against a bare Fastify endpoint. Every acknowledged submission must be in the database afterwards.
 */
export async function ingestPhase(ctx: PhaseContext, file: string) {
  const { connections, loadSeconds } = ctx.config;
  const respondents = 200;
  // Enough waves that no respondent runs out even at 5,000 submissions per second.
  const waves = Math.ceil((5000 * loadSeconds) / respondents);
  await addLoadWaves(file, waves);
  const server = await startFacets(file);
  let facets: Awaited<ReturnType<typeof loadSubmissions>>;
  try {
    const emails = Array.from({ length: respondents }, (_, n) => respondentEmail(n));
    const cookies = await signInAll(server.baseUrl, emails, PASSWORD, 4);
    ctx.log(`  ${respondents} respondents signed in; ${connections} connections for ${loadSeconds} s`);
    facets = await loadSubmissions({
      baseUrl: server.baseUrl,
      cookies,
      waves,
      connections,
      seconds: loadSeconds,
      keyPrefix: 'load',
    });
  } finally {
    await server.stop();
  }
  const stored = storedLoadResponses(file);
  const load = ctx.results.load;
  Object.assign(load, {
    connections,
    duration_s: loadSeconds,
    requests: facets.requests,
    acknowledged: facets.ok,
    errors: facets.errors,
    non_2xx: facets.non2xx,
    timeouts: facets.timeouts,
    latency_p50_ms: facets.latency.p50,
    latency_p99_ms: facets.latency.p99,
    latency_max_ms: facets.latency.max,
    acknowledged_not_stored: Math.max(0, facets.ok - stored),
  });
  ctx.results.ingest.facets_rps = facets.rps;
  for (const failure of facets.failures) ctx.results.meta.notes.push(`load: ${failure}`);
  ctx.log(
    `  Facets: ${facets.rps} submissions/s, p99 ${facets.latency.p99} ms, ${facets.non2xx + facets.errors} errors`,
  );

  const baseline = await startBaseline();
  try {
    const bare = await loadSubmissions({
      baseUrl: baseline.baseUrl,
      cookies: ['none=0'],
      waves,
      connections,
      seconds: loadSeconds,
      keyPrefix: 'baseline',
    });
    ctx.results.ingest.fastify_baseline_rps = bare.rps;
    ctx.log(`  bare Fastify: ${bare.rps} requests/s`);
  } finally {
    await baseline.stop();
  }
  ctx.results.ingest.ratio = ratio(
    ctx.results.ingest.facets_rps ?? null,
    ctx.results.ingest.fastify_baseline_rps ?? null,
    3,
  );
}

export async function ceilingOf(ctx: PhaseContext, file: string) {
  await addLoadWaves(file, 20);
  const ceiling = sqliteCeiling(file, ctx.config.ceilingSeconds);
  ctx.results.ingest.sqlite_ceiling_rps = ceiling.rps;
  ctx.log(`  raw better-sqlite3: ${ceiling.rps} responses/s (${ceiling.responses} in ${ctx.config.ceilingSeconds} s)`);
}

export async function crashPhase(ctx: PhaseContext, file: string) {
  const report = await crashTest({
    file,
    cycles: ctx.config.crashCycles,
    clients: ctx.config.crashClients,
    killAfterMs: [1000, 3000],
    log: (line) => ctx.log(`  ${line}`),
  });
  Object.assign(ctx.results.crash, {
    cycles: report.cycles,
    acknowledged: report.acknowledged,
    retried: report.retried,
    committed_before_kill: report.committedBeforeKill,
    lost_or_duplicated: report.lostOrDuplicated,
    unacknowledged_stored: report.unacknowledgedStored,
    refused: report.refused,
    aggregate_differences: report.aggregateDifferences,
  });
  for (const p of report.problems) ctx.results.meta.notes.push(`crash: ${p}`);
}

export async function portalsPhase(ctx: PhaseContext) {
  const sizes = jsGzipKb();
  for (const [face] of FACES) {
    ctx.results.portals[`${face}_js_gzip_kb`] = sizes[face] ?? null;
    if (sizes[face] === null) ctx.results.meta.notes.push(`portals: ${face} is not built (run pnpm build)`);
  }
  ctx.results.portals.console_first_screen_js_gzip_kb = firstScreenJsGzipKb('console', FIRST_PAGE.console);
  const first = await employeeFirstQuestionMs(ctx.config.firstQuestionRuns);
  ctx.results.portals.employee_first_question_ms = round(first.ms, 0);
  ctx.log(`  first question: ${first.samples.join(', ')} ms`);
}
