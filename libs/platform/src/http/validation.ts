import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

export interface FieldProblem {
  field: string;
  messages: string[];
}

/** Flattens class-validator's nested errors into one entry per field path (a.b.0.c). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const fields = fieldProblems(errors);
  const summary = fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | ');
  return new DomainError('VALIDATION_FAILED', summary || 'The request is not valid', 'invalid', { fields });
}

/** Keys that name an object's machinery rather than data; class-transformer throws on some of them. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any DTO goes; class-transformer recurses once per level and would overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

/** What is wrong with the input's shape (a reserved key, too deep), with the field's path, if anything. */
export function inputShapeProblem(value: unknown, path = '', depth = 0): FieldProblem | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: path, messages: [`nested more than ${MAX_INPUT_DEPTH} levels deep`] };
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) return { field: here, messages: ['this field name is not allowed'] };
    const deeper = inputShapeProblem((value as Record<string, unknown>)[key], here, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Refuses an input carrying __proto__, constructor or prototype as a field name, or nested too deep. */
export function refuseUnsafeInput(value: unknown): void {
  const problem = inputShapeProblem(value);
  if (!problem) return;
  throw new DomainError('VALIDATION_FAILED', `${problem.field || 'body'}: ${problem.messages[0]}`, 'invalid', {
    fields: [problem],
  });
}

/** Nest's ValidationPipe, refusing unsafe input shapes before class-transformer sees them. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (this.toValidate(metadata)) refuseUnsafeInput(value);
    return super.transform(value, metadata);
  }
}

/**
 * The one validation pipe for HTTP bodies, queries and route parameters, and for socket messages:
 * unknown fields refused, types transformed, every bad field named.
 */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    exceptionFactory: validationFailed,
  });
}
