import { isIP } from 'node:net';

/**
 * Which page origins may send a mutation (a tRPC POST, any better-auth POST). A browser puts the page's origin in the
 * Origin header of every POST, and a page cannot forge it, so a cross-site form or fetch carrying the person's
 * cookies is told apart from the console's own calls. These origins are trusted:
 *
 * - the configured public origin (BASE_URL), which links in e-mails point to;
 * - the origins configured besides it (env.ts `trustedOrigins`: TRUSTED_ORIGINS, and localhost and 127.0.0.1 at the
 *   server's port when BASE_URL is the default);
 * - the origin the request itself was addressed to (its Host header, as the browser wrote it), but only when that host
 *   is `localhost` or an IP address. A page at http://127.0.0.1:3000 or http://192.168.1.10:3000 was served by whatever
 *   listens at that address and port, that is by this server, so it is same-origin. A host *name* would not be safe:
 *   with DNS rebinding an attacker's page at evil.example makes the browser send Host: evil.example and
 *   Origin: http://evil.example to this server; names other than localhost are trusted only as BASE_URL.
 *
 * A request without an Origin header does not come from a browser page (browsers send it with every POST) unless
 * Sec-Fetch-Site says otherwise; it carries no one's ambient cookies and is let through (CLI tools, the bench).
 */
export interface OriginVerdict {
  ok: boolean;
  /** The origin the request came from, when it said. */
  origin: string | null;
}

export function checkOrigin(args: {
  /** The Origin header, if any. */
  origin: string | undefined;
  /** The Sec-Fetch-Site header, if any. */
  fetchSite: string | undefined;
  /** scheme://host[:port] of this request as addressed (Host header). */
  requestOrigin: string;
  /** The configured public origin (BASE_URL). */
  baseUrl: string;
  /** Origins configured besides it (TRUSTED_ORIGINS…). */
  trusted?: readonly string[];
}): OriginVerdict {
  const { origin } = args;
  if (origin === undefined || origin === '') {
    const site = args.fetchSite;
    return { ok: site === undefined || site === 'same-origin' || site === 'none', origin: null };
  }
  return { ok: trustedOrigins(args.requestOrigin, args.baseUrl, args.trusted).includes(origin), origin };
}

/** The origins a mutation may come from for a request addressed to `requestOrigin`. */
export function trustedOrigins(requestOrigin: string, baseUrl: string, trusted: readonly string[] = []): string[] {
  const configured = [...new Set([new URL(baseUrl).origin, ...trusted])];
  let own: URL;
  try {
    own = new URL(requestOrigin);
  } catch {
    return configured;
  }
  const host = own.hostname.replace(/^\[|\]$/g, '');
  const addressed = host === 'localhost' || isIP(host) !== 0;
  return addressed && !configured.includes(own.origin) ? [...configured, own.origin] : configured;
}
