export type DomainErrorKind = 'invalid' | 'not_found' | 'forbidden' | 'conflict' | 'unauthenticated';

/** The one error type of the domain and repositories; only the API maps `kind` to a transport code. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  /** The input field at fault, when there is one (dotted path). */
  readonly field: string | undefined;

  constructor(kind: DomainErrorKind, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.field = field;
  }
}

export const invalid = (message: string, field?: string) => new DomainError('invalid', message, field);
export const notFound = (message: string) => new DomainError('not_found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string) => new DomainError('conflict', message);
