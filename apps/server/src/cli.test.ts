import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import {
  createDb,
  createSurvey,
  getOrganizationBySlug,
  migrateToLatest,
  newId,
  saveQuestions,
  setSurveyPeriod,
} from '@facets/db';
import { buildFixture } from '@facets/db/testing';
import { DEPARTMENTS, INITIATIVE_KINDS, PROMISE_CHANNELS } from '@facets/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuth } from './auth.ts';
import { REPO_ROOT } from './env.ts';

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

function run(args: string[], env = envFor(), input = ''): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env });
    p.stdin.end(input);
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
    expect(res.out).toContain('usage: npm run facets -- migrate | seed | backup <file> | start | help');
    expect(res.out).toContain('org delete <slug> [--yes]');
    expect((await run(['backup'])).out).toContain('backup needs a file');
    const help = await run(['help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('usage: npm run facets -- migrate');
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

  it('starts the job runner, which opens an ended period of a continuous survey at once, and stops it on SIGTERM', async () => {
    const db = createDb(join(dir, 'facets.sqlite'));
    await migrateToLatest(db.db);
    const fx = await buildFixture(db.db, { now: '2020-01-01T10:00:00.000Z' });
    const { surveyId } = await createSurvey(db.db, {
      organizationId: fx.organizationId,
      organizationName: 'Atelier Nord',
      groupId: fx.groups.employee,
      kind: 'onboarding',
      title: { fr: 'Arrivée', en: 'Onboarding' },
      now: '2020-01-01T10:00:00.000Z',
      newId,
    });
    await saveQuestions(db.db, {
      organizationId: fx.organizationId,
      surveyId,
      newId,
      questions: [
        {
          type: 'rating',
          scale: 'likert5',
          facet: 'lived',
          dimensionId: fx.dimensions.recognition,
          prompt: { fr: 'Bien accueilli', en: 'Well welcomed' },
          options: null,
          required: true,
        },
      ],
    });
    const set = { organizationId: fx.organizationId, surveyId, period: 'month' as const, newId };
    await setSurveyPeriod(db.db, { ...set, now: '2020-01-05T10:00:00.000Z' });
    const waves = async () =>
      (await db.db.selectFrom('wave').select('label').where('survey_id', '=', surveyId).execute()).length;
    expect(await waves()).toBe(1);

    const port = await freePort();
    child = spawn(process.execPath, [CLI, 'start'], { env: { ...envFor(port), LOG_LEVEL: 'info' } });
    let out = '';
    child.stderr?.on('data', (d) => (out += d));
    child.stdout?.on('data', (d) => (out += d));
    const exit = new Promise<number | null>((resolve) => child!.on('exit', resolve));
    for (let i = 0; i < 100 && (await waves()) < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await waves()).toBe(2);
    expect(out).toMatch(/"engine":"sqlite".*"msg":"jobs started"/);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(out).toContain('"msg":"jobs stopped"');
    await db.close();
  });
});

