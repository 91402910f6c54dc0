export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated';

/**
 * Why a request was refused, as a stable machine code: the API sends it in `error.data.reason` and the front-ends
 * word it in the reader's language. The English message stays for API clients and logs; no screen parses it.
 */
export const ErrorReason = [
  // The shape of an input (zod and the repositories' own checks); the limit travels beside the code.
  'required',
  'too_small', // a number or a date below `minimum`
  'too_big', // a number or a date above `maximum`
  'too_short', // a text of fewer than `minimum` characters
  'too_long', // a text of more than `maximum` characters
  'too_few', // a list of fewer than `minimum` items
  'too_many', // a list of more than `maximum` items
  'out_of_range', // a whole number outside `minimum`…`maximum`
  'invalid_type',
  'invalid_format',
  'invalid_value',
  'unknown_key',
  'duplicate',
  // The rules of the model.
  'not_found',
  'forbidden',
  'unauthenticated',
  'conflict',
  'already_used',
  'expired',
  'already_answered',
  'closed',
  'wrong_state',
  'in_past',
  'before_start',
  'last_admin',
  'self_removal',
  'member_elsewhere',
  'sso_lockout', // requiring single sign-on would lock out the admin asking for it
  'not_allowed',
  'withheld',
  'in_use', // a part of the model that surveys, intended experience or an open wave still use
  'reserved', // a code the product keeps for itself (the `company` segment)
  'archived', // a part of the model that is archived: kept for reports, closed to new work
  'language_unused', // a text in a language the organisation does not write in
  'deactivation_limit', // too many of a group's people deactivated within the window (domain directory.ts)
  // The transport.
  'scope_missing', // an API key without the scope a route requires
  'rate_limited',
  'payload_too_large',
  'internal',
] as const;
export type ErrorReason = (typeof ErrorReason)[number];

/** The reason of an error that names none: the kind says enough. */
export const DEFAULT_REASON: Record<DomainErrorKind, ErrorReason> = {
  invalid: 'invalid_value',
  not_found: 'not_found',
  forbidden: 'forbidden',
  conflict: 'conflict',
  unauthenticated: 'unauthenticated',
};

/** A reason with the limit it is about, when there is one ("at most 200 characters" → maximum 200). */
export interface ErrorDetail {
  reason: ErrorReason;
  minimum?: number;
  maximum?: number;
}

/** The one error type of the domain and repositories; only the API maps `kind` to a transport code. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** The input field at fault, when there is one (dotted path). */
  readonly field: string | undefined;
  /** Why, for machines: defaults from the kind. */
  readonly reason: ErrorReason;
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;

  constructor(kind: DomainErrorKind, message: string, field?: string, detail?: ErrorReason | ErrorDetail) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.field = field;
    const d = typeof detail === 'string' ? { reason: detail } : detail;
    this.reason = d?.reason ?? DEFAULT_REASON[kind];
    this.minimum = d?.minimum;
    this.maximum = d?.maximum;
  }
}

/** A refusal about one input field, its message prefixed with the field ("target: must be …"). */
export const fieldError = (
  kind: DomainErrorKind,
  field: string,
  message: string,
  detail?: ErrorReason | ErrorDetail,
): DomainError => new DomainError(kind, `${field}: ${message}`, field, detail);

/** Why a text of `length` characters is refused when it must hold `min` to `max`: empty is missing. */
export function lengthDetail(length: number, max: number, min = 1): ErrorDetail {
  if (length >= min) return { reason: 'too_long', maximum: max };
  return min <= 1 ? { reason: 'required' } : { reason: 'too_short', minimum: min };
}

/** An invalid input field, its message prefixed with the field ("stage: must be …"). */
export const invalid = (field: string, message: string, detail?: ErrorReason | ErrorDetail) =>
  fieldError('invalid', field, message, detail);
export const notFound = (message: string) => new DomainError('not_found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
