import { z } from 'zod';
import { invalid } from './errors.ts';

/**
 * Webhooks (README "Integrations"): the events an admin may subscribe a URL to, what their payloads may say, and the
 * rules of delivery. Nothing here reads a clock or the network: the server resolves addresses and passes them in.
 */

export const WEBHOOK_EVENTS = [
  /** Named feedback arrived (anonymous feedback keeps only its day, so no event marks its moment). */
  'feedback.received',
  /** Named feedback's status changed, staff replied, or its author replied (anonymous feedback sends nothing). */
  'feedback.changed',
  /** A closed wave's results were published. */
  'wave.published',
  /**
   * An open wave's count of respondents, never a response: sent at most once every WEBHOOK_COUNT_EVERY_MINUTES, only
   * from k on and only when at least k more people answered since the count last sent (`responseCountDue`).
   */
  'responses.counted',
] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

export const WEBHOOK_STATES = ['active', 'paused'] as const;
export const WebhookState = z.enum(WEBHOOK_STATES);
export type WebhookState = z.infer<typeof WebhookState>;

/** How a delivery stands: waiting for its job, being tried (retries included), delivered, or given up. */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'queued', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

export const MAX_WEBHOOK_URL = 500;
export const MAX_WEBHOOK_DESCRIPTION = 200;
/** Subscriptions an organisation may keep. */
export const MAX_WEBHOOKS = 20;
/** A subscription whose deliveries have all failed for this long is paused and its organisation's admins told. */
export const WEBHOOK_PAUSE_AFTER_MS = 24 * 3_600_000;
/** The least time between two `responses.counted` events of one wave. */
export const WEBHOOK_COUNT_EVERY_MINUTES = 60;
/** A receiver's answer slower than this fails the attempt. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Retries of one delivery through the job runner: 1 min doubling up to 4 h, 12 retries — about 20 hours of trying,
 * and with the pause after 24 hours of failures a receiver down for a day stops receiving.
 */
export const WEBHOOK_RETRY = { retryLimit: 12, retryDelaySeconds: 60, retryDelayMaxSeconds: 4 * 3600 } as const;

export const WebhookUrl = z
  .string()
  .trim()
  .min(1, 'required')
  .max(MAX_WEBHOOK_URL, `must be at most ${MAX_WEBHOOK_URL} characters`)
  .pipe(z.url({ message: 'must be a URL such as https://hooks.example.org/facets' }));

/** The subscription's fields an admin gives; `events` at least one, each once. */
export const WebhookFields = z.object({
  url: WebhookUrl,
  events: z
    .array(WebhookEvent)
    .min(1, 'choose at least one event')
    .refine((e) => new Set(e).size === e.length, 'each event once'),
  description: z.string().trim().max(MAX_WEBHOOK_DESCRIPTION).default(''),
});
export type WebhookFields = z.infer<typeof WebhookFields>;

/**
 * Checks a subscription's URL: https, or http only to a loopback host when the server allows it (tests, a receiver on
 * the same machine). No credentials in it: they would show in the console and the audit log.
 */
export function checkWebhookUrl(text: string, options: { allowHttpLoopback: boolean }): { url: string; host: string } {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(text.trim());
  if (!match?.[1] || match[2] === undefined)
    throw invalid('url', 'must be a URL such as https://hooks.example.org/facets', 'invalid_format');
  const scheme = match[1].toLowerCase();
  const authority = match[2];
  if (authority.includes('@')) throw invalid('url', 'must not carry a user name or password', 'not_allowed');
  const host = (/^(\[[^\]]*\]|[^:]*)/.exec(authority)?.[1] ?? '').toLowerCase();
  if (host === '') throw invalid('url', 'must name a host', 'invalid_format');
  if (scheme === 'https') return { url: text.trim(), host };
  if (scheme === 'http' && options.allowHttpLoopback && isLoopbackHost(host)) return { url: text.trim(), host };
  throw invalid(
    'url',
    options.allowHttpLoopback ? 'must use https (or http to a loopback address)' : 'must use https',
    'not_allowed',
  );
}