/** Rows per table of the CLI's database: equal counts before and after a refusal mean it wrote nothing. */
async function rowCounts(): Promise<Record<string, number>> {
  const db = createDb(join(dir, 'facets.sqlite'));
  try {
    const counts: Record<string, number> = {};
    for (const table of ['organization', 'auth_user', 'auth_account', 'auth_verification', 'member'] as const) {
      const row = await db.db.selectFrom(table).select(db.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  } finally {
    await db.close();
  }
}

/** Signs in through better-auth on the CLI's database; the user's name on success. */
async function signIn(email: string, password: string, token?: string): Promise<string> {
  const db = createDb(join(dir, 'facets.sqlite'));
  try {
    const auth = createAuth({ db: db.db, dialect: 'sqlite', secret: 's'.repeat(40), baseUrl: 'http://localhost:3000' });
    if (token) await auth.api.resetPassword({ body: { token, newPassword: password } });
    return (await auth.api.signInEmail({ body: { email, password } })).user.name;
  } finally {
    await db.close();
  }
}

describe('cli: organisations', () => {
  const initArgs = [
    'init',
    '--name',
    'Café du Port',
    '--admin-email',
    'Anne.Roy@example.org',
    '--admin-name',
    'Anne Roy',
  ];

  it('creates an organisation and its admin, with a single-use link to choose a password', async () => {
    const res = await run(initArgs);
    expect(res.code).toBe(0);
    expect(res.out).toContain('organisation Café du Port created (slug cafe-du-port, fr)');
    expect(res.out).toContain('admin: Anne Roy <anne.roy@example.org>');
    const link = /http:\/\/localhost:3000\/console\/set-password\?token=([\w-]+)/.exec(res.out);
    expect(link, res.out).not.toBeNull();
    expect(await signIn('anne.roy@example.org', 'a long enough password', link![1])).toBe('Anne Roy');
    // The link worked once.
    await expect(signIn('anne.roy@example.org', 'another password', link![1])).rejects.toThrow();
  });

  it('sets FACETS_ADMIN_PASSWORD instead of printing a link, and the admin signs in with it', async () => {
    const env = { ...envFor(), FACETS_ADMIN_PASSWORD: 'scripted password' };
    const res = await run(
      ['init', '--name', 'Atelier Nord', '--admin-email', 'ops@nord.example', '--language', 'en'],
      env,
    );
    expect(res.code).toBe(0);
    expect(res.out).toContain('organisation Atelier Nord created (slug atelier-nord, en)');
    expect(res.out).not.toContain('set-password');
    expect(await signIn('ops@nord.example', 'scripted password')).toBe('ops');
  });

  it('refuses a slug that exists, and a bad e-mail, naming the field and writing nothing', async () => {
    expect((await run(initArgs)).code).toBe(0);
    const before = await rowCounts();
    const again = await run(['init', '--name', 'Cafe du port!', '--admin-email', 'someone@example.org']);
    expect(again.code).toBe(2);
    expect(again.out).toContain('init: --slug: an organisation with the slug cafe-du-port already exists');
    const bad = await run(['init', '--name', 'Elsewhere', '--admin-email', 'not-an-address']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('init: --admin-email: Invalid email address');
    const missing = await run(['init', '--name', 'Elsewhere']);
    expect(missing.out).toContain('init: --admin-email is required');
    const short = await run(['init', '--name', 'Elsewhere', '--admin-email', 'b@example.org'], {
      ...envFor(),
      FACETS_ADMIN_PASSWORD: 'short',
    });
    expect(short.out).toContain('init: FACETS_ADMIN_PASSWORD: ');
    expect(await rowCounts()).toEqual(before);
  });

  it('lists organisations, and deletes one after a backup, only once the slug is typed or --yes given', async () => {
    await nonEmptyDatabase();
    const env = { ...envFor(), FACETS_ADMIN_PASSWORD: 'scripted password' };
    expect((await run(['init', '--name', 'Atelier Nord', '--admin-email', 'ops@nord.example'], env)).code).toBe(0);
    expect((await run(['init', '--name', 'Sud', '--admin-email', 'ops@sud.example'], env)).code).toBe(0);
    const list = await run(['org', 'list']);
    expect(list.out).toMatch(/^slug +name +members +groups +responses$/m);
    expect(list.out).toMatch(/^atelier-nord +Atelier Nord +1 +0 +0$/m);
    expect(list.out).toMatch(/^org-\S+ +Organisation org-\S+ +\d+ +2 +\d+$/m);

    const refused = await run(['org', 'delete', 'atelier-nord'], envFor(), 'atelier\n');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('Type the slug (atelier-nord) to confirm');
    expect(refused.out).toContain('not deleted');
    expect((await run(['org', 'list'])).out).toContain('atelier-nord');

    const confirmed = await run(['org', 'delete', 'atelier-nord'], envFor(), 'atelier-nord\n');
    expect(confirmed.code).toBe(0);
    const backup = /backup written to (\S+)/.exec(confirmed.out)?.[1];
    expect(backup && existsSync(backup), confirmed.out).toBe(true);
    // Its admin's membership and the lists every organisation starts with: 9 departments, 7 kinds, 5 channels.
    const rows = 1 + DEPARTMENTS.length + INITIATIVE_KINDS.length + PROMISE_CHANNELS.length;
    expect(rows).toBe(22);
    expect(confirmed.out).toContain(`deleted Atelier Nord (atelier-nord): ${rows} rows, 1 account`);

    const scripted = await run(['org', 'delete', 'sud', '--yes', '--backup', join(dir, 'sud.sqlite')]);
    expect(scripted.out).toContain(`backup written to ${join(dir, 'sud.sqlite')}`);
    expect(scripted.out).not.toContain('Type the slug');
    const after = await run(['org', 'list']);
    expect(after.out).not.toMatch(/atelier-nord|sud/);
    expect(after.out).toMatch(/^org-\S+ +Organisation/m);
    // The backup holds what was deleted.
    const copy = createDb(backup!);
    expect(await getOrganizationBySlug(copy.db, 'atelier-nord')).toBeDefined();
    await copy.close();
    expect((await run(['org', 'delete', 'nobody', '--yes'])).out).toContain('no organisation has the slug nobody');
  });

  it('with FACETS_DEMO=0 starts on an empty database without seeding, and prints a setup code', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [CLI, 'start'], { env: { ...envFor(port), FACETS_DEMO: '0' } });
    let out = '';
    child.stderr?.on('data', (d) => (out += d));
    await new Promise<void>((resolve, reject) => {
      child!.stdout?.on('data', (d) => {
        out += d;
        if (out.includes('it works once')) resolve();
      });
      child!.on('exit', () => reject(new Error(`cli exited early:\n${out}`)));
    });
    expect(out).toContain('FACETS_DEMO=0: demo not seeded');
    expect(out).toMatch(
      new RegExp(`http://localhost:${port}/console/setup +with the setup code [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}`),
    );
    expect(await (await fetch(`http://127.0.0.1:${port}/api/setup`)).json()).toEqual({ needed: true });
    expect(await rowCounts()).toEqual({
      organization: 0,
      auth_user: 0,
      auth_account: 0,
      auth_verification: 0,
      member: 0,
    });
    child.kill('SIGTERM');
  });
});

/**
 * The README's command line on a fresh machine: a PATH that holds Node, npm and the shell npm runs scripts with, and
 * nothing else (no pnpm, no .tools), as in a new clone. The root script finds the project's own Node and pnpm itself (scripts/facets.mjs).
 */
describe('npm run facets', () => {
  /** The npm on this machine's PATH (beside the system's Node), not the project's tools. */
  function systemNpm(): string {
    for (const folder of (process.env.PATH ?? '').split(delimiter)) {
      if (!folder || folder.includes('.tools') || folder.includes('node_modules')) continue;
      const npm = join(folder, 'npm');
      if (existsSync(npm) && existsSync(join(folder, 'node'))) return npm;
    }
    throw new Error('no npm beside a node on PATH: the README’s commands need both');
  }

  function npmRun(
    args: string[],
    extra: NodeJS.ProcessEnv = {},
    cwd = REPO_ROOT,
  ): Promise<{ code: number | null; out: string }> {
    const npm = systemNpm();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(realpathSync(join(dirname(npm), 'node')), join(bin, 'node'));
    symlinkSync(realpathSync(npm), join(bin, 'npm'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const env = { PATH: bin, HOME: dir, npm_config_update_notifier: 'false', LOG_LEVEL: 'warn', ...extra };
    return new Promise((resolve) => {
      const p = spawn(join(bin, 'npm'), ['run', '--silent', ...args], { cwd, env });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('close', (code) => resolve({ code, out }));
    });
  }

  it('answers help with only Node and npm on the PATH', async () => {
    const res = await npmRun(['facets', '--', 'help']);
    expect(res.out).not.toContain('not found');
    expect(res.code).toBe(0);
    expect(res.out).toContain('usage: npm run facets -- migrate | seed | backup <file> | start | help');
  });

  it('migrates the database DATABASE_URL names, and backs it up to a file named from where it was typed', async () => {
    const database = join(dir, 'fresh.sqlite');
    const migrated = await npmRun(['facets', '--', 'migrate'], { DATABASE_URL: database });
    expect(migrated.out).toContain('migrated: ');
    expect(migrated.code).toBe(0);
    expect(existsSync(database)).toBe(true);
    // Typed in another folder (npm --prefix): the relative name is that folder's, not the server package's.
    rmSync(join(dir, 'bin'), { recursive: true });
    const backup = await npmRun(
      ['--prefix', REPO_ROOT, 'facets', '--', 'backup', 'copy.sqlite'],
      { DATABASE_URL: database },
      dir,
    );
    expect(backup.out).toContain(`backup written to copy.sqlite`);
    expect(existsSync(join(dir, 'copy.sqlite'))).toBe(true);
  });
});
