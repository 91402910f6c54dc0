import { DomainError, type DomainErrorKind, type ErrorReason } from '@facets/domain';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';

/** The one mapping from domain error kinds to transport codes (conventions: only the API layer does this). */
const CODE_OF: Record<DomainErrorKind, TRPCError['code']> = {
  invalid: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  unauthenticated: 'UNAUTHORIZED',
};

/** The reason of a refusal that carries none of its own (tRPC's parse errors, role checks, rate limits…). */
const REASON_OF_CODE: Partial<Record<TRPCError['code'], ErrorReason>> = {
  BAD_REQUEST: 'invalid_value',
  PARSE_ERROR: 'invalid_format',
  UNAUTHORIZED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'rate_limited',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
};

export const INTERNAL_MESSAGE = 'Internal server error';

/** Something that can record an unexpected failure; pino and console both fit. */
export interface ErrorLog {
  error(obj: unknown, msg?: string): void;
}

/**
 * What `error.data` says about a refusal, for machines: the field at fault, a stable reason code (domain
 * `ErrorReason`) and the limit it is about. Front-ends word it in the reader's language from these, never from the
 * English message.
 */
export interface ErrorData {
  field: string | null;
  reason: ErrorReason;
  minimum?: number;
  maximum?: number;
}

type ZodIssue = ZodError['issues'][number];

/** Dotted path of the input field an issue is about; unknown keys name the key itself. */
function issueField(issue: ZodIssue): string {
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
  return path.map(String).join('.');
}

/** "answers.0.value: Too big: expected number to be <=10" — the first issue, prefixed by the field it is about. */
export function zodMessage(error: ZodError): { message: string; field: string | undefined } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid input', field: undefined };
  const field = issueField(issue);
  return { message: field ? `${field}: ${issue.message}` : issue.message, field: field || undefined };
}

/** Whether the input has nothing at `path` (zod reports a missing field as a wrong type; a reader wants "required"). */
function missingAt(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value === undefined;
}

const limit = (value: number | bigint) => Number(value);

/** A zod issue's stable reason and limit; `input` is the raw input, when known, to tell a missing field apart. */
export function zodReason(issue: ZodIssue, input?: unknown): Omit<ErrorData, 'field'> {
  const missing = input !== undefined && missingAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_union':
      return { reason: missing ? 'required' : issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value' };
    case 'too_small': {
      const minimum = limit(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { reason: 'required' } : { reason: 'too_short', minimum };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_few', minimum };
      return { reason: 'too_small', minimum };
    }
    case 'too_big': {
      const maximum = limit(issue.maximum);
      if (issue.origin === 'string') return { reason: 'too_long', maximum };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'too_many', maximum };
      return { reason: 'too_big', maximum };
    }
    case 'invalid_format':
      return { reason: 'invalid_format' };
    case 'unrecognized_keys':
      return { reason: 'unknown_key' };
    default:
      // invalid_value, not_multiple_of, invalid_key, invalid_element, custom.
      return { reason: 'invalid_value' };
  }
}

/** The machine-readable part of a zod failure: its first issue's field, reason and limit. */
export function zodData(error: ZodError, input?: unknown): ErrorData {
  const issue = error.issues[0];
  if (!issue) return { field: null, reason: 'invalid_value' };
  return { field: issueField(issue) || null, ...zodReason(issue, input) };
}

function domainData(error: DomainError): ErrorData {
  return {
    field: error.field ?? null,
    reason: error.reason,
    ...(error.minimum === undefined ? {} : { minimum: error.minimum }),
    ...(error.maximum === undefined ? {} : { maximum: error.maximum }),
  };
}

/** An error that may leave the server, with what `error.data` says about it worked out where the input was known. */
export class PublicError extends TRPCError {
  readonly detail: ErrorData;
  constructor(opts: { code: TRPCError['code']; message: string; cause?: unknown; data: ErrorData }) {
    super({ code: opts.code, message: opts.message, cause: opts.cause });
    this.detail = opts.data;
  }
}

/**
 * Turns whatever a procedure threw into the error the caller may see: domain errors keep their message, field and
 * reason, zod failures name the field and the reason, and anything unexpected is logged and replaced by a generic
 * message. `input` is the procedure's raw input, when it could be read.
 */
export function toPublicError(error: TRPCError, log: ErrorLog, input?: unknown): TRPCError {
  if (error instanceof PublicError) return error;
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return new PublicError({ code: CODE_OF[cause.kind], message: cause.message, cause, data: domainData(cause) });
  }
  if (cause instanceof ZodError) {
    const { message } = zodMessage(cause);
    return new PublicError({ code: 'BAD_REQUEST', message, cause, data: zodData(cause, input) });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    log.error({ err: cause ?? error }, 'procedure failed');
    return new PublicError({
      code: 'INTERNAL_SERVER_ERROR',
      message: INTERNAL_MESSAGE,
      data: { field: null, reason: 'internal' },
    });
  }
  return error;
}

/** What `error.data` carries beside tRPC's code: the field, the reason and the limit (see `ErrorData`). */
export function errorData(error: TRPCError): ErrorData {
  if (error instanceof PublicError) return error.detail;
  const cause = error.cause;
  if (cause instanceof DomainError) return domainData(cause);
  if (cause instanceof ZodError) return zodData(cause);
  return { field: null, reason: REASON_OF_CODE[error.code] ?? 'internal' };
}

/** The input field an error is about, for `error.data.field`. */
export function fieldOf(error: TRPCError): string | null {
  return errorData(error).field;
}
