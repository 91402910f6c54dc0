/** The HTTP calls a browser makes: better-auth's email sign-in, then tRPC queries and mutations with the cookie. */

export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`sign-in of ${email} set no cookie`);
  return cookie;
}

/** Signs many people in, a few at a time (each sign-in hashes a password). */
export async function signInAll(baseUrl: string, emails: readonly string[], password: string, parallel = 8) {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      cookies[i] = await signIn(baseUrl, emails[i]!, password);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return cookies;
}

export class TrpcError extends Error {
  readonly status: number;
  constructor(path: string, status: number, body: string) {
    super(`${path}: HTTP ${status} ${body.slice(0, 300)}`);
    this.status = status;
  }
}

export function queryUrl(baseUrl: string, path: string, input?: unknown): string {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return `${baseUrl}/trpc/${path}${query}`;
}

export async function trpcQuery<T = unknown>(
  baseUrl: string,
  cookie: string,
  path: string,
  input?: unknown,
): Promise<T> {
  const response = await fetch(queryUrl(baseUrl, path, input), { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new TrpcError(path, response.status, body);
  return (JSON.parse(body) as { result: { data: T } }).result.data;
}

export async function trpcMutation<T = unknown>(
  baseUrl: string,
  cookie: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(`${baseUrl}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await response.text();
  if (!response.ok) throw new TrpcError(path, response.status, body);
  return (JSON.parse(body) as { result: { data: T } }).result.data;
}
