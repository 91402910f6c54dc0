import { dirname, extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { setPasswordLink } from '@facets/api';
import { type Db, deleteOrganization, getOrganizationBySlug, listOrganizationSummaries, newId } from '@facets/db';
import { DomainError, NewOrganization } from '@facets/domain';
import { hashPassword } from 'better-auth/crypto';
import type { Env } from './env.ts';
import { createOrganizationFor } from './organizations.ts';

/** `init`, `org list` and `org delete`: an organisation set up, seen and removed without writing code. */

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A mistake in what was typed: the CLI prints it and exits with 2. */
export class UsageError extends Error {}

/** Where each field of NewOrganization comes from on the command line. */
const FLAGS: Record<string, string> = {
  name: '--name',
  slug: '--slug',
  language: '--language',
  adminEmail: '--admin-email',
  adminName: '--admin-name',
  adminPassword: 'FACETS_ADMIN_PASSWORD',
};

const withFlag = (field: string | undefined, message: string) => {
  const flag = field ? (FLAGS[field] ?? field) : undefined;
  return flag ? `${flag}: ${message.replace(new RegExp(`^${field}: `), '')}` : message;
};

function options<T extends Record<string, { type: 'string' | 'boolean' }>>(command: string, args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function init(env: Env, db: Db, args: string[]): Promise<void> {
  const { values, positionals } = options('init', args, {
    name: { type: 'string' },
    slug: { type: 'string' },
    language: { type: 'string' },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`init: unexpected ${positionals.join(' ')} (quote the name)`);
  for (const flag of ['name', 'admin-email'] as const) {
    if (values[flag] === undefined) throw new UsageError(`init: --${flag} is required`);
  }
  const parsed = NewOrganization.safeParse({
    name: values.name,
    slug: values.slug,
    language: values.language,
    adminEmail: values['admin-email'],
    adminName: values['admin-name'],
    adminPassword: env.adminPassword,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`init: ${withFlag(String(issue.path[0] ?? ''), issue.message)}`);
  }
  let created: Awaited<ReturnType<typeof createOrganizationFor>>;
  try {
    created = await createOrganizationFor(db.db, parsed.data, { now: new Date(), hashPassword, newId });
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(`init: ${withFlag(error.field, error.message)}`);
    throw error;
  }
  const input = parsed.data;
  console.log(`organisation ${input.name} created (slug ${input.slug}, ${input.language})`);
  console.log(`admin: ${input.adminName} <${input.adminEmail}>`);
  if (created.passwordToken) {
    const until = created.passwordToken.expiresAt.slice(0, 10);
    console.log(`\nThe admin chooses a password here (the link works once, until ${until}):`);
    console.log(`  ${setPasswordLink(env.baseUrl, created.passwordToken.token)}`);
  } else {
    console.log('password: FACETS_ADMIN_PASSWORD');
  }
  console.log(`then signs in at ${env.baseUrl}/console/`);
}

export async function orgList(db: Db): Promise<void> {
  const list = await listOrganizationSummaries(db.db);
  if (list.length === 0) {
    console.log('no organisation yet: npm run facets -- init --name "…" --admin-email …');
    return;
  }
  const rows = [
    ['slug', 'name', 'members', 'groups', 'responses'],
    ...list.map((o) => [o.slug, o.name, String(o.members), String(o.groups), String(o.responses)]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

/** Reads one line from stdin, after a prompt. */
async function ask(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  try {
    process.stdout.write(question);
    const line = await new Promise<string>((done) => {
      rl.once('line', done);
      rl.once('close', () => done(''));
    });
    return line.trim();
  } finally {
    rl.close();
  }
}

/** `<database>.before-deleting-<slug>-<time>.sqlite` in a `backups` folder beside the database file. */
export function defaultBackupFile(databaseUrl: string, slug: string, now: Date): string {
  const file = resolve(databaseUrl);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const base = file.slice(dirname(file).length + 1, file.length - extname(file).length);
  return join(dirname(file), 'backups', `${base}.before-deleting-${slug}-${stamp}.sqlite`);
}

export async function orgDelete(env: Env, db: Db, args: string[]): Promise<void> {
  const { values, positionals } = options('org delete', args, {
    yes: { type: 'boolean' },
    backup: { type: 'string' },
    'no-backup': { type: 'boolean' },
  });
  const slug = positionals[0];
  if (!slug || positionals.length > 1) throw new UsageError('org delete: give one slug: org delete <slug> [--yes]');
  const organization = await getOrganizationBySlug(db.db, slug);
  if (!organization) throw new UsageError(`org delete: no organisation has the slug ${slug} (see org list)`);
  const summary = (await listOrganizationSummaries(db.db)).find((o) => o.id === organization.id)!;
  const postgres = db.dialect === 'postgres';
  if (postgres && !values['no-backup']) {
    throw new UsageError(
      'org delete: Facets backs up SQLite only. Back up PostgreSQL with pg_dump first, then run again with --no-backup.',
    );
  }
  if (!values.yes) {
    console.log(
      `This deletes ${organization.name} (${slug}) for good: ${count(summary.members, 'member')}, ` +
        `${count(summary.groups, 'group')}, ${count(summary.responses, 'response')}, every other row of it, ` +
        'and the accounts that belong to it only.',
    );
    const answer = await ask(`Type the slug (${slug}) to confirm: `);
    if (answer !== slug) {
      console.log('\nnot deleted: the answer was not the slug');
      process.exitCode = 1;
      return;
    }
  }
  if (!values['no-backup']) {
    const file = resolve(values.backup ?? defaultBackupFile(env.databaseUrl, slug, new Date()));
    await db.backup(file);
    console.log(`backup written to ${file}`);
  }
  const deleted = await deleteOrganization(db.db, { organizationId: organization.id });
  const rows = Object.values(deleted.rows).reduce((a, b) => a + b, 0);
  console.log(`deleted ${organization.name} (${slug}): ${count(rows, 'row')}, ${count(deleted.accounts, 'account')}`);
}
