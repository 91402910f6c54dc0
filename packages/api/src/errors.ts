import { DomainError, type DomainErrorKind } from '@facets/domain';
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

export const INTERNAL_MESSAGE = 'Internal server error';

/** Something that can record an unexpected failure; pino and console both fit. */
export interface ErrorLog {
  error(obj: unknown, msg?: string): void;
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

/**
 * Turns whatever a procedure threw into the error the caller may see: domain errors keep their message and field,
 * zod failures name the field, and anything unexpected is logged and replaced by a generic message.
 */
export function toPublicError(error: TRPCError, log: ErrorLog): TRPCError {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return new TRPCError({ code: CODE_OF[cause.kind], message: cause.message, cause });
  }
  if (cause instanceof ZodError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: zodMessage(cause).message, cause });
  }
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    log.error({ err: cause ?? error }, 'procedure failed');
    return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE });
  }
  return error;
}

/** The input field an error is about, for `error.data.field`. */
export function fieldOf(error: TRPCError): string | null {
  const cause = error.cause;
  if (cause instanceof DomainError) return cause.field ?? null;
  if (cause instanceof ZodError) return zodMessage(cause).field ?? null;
  return null;
}
