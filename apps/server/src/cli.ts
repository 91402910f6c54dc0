import { join } from 'node:path';
import {
  createDb,
  createSecretBox,
  type Db,
  DEMO_ORGANIZATION,
  DEMO_PASSWORD,
  DEMO_SIGN_INS,
  getOrganizationBySlug,
  invitationLink,
  isEmpty,
  migrateToLatest,
  newId,
  seedDemo,
} from '@facets/db';
import { hashPassword } from 'better-auth/crypto';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { buildApp } from './app.ts';
import { createAuth } from './auth.ts';
import { init, orgDelete, orgList, UsageError } from './cli-organizations.ts';
import { type Env, loadEnv, REPO_ROOT } from './env.ts';
import { registerFacetsJobs, startFacetsJobs } from './jobs/facets-jobs.ts';
import { createJobRunner } from './jobs/index.ts';
import { limitStoreFor } from './limit-store.ts';
import { createMailSender, type MailSender, smtpTransport } from './mail/sender.ts';
import { PORTALS } from './portals.ts';
import { issueSetupCode } from './setup.ts';
import { createWebhookSender } from './webhooks/send.ts';

const USAGE = [
  'usage: npm run facets -- migrate | seed | backup <file> | start | help',
  '  init --name "<organisation>" --admin-email <address> [--admin-name <name>] [--slug <slug>] [--language fr|en]',
  '  org list',
  '  org delete <slug> [--yes] [--backup <file>] [--no-backup]',
].join('\n');

/** Brings the schema up to date; `quiet` says nothing when it already was. */
async function migrate(db: Db, quiet = false): Promise<void> {
  const applied = await migrateToLatest(db.db);
  if (applied.length > 0) console.log(`migrated: ${applied.join(', ')}`);
  else if (!quiet) console.log('database schema is up to date');
}

