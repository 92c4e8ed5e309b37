/** A field the server refused, as the API's VALIDATION_FAILED details list it. */
export interface FieldError {
  field: string;
  messages: string[];
}

/** The API's error body: {statusCode, code, message, details?, errorId?}. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

/**
 * Any failed call. `status` is 0 when no answer came back: `code` is then NETWORK (no connection)
 * or TIMEOUT (no answer in time). Otherwise code and message are the server's.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly errorId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth sending again: no answer, a server fault, or asked to slow down. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429 || this.status === 408;
  }

  get fieldErrors(): FieldError[] {
    const fields = (this.details as { fields?: unknown } | undefined)?.fields;
    return Array.isArray(fields) ? fields.filter(isFieldError) : [];
  }

  static network(message = 'Network error'): ApiError {
    return new ApiError(0, 'NETWORK', message);
  }

  static timeout(ms: number): ApiError {
    return new ApiError(0, 'TIMEOUT', `No answer within ${ms} ms`);
  }

  /** From a parsed response body; anything that is not the API's error shape gets a code from the status. */
  static fromBody(status: number, body: unknown): ApiError {
    if (isErrorBody(body)) return new ApiError(status, body.code, body.message, body.details, body.errorId);
    const code = status >= 500 ? 'INTERNAL' : status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR';
    return new ApiError(status, code, typeof body === 'string' && body ? body.slice(0, 200) : `HTTP ${status}`);
  }
}

function isErrorBody(b: unknown): b is ErrorBody {
  return typeof b === 'object' && b !== null && typeof (b as ErrorBody).code === 'string';
}

function isFieldError(f: unknown): f is FieldError {
  return typeof f === 'object' && f !== null && typeof (f as FieldError).field === 'string';
}
