import { randomUUID } from 'node:crypto';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS } from '../errors/domain-error.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

/** Errors thrown by Express's body parser before Nest sees the request. */
interface BodyParserError {
  type?: string;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/** Turns anything thrown into the response body; a 500 gets an error id that is also in the log. */
export function toErrorBody(err: unknown, logger: Pick<Logger, 'error'>): ErrorBody {
  if (err instanceof DomainError) {
    return { statusCode: HTTP_STATUS[err.kind], code: err.code, message: err.message, details: err.details };
  }
  if (err instanceof HttpException && err.getStatus() < 500) {
    const status = err.getStatus();
    // Express's body parser errors arrive wrapped, with the original as the cause.
    const type = (err.cause as BodyParserError | undefined)?.type;
    if (type === 'entity.parse.failed')
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The body is not valid JSON' };
    if (type === 'entity.too.large') {
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than the server accepts' };
    }
    const res = err.getResponse();
    const message = typeof res === 'string' ? res : String((res as { message?: unknown }).message ?? err.message);
    return { statusCode: status, code: HTTP_CODES[status] ?? 'HTTP_ERROR', message };
  }
  const errorId = randomUUID();
  logger.error({ err, errorId }, `Unhandled error ${errorId}`);
  return { statusCode: 500, code: 'INTERNAL', message: `Internal error; quote error id ${errorId}`, errorId };
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(err, this.logger);
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }
}
