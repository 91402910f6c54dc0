import { execFileSync } from 'node:child_process';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';

/**
 * What the stories of an organisation that is not the demo share: `npm run facets -- init`, the API called as the
 * console calls it, and the server's SQLite file read as a mailbox and a check (the product never shares it).
 */

const cli = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));

export interface InitArgs {
  name: string;
  slug: string;
  adminEmail: string;
  /** Set as FACETS_ADMIN_PASSWORD; without it the command prints a single-use link to choose one. */
  adminPassword?: string;
}

/** Runs `facets init` against the server's database, as an admin types it; returns what it printed. */
export function initOrganization(server: { baseUrl: string; databaseUrl: string }, args: InitArgs): string {
  const { FACETS_ADMIN_PASSWORD: _unset, ...env } = process.env;
  return execFileSync(
    process.execPath,
    [cli, 'init', '--name', args.name, '--admin-email', args.adminEmail, '--slug', args.slug],
    {
      env: {
        ...env,
        DATABASE_URL: server.databaseUrl,
        BASE_URL: server.baseUrl,
        ...(args.adminPassword ? { FACETS_ADMIN_PASSWORD: args.adminPassword } : {}),
      },
      encoding: 'utf8',
    },
  );
}

/** Signs a staff account in over HTTP; returns the session cookie the API calls carry. */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('better-auth.session_token='));
  if (!cookie) throw new Error(`${email} could not sign in: ${response.status}`);
  return cookie.split(';')[0] as string;
}

export type Call = <T>(path: string, input: unknown) => Promise<T>;

/** A procedure of the API, called as the console calls it, with a signed-in session. */
export function apiCaller(baseUrl: string, cookie: string): Call {
  return async <T>(path: string, input: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { result?: { data: T }; error?: unknown };
    if (!response.ok || !body.result) throw new Error(`${path}: ${response.status} ${JSON.stringify(body.error)}`);
    return body.result.data;
  };
}

/** The server's SQLite file, opened read-only for each query. */
export function databaseReader(databaseUrl: string) {
  function query<T>(sql: string, ...params: string[]): T[] {
    const file = new DatabaseSync(databaseUrl, { readOnly: true });
    try {
      return file.prepare(sql).all(...params) as T[];
    } finally {
      file.close();
    }
  }
  const count = (sql: string, ...params: string[]) => Number(query<{ n: number }>(sql, ...params)[0]?.n ?? 0);
  /** The link of the latest invitation e-mail to `email`, as `/<group code>/i/<token>` (undefined when none). */
  const invitationPath = (baseUrl: string, code: string, email: string) => {
    const [mail] = query<{ body: string }>(
      'select body from outbox where to_address = ? order by created_at desc limit 1',
      email,
    );
    return new RegExp(`${baseUrl}(/${code}/i/[A-Za-z0-9_-]+)`).exec(mail?.body ?? '')?.[1];
  };
  return { query, count, invitationPath };
}
