import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
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

const VALIDATOR_OPTIONS: ValidatorOptions = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/**
 * The one validation pipe for HTTP bodies, queries and route parameters, and for socket messages:
 * unknown fields refused, types transformed, every bad field named.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationFailed,
  });
}

/** The pipe's checks for a handler outside Nest's pipeline (a hot route): the DTO, or VALIDATION_FAILED. */
export function validDto<T extends object>(cls: ClassConstructor<T>, plain: unknown): T {
  const dto = plainToInstance(cls, plain ?? {}, { enableImplicitConversion: false });
  const errors = validateSync(dto, VALIDATOR_OPTIONS);
  if (errors.length) throw validationFailed(errors);
  return dto;
}
