import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/**
 * The one validation pipe for HTTP bodies, queries and route parameters, and for socket messages:
 * unknown fields refused, types transformed, every bad field named.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    exceptionFactory: validationFailed,
  });
}
