import type { Db, JobRunner } from '@facets/db';
import type { JobLog } from './log.ts';
import { createPgBossRunner } from './pg-boss-runner.ts';
import { createSqliteRunner } from './sqlite-runner.ts';

export type { JobLog } from './log.ts';
export { createPgBossRunner } from './pg-boss-runner.ts';
export { createSqliteRunner, type SqliteRunner } from './sqlite-runner.ts';

/** The engine for the database: pg-boss beside a PostgreSQL database, the in-process runner on SQLite. */
export function createJobRunner(args: {
  db: Db;
  databaseUrl: string;
  newId: () => string;
  clock?: () => Date;
  log?: JobLog;
}): JobRunner {
  const { clock, log } = args;
  return args.db.dialect === 'postgres'
    ? createPgBossRunner({ connectionString: args.databaseUrl, ...(clock && { clock }), ...(log && { log }) })
    : createSqliteRunner({ db: args.db.db, newId: args.newId, ...(clock && { clock }), ...(log && { log }) });
}
