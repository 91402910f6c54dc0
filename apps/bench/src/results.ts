import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

type Figure = number | null;
export type Section = Record<string, Figure>;

/** Every figure of issue #6, null until measured; a figure left null has a note saying why. */
export function emptyResults(mode: 'quick' | 'full') {
  const views = ['overview', 'compareGroups', 'breakdown', 'dimension'];
  const dashboard: Section = {};
  for (const v of views)
    for (const scale of ['10k', '1m']) for (const p of ['p50', 'p95']) dashboard[`${v}_${p}_ms_${scale}`] = null;
  return {
    meta: {
      mode,
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memory_gb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
      },
      /** The sizes actually measured: quick mode stands a smaller database in for `1m`. */
      sizes: {
        '10k': { responses: null as Figure, answers: null as Figure },
        '1m': { responses: null as Figure, answers: null as Figure },
      },
      seconds: {} as Record<string, number>,
      notes: [] as string[],
    },
    ingest: {
      facets_rps: null,
      fastify_baseline_rps: null,
      sqlite_ceiling_rps: null,
      ratio: null,
      generator_bulk_rps: null,
    } as Section,
    dashboard: { ...dashboard, overview_scale_ratio: null, naive_overview_ms_1m: null, naive_ratio: null } as Section,
    memory: { server_rss_mb_1m: null, server_peak_rss_mb_1m: null } as Section,
    postgres: { ...dashboard, overview_scale_ratio: null, vs_sqlite_1m: null } as Section,
    portals: {
      employee_js_gzip_kb: null,
      supplier_js_gzip_kb: null,
      customer_js_gzip_kb: null,
      shareholder_js_gzip_kb: null,
      group_js_gzip_kb: null,
      console_js_gzip_kb: null,
      console_first_screen_js_gzip_kb: null,
      employee_first_question_ms: null,
    } as Section,
    load: {
      connections: null,
      duration_s: null,
      requests: null,
      acknowledged: null,
      errors: null,
      non_2xx: null,
      timeouts: null,
      latency_p50_ms: null,
      latency_p99_ms: null,
      latency_max_ms: null,
      acknowledged_not_stored: null,
    } as Section,
    crash: {
      cycles: null,
      acknowledged: null,
      retried: null,
      committed_before_kill: null,
      lost_or_duplicated: null,
      unacknowledged_stored: null,
      refused: null,
      aggregate_differences: null,
    } as Section,
    targets: {} as Record<string, { target: string; value: Figure; met: boolean | null }>,
  };
}

export type Results = ReturnType<typeof emptyResults>;

/** The targets of issue #6, judged on the figures. */
export function judgeTargets(r: Results): void {
  const check = (name: string, value: Figure, op: '<=' | '>=', bound: number) => {
    r.targets[name] = {
      target: `${op} ${bound}`,
      value,
      met: value === null ? null : op === '<=' ? value <= bound : value >= bound,
    };
  };
  check('ingest.ratio', r.ingest.ratio ?? null, '>=', 0.5);
  check('dashboard.overview_p50_ms_1m', r.dashboard.overview_p50_ms_1m ?? null, '<=', 10);
  check('dashboard.overview_scale_ratio', r.dashboard.overview_scale_ratio ?? null, '<=', 1.2);
  check('dashboard.naive_ratio', r.dashboard.naive_ratio ?? null, '>=', 100);
  check('memory.server_rss_mb_1m', r.memory.server_rss_mb_1m ?? null, '<=', 300);
  check('postgres.vs_sqlite_1m', r.postgres.vs_sqlite_1m ?? null, '<=', 2);
  for (const face of ['employee', 'supplier', 'customer', 'shareholder', 'group', 'console']) {
    check(`portals.${face}_js_gzip_kb`, r.portals[`${face}_js_gzip_kb`] ?? null, '<=', 150);
  }
  check('portals.console_first_screen_js_gzip_kb', r.portals.console_first_screen_js_gzip_kb ?? null, '<=', 100);
  check('portals.employee_first_question_ms', r.portals.employee_first_question_ms ?? null, '<=', 1000);
  check('load.acknowledged_not_stored', r.load.acknowledged_not_stored ?? null, '<=', 0);
  check('crash.lost_or_duplicated', r.crash.lost_or_duplicated ?? null, '<=', 0);
  check('crash.aggregate_differences', r.crash.aggregate_differences ?? null, '<=', 0);
}

/** Writes latest.json and <mode>.json (so a quick run never overwrites the figures of the last full one). */
export function writeResults(r: Results): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const text = `${JSON.stringify(r, null, 2)}\n`;
  for (const name of ['latest.json', `${r.meta.mode}.json`]) {
    const file = join(RESULTS_DIR, name);
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
  return join(RESULTS_DIR, 'latest.json');
}

const fmt = (v: Figure) => (v === null ? '—' : Number.isInteger(v) ? v.toLocaleString('en-GB') : String(v));

/** The figures as a table on the terminal, section by section, with each target and whether it is met. */
export function printTable(r: Results, print: (line: string) => void = console.log): void {
  const sizes = r.meta.sizes;
  print('');
  print(
    `Facets benchmark (${r.meta.mode}) — ${r.meta.machine.cpus} × ${r.meta.machine.cpu}, ${r.meta.machine.memory_gb} GB, Node ${r.meta.machine.node}`,
  );
  print(
    `10k = ${fmt(sizes['10k'].responses)} responses (${fmt(sizes['10k'].answers)} answers); ` +
      `1m = ${fmt(sizes['1m'].responses)} responses (${fmt(sizes['1m'].answers)} answers)`,
  );
  const rows: [string, string, string, string][] = [['figure', 'value', 'target', '']];
  for (const section of ['ingest', 'dashboard', 'memory', 'postgres', 'portals', 'load', 'crash'] as const) {
    for (const [key, value] of Object.entries(r[section])) {
      const name = `${section}.${key}`;
      const target = r.targets[name];
      const mark = !target || target.met === null ? '' : target.met ? 'ok' : 'MISSED';
      rows.push([name, fmt(value), target?.target ?? '', mark]);
    }
  }
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const [i, row] of rows.entries()) {
    print(row.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
    if (i === 0) print(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  for (const note of r.meta.notes) print(`note: ${note}`);
}