/** Seeds the demo organisation into an empty database; a database with any organisation is left alone. */
async function seedWhenEmpty(db: Db, baseUrl: string): Promise<void> {
  if (!(await isEmpty(db.db))) {
    console.log('database already holds an organisation: demo not seeded');
    return;
  }
  const bar = new cliProgress.SingleBar(
    { format: 'seeding demo |{bar}| {value}/{total} responses', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const result = await seedDemo(db.db, {
    now: new Date(),
    hashPassword,
    onProgress: (done: number, total: number) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
  }).finally(() => bar.stop());
  console.log(`demo organisation seeded with ${result.responses} responses`);
  // Tokens are stored hashed: this is the only time the demo's links can be shown.
  const shown = new Set<string>();
  const links = result.invitations.filter((i) => !shown.has(i.survey) && shown.add(i.survey));
  const customer = result.invitations.find((i) => i.email === DEMO_SIGN_INS.find((s) => s.group === 'customer')?.email);
  if (customer && !links.includes(customer)) links.push(customer);
  console.log('\nInvitation links of the demo (each works once, no account needed):');
  for (const i of links)
    console.log(`  ${i.survey.padEnd(22)} ${invitationLink(baseUrl, i.groupCode, i.token)}  (${i.email})`);
}

async function start(env: Env, db: Db): Promise<void> {
  await migrate(db);
  if (env.demo) await seedWhenEmpty(db, env.baseUrl);
  else console.log('FACETS_DEMO=0: demo not seeded');
  // An empty database is set up from the console with a code only this log shows (setup.ts).
  const firstRun = (await isEmpty(db.db)) ? issueSetupCode() : null;
  const logger = pino({ level: env.logLevel });
  // On PostgreSQL the limits count in the database, so they hold across every server sharing it.
  const limitStore = limitStoreFor({ db: db.db, dialect: db.dialect, secret: env.authSecret });
  const auth = createAuth({
    db: db.db,
    dialect: db.dialect,
    secret: env.authSecret,
    baseUrl: env.baseUrl,
    trustedOrigins: env.trustedOrigins,
    ssoPrivateIssuers: env.ssoPrivateIssuers,
    newId,
    logger,
    signInPerMinute: env.limits.signInPerMinute,
    limitStore,
  });
  const mail: MailSender | null = env.smtp
    ? createMailSender({ db: db.db, transport: smtpTransport(env.smtp.url), from: env.smtp.from, logger })
    : null;
  if (!mail) logger.info('SMTP_URL is not set: e-mail stays in the outbox, where admins read it');
  const jobs = createJobRunner({ db, databaseUrl: env.databaseUrl, newId, log: logger });
  // Webhook secrets are sealed with a key derived from the auth secret: a copy of the database alone does not sign.
  const webhooks = {
    secrets: createSecretBox(env.authSecret, 'webhook signing'),
    allowHttpLoopback: env.webhookAllowHttpLoopback,
  };
  registerFacetsJobs(jobs, {
    db: db.db,
    newId,
    mail,
    baseUrl: env.baseUrl,
    log: logger,
    webhooks: {
      secrets: webhooks.secrets,
      send: createWebhookSender({ allowHttpLoopback: webhooks.allowHttpLoopback }),
    },
  });
  const app = await buildApp({
    db: db.db,
    auth,
    logger,
    portalsDir: join(REPO_ROOT, 'apps'),
    baseUrl: env.baseUrl,
    trustedOrigins: env.trustedOrigins,
    limits: env.limits,
    limitStore,
    mailDelivery: env.mailDelivery,
    setup: firstRun?.setup ?? null,
    jobs,
    webhooks,
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    // In-flight requests finish; a stuck one does not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await jobs.stop();
    logger.info('jobs stopped');
    await mail?.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await startFacetsJobs(jobs, db.db);
  logger.info({ engine: jobs.engine }, 'jobs started');
  await app.listen({ port: env.port, host: env.host });
  await printWelcome(env, db, firstRun?.code ?? null);
}

async function printWelcome(env: Env, db: Db, setupCode: string | null): Promise<void> {
  const lines = [`\nFacets is running at ${env.baseUrl}/`];
  for (const { mount, app } of PORTALS) lines.push(`  ${app.padEnd(20)} ${env.baseUrl}${mount}`);
  if (setupCode) {
    lines.push(
      '\nThe database holds no organisation yet. Create yours at',
      `  ${env.baseUrl}/console/setup   with the setup code ${setupCode} (it works once)`,
      '  or from the command line: npm run facets -- init --name "…" --admin-email …',
    );
  }
  if (await getOrganizationBySlug(db.db, DEMO_ORGANIZATION.slug)) {
    lines.push(`\nDemo sign-ins of ${DEMO_ORGANIZATION.name} (password for all: ${DEMO_PASSWORD})`);
    for (const s of DEMO_SIGN_INS) lines.push(`  ${(s.group ?? s.role).padEnd(20)} ${s.email.padEnd(36)} ${s.name}`);
  }
  console.log(`${lines.join('\n')}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  if (!command || !['migrate', 'seed', 'backup', 'start', 'init', 'org'].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  if (command === 'org' && !['list', 'delete'].includes(args[0] ?? '')) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = loadEnv();
  const db = createDb(env.databaseUrl);
  if (command === 'start') return start(env, db);
  try {
    if (command === 'migrate') await migrate(db);
    if (command === 'seed') {
      await migrate(db);
      await seedWhenEmpty(db, env.baseUrl);
    }
    if (command === 'backup') {
      const file = args[0];
      if (!file) throw new Error(`backup needs a file: ${USAGE}`);
      await db.backup(file);
      console.log(`backup written to ${file}`);
    }
    if (command === 'init') {
      await migrate(db, true);
      await init(env, db, args);
    }
    if (command === 'org') {
      await migrate(db, true);
      if (args[0] === 'list') await orgList(db);
      else await orgDelete(env, db, args.slice(1));
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
