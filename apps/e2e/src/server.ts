import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));

function freePort(): Promise<number> {
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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within 120 s:\n${output()}`);
}

export interface RunningServer {
  baseUrl: string;
  /** The server's SQLite file: tests read the outbox and issue invitations there, as the console would. */
  databaseUrl: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** false: started as `FACETS_DEMO=0 npm start`, which seeds nothing into the empty database (default true). */
  demo?: boolean;
}

/**
 * Starts the product as `npm start` does (migrate, seed the demo organisation unless `demo: false`, serve), on a
 * fresh SQLite file.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'facets-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = join(dataDir, 'facets.sqlite');
  let log = '';
  const child = spawn(process.execPath, [cli, 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BASE_URL: baseUrl,
      DATABASE_URL: databaseUrl,
      FACETS_DEMO: options.demo === false ? '0' : '1',
      BETTER_AUTH_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      LOG_LEVEL: 'warn',
      // Every simulated person signs in from 127.0.0.1: the per-address limit is proved in the server's own tests.
      SIGN_IN_LIMIT_PER_MINUTE: '1000',
      // Every story signs the same demo accounts in and reads fast: the per-account limits are the tests' own.
      SIGN_IN_LIMIT_PER_MINUTE_PER_ACCOUNT: '1000',
      READ_LIMIT_PER_MINUTE_PER_USER: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  await waitForHealth(baseUrl, child, () => log);
  return {
    baseUrl,
    databaseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
