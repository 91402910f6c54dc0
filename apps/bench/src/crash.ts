import { createDb, diffAggregates, readAggregates, recomputeAggregates } from '@facets/db';
import SqliteDatabase from 'better-sqlite3';
import { ORG, PASSWORD, respondentEmail } from './generator/index.ts';
import { signInAll } from './http.ts';
import { addLoadWaves, submissionBody } from './load-waves.ts';
import { freePort, type RunningProcess, startFacets } from './server.ts';

export interface CrashOptions {
  /** A generated SQLite database whose first `clients` employees have sign-ins. */
  file: string;
  cycles: number;
  /** Concurrent respondents submitting while the server is killed. */
  clients: number;
  /** The server is killed after a random time in this range (ms) of load. */
  killAfterMs: readonly [number, number];
  log?: (line: string) => void;
}

export interface CrashReport {
  cycles: number;
  /** Submissions the server acknowledged (200), retried ones included. */
  acknowledged: number;
  /** Submissions cut by a kill (no answer), then retried with the same idempotency key after the restart. */
  retried: number;
  /** Of those, how many the server had already committed before dying (the retry answered `duplicate`). */
  committedBeforeKill: number;
  /** Acknowledged submissions not found exactly once with the acknowledged id: must be 0. */
  lostOrDuplicated: number;
  /** Stored load responses nobody was told about: must be 0 after the retries. */
  unacknowledgedStored: number;
  /** Submissions refused with an error other than a kill: must be 0. */
  refused: number;
  /** Aggregate cells and bins that differ from a recomputation from raw answers, summed over cycles: must be 0. */
  aggregateDifferences: number;
  /** The first few differences or refusals, for the report. */
  problems: string[];
}

interface Submission {
  key: string;
  body: string;
}

/**
 * Kill -9 during load, several times. Each cycle: `clients` respondents submit as fast as the server answers; after a
 * random delay the server is SIGKILLed; it restarts on the same file; the submissions that got no answer are retried
 * with their idempotency keys (as the portal does); then every acknowledged submission must be stored exactly once
 * with its acknowledged id, nothing else may be stored, and the aggregates must equal a recomputation.
 */
export async function crashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const report: CrashReport = {
    cycles: 0,
    acknowledged: 0,
    retried: 0,
    committedBeforeKill: 0,
    lostOrDuplicated: 0,
    unacknowledgedStored: 0,
    refused: 0,
    aggregateDifferences: 0,
    problems: [],
  };
  const problem = (line: string) => {
    if (report.problems.length < 10) report.problems.push(line);
  };
  const waves = 400 * options.cycles;
  await addLoadWaves(options.file, waves);
  const port = await freePort();
  let server: RunningProcess = await startFacets(options.file, { port });
  const emails = Array.from({ length: options.clients }, (_, n) => respondentEmail(n));
  const cookies = await signInAll(server.baseUrl, emails, PASSWORD, 4);
  const acknowledged = new Map<string, string>();
  const nextWave = new Array<number>(options.clients).fill(0);
  let variant = 0;

  const post = async (cookie: string, s: Submission): Promise<{ responseId: string; duplicate: boolean }> => {
    const response = await fetch(`${server.baseUrl}/trpc/portal.survey.submit`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: s.body,
    });
    const text = await response.text();
    if (!response.ok) throw new RefusedError(`${s.key}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return (JSON.parse(text) as { result: { data: { responseId: string; duplicate: boolean } } }).result.data;
  };

  try {
    for (let cycle = 1; cycle <= options.cycles; cycle++) {
      const cut: { respondent: number; submission: Submission }[] = [];
      let killed = false;
      const worker = async (r: number) => {
        while (!killed) {
          const wave = nextWave[r]!;
          if (wave >= waves) return;
          nextWave[r] = wave + 1;
          const key = `crash-${r}-${wave}`;
          const submission = { key, body: submissionBody(wave, key, variant++) };
          try {
            const result = await post(cookies[r]!, submission);
            acknowledged.set(key, result.responseId);
          } catch (error) {
            if (error instanceof RefusedError) {
              report.refused += 1;
              problem(error.message);
            } else {
              cut.push({ respondent: r, submission });
              return;
            }
          }
        }
      };
      const running = Array.from({ length: options.clients }, (_, r) => worker(r));
      const [lo, hi] = options.killAfterMs;
      await new Promise((resolve) => setTimeout(resolve, lo + Math.random() * (hi - lo)));
      killed = true;
      await server.kill9();
      await Promise.all(running);
      const before = acknowledged.size;
      server = await startFacets(options.file, { port });
      for (const { respondent, submission } of cut) {
        try {
          const result = await retried(() => post(cookies[respondent]!, submission));
          acknowledged.set(submission.key, result.responseId);
          report.retried += 1;
          if (result.duplicate) report.committedBeforeKill += 1;
        } catch (error) {
          report.refused += 1;
          problem(`retry ${(error as Error).message}`);
        }
      }
      const diffs = await verify(options.file, acknowledged, report, problem);
      report.aggregateDifferences += diffs;
      report.cycles = cycle;
      log(
        `crash cycle ${cycle}: ${before} acknowledged before the kill, ${cut.length} cut and retried, ` +
          `${diffs} aggregate differences`,
      );
    }
  } finally {
    await server.stop();
  }
  report.acknowledged = acknowledged.size;
  return report;
}

class RefusedError extends Error {}

/** As the portal does after a network failure: try again a few times (a refusal is an answer, not retried). */
async function retried<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (error instanceof RefusedError || attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function verify(
  file: string,
  acknowledged: ReadonlyMap<string, string>,
  report: CrashReport,
  problem: (line: string) => void,
): Promise<number> {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  try {
    const byKey = sqlite.prepare('select id from response where organization_id = ? and idempotency_key = ?');
    let bad = 0;
    for (const [key, id] of acknowledged) {
      const rows = byKey.all(ORG.id, key) as { id: string }[];
      if (rows.length !== 1 || rows[0]!.id !== id) {
        bad += 1;
        problem(`${key}: stored ${rows.length} time(s), acknowledged as ${id}`);
      }
    }
    report.lostOrDuplicated = Math.max(report.lostOrDuplicated, bad);
    const stored = (
      sqlite
        .prepare("select count(*) as n from response where organization_id = ? and idempotency_key like 'crash-%'")
        .get(ORG.id) as { n: number }
    ).n;
    report.unacknowledgedStored = Math.max(report.unacknowledgedStored, stored - acknowledged.size);
    if (stored !== acknowledged.size) problem(`${stored} crash responses stored, ${acknowledged.size} acknowledged`);
  } finally {
    sqlite.close();
  }
  const { db, close } = createDb(file);
  try {
    const diffs = diffAggregates(
      await readAggregates(db, { organizationId: ORG.id }),
      await recomputeAggregates(db, { organizationId: ORG.id }),
    );
    for (const d of diffs.slice(0, 3)) problem(`aggregates: ${d}`);
    return diffs.length;
  } finally {
    await close();
  }
}