const stripBrackets = (host: string) => host.replace(/^\[|\]$/g, '');

export function isLoopbackHost(host: string): boolean {
  const h = stripBrackets(host).toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || isLoopbackAddress(h);
}

function ipv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x <= 255) ? n : null;
}

/** An IPv4 address mapped into IPv6 (::ffff:a.b.c.d or ::ffff:xxxx:xxxx), as IPv4; null otherwise. */
function mappedIpv4(address: string): string | null {
  const m = /^::ffff:(.+)$/i.exec(address);
  if (!m?.[1]) return null;
  if (ipv4(m[1])) return m[1];
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex?.[1] || !hex[2]) return null;
  const hi = Number.parseInt(hex[1], 16);
  const lo = Number.parseInt(hex[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

export function isLoopbackAddress(address: string): boolean {
  const a = stripBrackets(address).toLowerCase();
  const v4 = ipv4(a) ?? ipv4(mappedIpv4(a) ?? '');
  if (v4) return v4[0] === 127;
  return a === '::1' || a === '0:0:0:0:0:0:0:1';
}

/**
 * Whether a resolved address may receive deliveries: a public unicast address. Loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast and reserved ranges are refused, so a
 * subscription cannot make the server reach into its own network.
 */
export function isPublicAddress(address: string): boolean {
  const a = stripBrackets(address).toLowerCase();
  const mapped = mappedIpv4(a);
  const v4 = ipv4(mapped ?? a);
  if (v4) {
    const [x = 0, y = 0] = v4;
    if (x === 0 || x === 10 || x === 127 || x >= 224) return false;
    if (x === 100 && y >= 64 && y <= 127) return false;
    if (x === 169 && y === 254) return false;
    if (x === 172 && y >= 16 && y <= 31) return false;
    if (x === 192 && y === 168) return false;
    if (x === 192 && y === 0 && (v4[2] === 0 || v4[2] === 2)) return false;
    if (x === 198 && (y === 18 || y === 19)) return false;
    if (x === 198 && y === 51 && v4[2] === 100) return false;
    if (x === 203 && y === 0 && v4[2] === 113) return false;
    return true;
  }
  if (!a.includes(':')) return false;
  if (a === '::' || a === '::1' || /^0*:(0*:)*0*1?$/.test(a)) return false;
  const first = Number.parseInt(a.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && Number.parseInt(a.split(':')[1] || '0', 16) === 0x0db8) return false; // documentation
  if (first === 0x64 && a.startsWith('64:ff9b:')) return false; // NAT64 reaches IPv4, private ones included
  return true;
}

/**
 * Whether a delivery may go to `address` (resolved from the URL's host): public addresses always, loopback ones only
 * where the server allows http to loopback (never private networks).
 */
export function deliverableAddress(address: string, options: { allowHttpLoopback: boolean }): boolean {
  return isPublicAddress(address) || (options.allowHttpLoopback && isLoopbackAddress(address));
}

/** After an attempt failed at `now`: pause the subscription when its deliveries have failed since 24 hours or more. */
export function shouldPauseWebhook(failingSince: string, now: string): boolean {
  return Date.parse(now) - Date.parse(failingSince) >= WEBHOOK_PAUSE_AFTER_MS;
}

/**
 * Whether an open wave's count of respondents is sent now. A receiver keeps each event's time, so every event must
 * stand for at least k people: the first from k respondents on, each later one only once k more have answered, and
 * never within WEBHOOK_COUNT_EVERY_MINUTES of the previous one. Between two events at least k people answered, in a
 * span of at least an hour: the times tell no more about who answered than the count itself.
 */
export function responseCountDue(args: {
  respondents: number;
  k: number;
  last: { respondents: number; sentAt: string } | null;
  now: string;
}): boolean {
  const { respondents, k, last, now } = args;
  if (respondents < k) return false;
  if (!last) return true;
  if (respondents - last.respondents < k) return false;
  return Date.parse(now) - Date.parse(last.sentAt) >= WEBHOOK_COUNT_EVERY_MINUTES * 60_000;
}
