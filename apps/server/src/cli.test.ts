import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateToLatest } from '@facets/db';
import { buildFixture } from '@facets/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from './auth.ts';

/** The CLI as a user runs it: a child process with its own environment, on a database in a temp folder. */

const CLI = join(import.meta.dirname, 'cli.ts');
let dir: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'facets-cli-'));
});
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function envFor(port = 3000): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DATABASE_URL: join(dir, 'facets.sqlite'),
    BETTER_AUTH_SECRET: 'cli-test-secret-'.padEnd(40, 'x'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
}

function run(args: string[], env = envFor()): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code, out }));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A migrated database with one organisation, so that `start` does not seed the demo. */
async function nonEmptyDatabase(): Promise<void> {
  const db = createDb(join(dir, 'facets.sqlite'));
  await migrateToLatest(db.db);
  await buildFixture(db.db);
  await db.close();
}

describe('cli', () => {
  it('migrates, then backs up the database', async () => {
    const migrated = await run(['migrate']);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain('migrated: ');
    expect((await run(['migrate'])).out).toContain('database schema is up to date');
    const backup = await run(['backup', join(dir, 'copy.sqlite')]);
    expect(backup.code).toBe(0);
    expect(existsSync(join(dir, 'copy.sqlite'))).toBe(true);
  });

  it('seeds the demo into an empty database once, with sign-ins that work', async () => {
    const seeded = await run(['seed']);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/demo organisation seeded with \d+ responses/);
    expect((await run(['seed'])).out).toContain('database already holds an organisation: demo not seeded');

    const db = createDb(join(dir, 'facets.sqlite'));
    try {
      const auth = createAuth({
        db: db.db,
        dialect: 'sqlite',
        secret: 's'.repeat(40),
        baseUrl: 'http://localhost:3000',
      });
      const res = await auth.api.signInEmail({ body: { email: 'supplier@demo.facets.test', password: 'facets-demo' } });
      expect(res.user.name).toBe('Marc Durand');
    } finally {
      await db.close();
    }
  });

  it('explains its usage', async () => {
    const res = await run(['dance']);
    expect(res.code).toBe(2);
    expect(res.out).toContain('usage: node src/cli.ts migrate | seed | backup <file> | start');
    expect((await run(['backup'])).out).toContain('backup needs a file');
  });

  it('starts, prints the portals, serves, and stops cleanly on SIGTERM', async () => {
    await nonEmptyDatabase();
    const port = await freePort();
    child = spawn(process.execPath, [CLI, 'start'], { env: envFor(port) });
    let out = '';
    child.stderr?.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      child!.stdout?.on('data', (d) => {
        out += d;
        if (out.includes('/shareholder/')) resolve();
      });
      child!.on('exit', () => reject(new Error(`cli exited early:\n${out}`)));
    });
    expect(out).toContain(`http://localhost:${port}/console/`);
    expect(out).toContain('database already holds an organisation');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const exit = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
