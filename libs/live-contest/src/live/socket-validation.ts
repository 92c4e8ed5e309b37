import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainError, refuseUnsafeInput, validationFailed } from '@app/platform';
import type { AckError } from '../protocol.js';

type Ctor<T> = new () => T;

/**
 * Validates a socket message with the same rules as the HTTP pipe (unknown fields refused, every
 * bad field named); throws a DomainError, never an HTTP exception.
 */
export function parseMessage<T extends object>(dto: Ctor<T>, payload: unknown): T {
  const plain = payload === undefined || payload === null ? {} : payload;
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    throw new DomainError('VALIDATION_FAILED', 'The message must be an object', 'invalid');
  }
  refuseUnsafeInput(plain);
  const instance = plainToInstance(dto, plain, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) throw validationFailed(errors);
  return instance;
}

/** A message that carries nothing: an empty object (or nothing at all). */
export function parseEmpty(payload: unknown): void {
  if (payload === undefined || payload === null) return;
  if (typeof payload !== 'object' || Array.isArray(payload) || Object.keys(payload).length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'This message takes no fields: send {}', 'invalid');
  }
}

/** What a socket client gets for a failure: a code and a reason; anything unexpected is logged. */
export function toAckError(e: unknown, log: (err: unknown) => void): AckError {
  if (e instanceof DomainError) return { ok: false, code: e.code, message: e.message };
  log(e);
  return { ok: false, code: 'INTERNAL', message: 'Something went wrong on the server; try again' };
}
