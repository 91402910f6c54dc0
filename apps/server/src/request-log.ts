import type { FastifyRequest } from 'fastify';
import pino from 'pino';

/**
 * What a request log may say about a URL. Invitation links (`/<group code>/i/<token>`), password-reset paths and every
 * query-string value (tRPC GET calls carry their whole input in `?input=`: feedback follow keys, invitation tokens;
 * magic-link and set-password tokens come as `?token=`) are secrets or identify a person, so they never reach a log.
 * Parameter names stay, so a log line still says which kind of call it was.
 */
const SECRET_SEGMENTS = [/^(\/[^/?#]+\/i\/)[^/?#]+/, /^(\/api\/auth\/reset-password\/)[^/?#]+/];
/** Query parameters that are safe to keep: tRPC's batch flag. */
const KEPT_PARAMETERS = new Set(['batch']);
export const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const mark = withoutHash.indexOf('?');
  let path = mark === -1 ? withoutHash : withoutHash.slice(0, mark);
  for (const pattern of SECRET_SEGMENTS) path = path.replace(pattern, `$1${REDACTED}`);
  if (mark === -1) return path;
  const query = withoutHash
    .slice(mark + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return KEPT_PARAMETERS.has(name) ? pair : `${name}=${REDACTED}`;
    });
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

/** Fastify's request serializer (method, url, host, remote address) with the URL redacted. */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

/** Free text (a library's log message) with every URL in it redacted the same way. */
export function redactText(text: string): string {
  return text
    .replace(/([?&])([^=&\s"'#<>]+)=([^&\s"'#<>]*)/g, (pair, mark: string, name: string) =>
      KEPT_PARAMETERS.has(name) ? pair : `${mark}${name}=${REDACTED}`,
    )
    .replace(/(\/[^/?#\s"'<>]+\/i\/)[^/?#\s"'<>]+/g, `$1${REDACTED}`)
    .replace(/(\/reset-password\/)[^/?#\s"'<>]+/g, `$1${REDACTED}`);
}

/** pino's error serializer with any URL in the message or stack redacted (an error may quote the request). */
export function serializeError(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  for (const key of ['message', 'stack'] as const) {
    if (typeof serialized[key] === 'string') serialized[key] = redactText(serialized[key]);
  }
  return serialized;
}
