import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';
import { loadWaveId, submissionBody } from './load-waves.ts';
import { type RunningProcess, startProcess } from './server.ts';
import { round } from './stats.ts';

const BASELINE_SCRIPT = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  /** 2xx responses: acknowledged submissions. */
  ok: number;
  non2xx: number;
  /** Socket errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Responses by HTTP status, and the first few bodies of non-2xx ones (what went wrong). */
  statuses: Record<string, number>;
  failures: string[];
  /** Acknowledged submissions per second. */
  rps: number;
  latency: { p50: number; p90: number; p99: number; max: number };
}

/**
 * `connections` concurrent clients POST `portal.survey.submit` for `seconds`, each request as a signed-in respondent
 * (cookies taken in turn) answering the next load wave. Submission k is respondent k mod R's answer to wave
 * ⌊k / R⌋, so no two requests are the same person answering the same wave.
 */
export async function loadSubmissions(args: {
  baseUrl: string;
  cookies: readonly string[];
  waves: number;
  connections: number;
  seconds: number;
  keyPrefix: string;
}): Promise<LoadResult> {
  const respondents = args.cookies.length;
  let k = 0;
  const failures: string[] = [];
  const result = await autocannon({
    url: args.baseUrl,
    connections: args.connections,
    duration: args.seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/trpc/portal.survey.submit',
        setupRequest: (request) => {
          const n = k++;
          const respondent = n % respondents;
          const wave = Math.floor(n / respondents) % args.waves;
          return {
            ...request,
            headers: { 'content-type': 'application/json', cookie: args.cookies[respondent]! },
            body: submissionBody(wave, `${args.keyPrefix}-${String(n).padStart(8, '0')}`, n),
          };
        },
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && failures.length < 5) failures.push(`${status} ${body.slice(0, 200)}`);
        },
      },
    ],
  });
  return {
    connections: args.connections,
    durationSeconds: args.seconds,
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count?: number }).count ?? 0]),
    ),
    failures,
    rps: round(result['2xx'] / result.duration, 0)!,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}

/** Starts the bare Fastify baseline server. */
export function startBaseline(): Promise<RunningProcess> {
  return startProcess({ script: BASELINE_SCRIPT, env: {}, argv: (port) => [String(port)] }).catch((error) => {
    throw new Error(`baseline server: ${(error as Error).message}`);
  });
}

/** How many submissions to the load waves the database holds (read beside the running server, WAL allows it). */
export function storedLoadResponses(file: string): number {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const row = db
      .prepare("select count(*) as n from response where organization_id = 'bench-org' and wave_id like ?")
      .get(`${loadWaveId(0).replace(/0$/, '')}%`) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}
