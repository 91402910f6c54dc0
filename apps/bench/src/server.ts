import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The real server's command line, run from source as `npm start` runs it. */
export const SERVER_CLI = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));
/** A fixed secret: sessions signed before a restart (crash test) stay valid after it. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret-0123';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  baseUrl: string;
  port: number;
  pid: number;
  /** What the process printed, for error messages. */
  output(): string;
  /** Resident memory now and at its peak, in MB (Linux /proc). */
  memory(): { rssMb: number | null; peakRssMb: number | null };
  /** SIGTERM and wait: the server finishes in-flight requests and closes the database. */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash, nothing flushed, nothing closed. */
  kill9(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s:\n${output()}`);
}

function readStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    const kb = line ? Number(line.replace(/\D+/g, '')) : Number.NaN;
    return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/** Runs a Node script as a child process and waits until its /healthz answers. */
export async function startProcess(args: {
  script: string;
  /** Arguments after the script, given the port it is to listen on. */
  argv?: (port: number) => string[];
  env: Record<string, string>;
  port?: number;
  timeoutMs?: number;
}): Promise<RunningProcess> {
  const port = args.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [args.script, ...(args.argv?.(port) ?? [])], {
    env: { ...process.env, ...args.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = () => log;
  try {
    await waitForHealth(baseUrl, child, output, args.timeoutMs ?? 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const pid = child.pid!;
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      await exited;
    }
  };
  return {
    baseUrl,
    port,
    pid,
    output,
    memory: () => ({ rssMb: readStatusMb(pid, 'VmRSS'), peakRssMb: readStatusMb(pid, 'VmHWM') }),
    stop: () => signal('SIGTERM'),
    kill9: () => signal('SIGKILL'),
  };
}

/**
 * The abuse limits, raised: every simulated respondent signs in and submits from 127.0.0.1, hundreds of times a
 * minute, which production's limits rightly refuse. The limiter still runs, so its cost is measured.
 */
export const BENCH_LIMITS = {
  SIGN_IN_LIMIT_PER_MINUTE: '1000000',
  SUBMIT_LIMIT_PER_MINUTE_PER_USER: '1000000',
  SUBMIT_LIMIT_PER_MINUTE_PER_IP: '1000000',
  SIGN_IN_LIMIT_PER_MINUTE_PER_ACCOUNT: '1000000',
  READ_LIMIT_PER_MINUTE_PER_USER: '1000000',
};

/** The Facets server (`facets start`: migrate, seed the demo when the database is empty, serve) on a database. */
export function startFacets(databaseUrl: string, options: { port?: number } = {}): Promise<RunningProcess> {
  return startProcess({
    script: SERVER_CLI,
    argv: () => ['start'],
    env: { DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: BENCH_SECRET, LOG_LEVEL: 'warn', ...BENCH_LIMITS },
    ...(options.port ? { port: options.port } : {}),
  });
}
