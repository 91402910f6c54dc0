import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { deliverableAddress, WEBHOOK_TIMEOUT_MS } from '@facets/domain';

/**
 * One POST of a webhook delivery (README "Integrations" → "Webhooks"). The body is signed with the webhook's secret:
 * `Facets-Webhook-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the timestamp in Unix seconds in
 * `Facets-Webhook-Timestamp`, so that a receiver checks both who sent it and that it is recent. The host is resolved
 * at delivery time and the connection goes only to the address checked (no second lookup a DNS answer could change):
 * public addresses, or loopback where the server allows http to loopback; never a private network.
 */

export const SIGNATURE_HEADER = 'Facets-Webhook-Signature';
export const TIMESTAMP_HEADER = 'Facets-Webhook-Timestamp';
export const ID_HEADER = 'Facets-Webhook-Id';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export type WebhookSender = (args: {
  url: string;
  id: string;
  secret: string;
  body: string;
  now: Date;
}) => Promise<SendResult>;

/** A lookup that answers only with addresses deliveries may go to, else fails the connection. */
function checkedLookup(allowHttpLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const allowed = addresses.filter((a) => deliverableAddress(a.address, { allowHttpLoopback }));
      if (allowed.length === 0 || allowed.length < addresses.length) {
        const refused = addresses.find((a) => !deliverableAddress(a.address, { allowHttpLoopback }));
        return callback(new Error(`address not allowed: ${refused?.address ?? hostname}`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      const first = allowed[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export function createWebhookSender(options: { allowHttpLoopback: boolean; timeoutMs?: number }): WebhookSender {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const lookup = checkedLookup(options.allowHttpLoopback);
  return ({ url, id, secret, body, now }) =>
    new Promise((resolve) => {
      const started = performance.now();
      const done = (r: Omit<SendResult, 'durationMs'>) =>
        resolve({ ...r, durationMs: Math.round(performance.now() - started) });
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return done({ ok: false, statusCode: null, error: 'invalid URL' });
      }
      const secure = target.protocol === 'https:';
      if (!secure && !(target.protocol === 'http:' && options.allowHttpLoopback))
        return done({ ok: false, statusCode: null, error: 'URL scheme not allowed' });
      const timestamp = Math.floor(now.getTime() / 1000);
      const request = (secure ? httpsRequest : httpRequest)(
        target,
        {
          method: 'POST',
          lookup,
          timeout: timeoutMs,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'Facets-Webhooks/1',
            [ID_HEADER]: id,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          // The answer's body is not kept: only its status. Read and dropped, at most 64 KiB.
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > 65_536) response.destroy();
          });
          response.on('close', () =>
            done({
              ok: status >= 200 && status < 300,
              statusCode: status,
              error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
            }),
          );
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error) => done({ ok: false, statusCode: null, error: error.message }));
      request.end(body);
    });
}
