import { ErrorReason } from '@facets/domain';
import { errorCode } from './api.ts';

/**
 * Why the server refused a request, as it says it for machines in `error.data` (`@facets/api` errors.ts): the tRPC
 * code, the field at fault, a stable reason code and the limit. Screens word this; they never read the English message.
 */
export interface Refusal {
  code: string;
  field: string | null;
  reason: ErrorReason | null;
  minimum?: number;
  maximum?: number;
}

const REASONS: ReadonlySet<string> = new Set(ErrorReason);

export function refusalOf(error: unknown): Refusal {
  // A tRPC client error carries the server's error data.
  const data =
    typeof error === 'object' && error !== null
      ? ((error as { data?: Record<string, unknown> | null }).data ?? undefined)
      : undefined;
  const reason = data?.reason;
  const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
  const minimum = number(data?.minimum);
  const maximum = number(data?.maximum);
  return {
    code: errorCode(error),
    field: typeof data?.field === 'string' && data.field !== '' ? data.field : null,
    reason: typeof reason === 'string' && REASONS.has(reason) ? (reason as ErrorReason) : null,
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

/** A translation function: i18next's `t`, or any function of a key and its values. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the reader is told when the server sent no reason (an older server, a proxy): by tRPC code. */
const REASON_OF_CODE: Record<string, ErrorReason> = {
  BAD_REQUEST: 'invalid_value',
  UNAUTHORIZED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'rate_limited',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
};

/** Reasons already worded by the shared error messages. */
const SHARED_KEY: Partial<Record<ErrorReason, string>> = {
  not_found: 'errors.notFound',
  forbidden: 'errors.forbidden',
  unauthenticated: 'errors.unauthorized',
  conflict: 'errors.conflict',
  payload_too_large: 'errorsExtra.tooLarge',
  internal: 'errors.generic',
};

/** Reasons about a limit; those counted in characters or items take the limit as `count`, for plurals. */
const WITH_MINIMUM: ReadonlySet<ErrorReason> = new Set(['too_small', 'too_short', 'too_few']);
const WITH_MAXIMUM: ReadonlySet<ErrorReason> = new Set(['too_big', 'too_long', 'too_many']);

const LANGUAGE_PART = /^(fr|en)$/;

/**
 * The name of a field in `fields.*`: the last part of its dotted path that is neither an index nor a language
 * ("questions.2.prompt.fr" → "prompt", "answers.0.text" → "text").
 */
export function fieldName(field: string): string | null {
  const parts = field.split('.').filter((p) => p !== '' && !/^\d+$/.test(p) && !LANGUAGE_PART.test(p));
  return parts.at(-1) ?? null;
}

/** "“Email”" / "Le champ « E-mail »" when the screen knows the field, else "This field" / "Ce champ". */
export function fieldSubject(t: Translate, field: string | null): string {
  const name = field ? fieldName(field) : null;
  const label = name ? t(`fields.${name}`, { defaultValue: '' }) : '';
  return label ? t('errorReason.subject', { label }) : t('errorReason.subjectUnknown');
}

/**
 * The sentence a reader sees for a refusal, in their language, from the reason, the field and the limit only. A
 * refusal with no reason falls back on its tRPC code; a failure with no answer from the server says so.
 */
export function refusalSentence(t: Translate, refusal: Refusal): string {
  if (refusal.code === 'NETWORK') return t('errors.network');
  if (refusal.code === 'PAYLOAD_TOO_LARGE') return t('errorsExtra.tooLarge');
  const reason = refusal.reason ?? REASON_OF_CODE[refusal.code];
  if (!reason) return t('errors.generic');
  const shared = SHARED_KEY[reason];
  if (shared) return t(shared);
  const subject = fieldSubject(t, refusal.field);
  if (reason === 'out_of_range' && refusal.minimum !== undefined && refusal.maximum !== undefined) {
    return t('errorReason.out_of_range_limit', { subject, minimum: refusal.minimum, maximum: refusal.maximum });
  }
  if (WITH_MINIMUM.has(reason) && refusal.minimum !== undefined) {
    return t(`errorReason.${reason}_limit`, { subject, minimum: refusal.minimum, count: refusal.minimum });
  }
  if (WITH_MAXIMUM.has(reason) && refusal.maximum !== undefined) {
    return t(`errorReason.${reason}_limit`, { subject, maximum: refusal.maximum, count: refusal.maximum });
  }
  return t(`errorReason.${reason}`, { subject });
}
