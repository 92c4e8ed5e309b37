/** What kind of failure a domain error is; the HTTP filter and the socket gateway map kinds to responses. */
export type ErrorKind =
  | 'invalid' // 400: the request cannot be carried out as given
  | 'unauthenticated' // 401
  | 'forbidden' // 403: role or agency scope
  | 'not_found' // 404
  | 'conflict' // 409: state does not allow it (closed attempt, duplicate)
  | 'gone' // 410: too late (deadline passed, PIN expired)
  | 'too_large' // 413
  | 'rate_limited'; // 429

export const HTTP_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
};

/**
 * An error the rules raise, with a stable code (ATTEMPT_CLOSED, CONTEST_NOT_OPEN …) that clients
 * can act on, and a message a person can read.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = 'invalid',
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string | number): DomainError =>
  new DomainError('NOT_FOUND', `${what} ${id} was not found`, 'not_found', { what, id });

export const forbidden = (message = 'You may not do this'): DomainError =>
  new DomainError('FORBIDDEN', message, 'forbidden');
