import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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
 * Field names that are an object's machinery rather than data: __proto__, constructor, valueOf …
 * (every member of Object.prototype) and prototype. class-transformer throws on some and silently
 * drops others.
 */
const isReservedKey = (key: string): boolean => key === 'prototype' || key in Object.prototype;

/** Half of a UTF-16 surrogate pair on its own: not text (validator's isEmail throws on it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Deeper than any DTO goes; class-transformer recurses once per level and would overflow the stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * What is wrong with the input's shape, with the field's path, if anything: a reserved field name,
 * nesting deeper than MAX_INPUT_DEPTH, or a string that is not valid Unicode.
 */
export function inputShapeProblem(value: unknown, path = '', depth = 0): FieldProblem | undefined {
  if (typeof value === 'string')
    return LONE_SURROGATE.test(value) ? { field: path, messages: ['is not valid Unicode text'] } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: path, messages: [`nested more than ${MAX_INPUT_DEPTH} levels deep`] };
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (isReservedKey(key)) return { field: here, messages: ['this field name is not allowed'] };
    if (LONE_SURROGATE.test(key)) return { field: here, messages: ['is not valid Unicode text'] };
    const deeper = inputShapeProblem((value as Record<string, unknown>)[key], here, depth + 1);
    if (deeper) return deeper;
  }
  return undefined;
}

/** Refuses an input whose shape inputShapeProblem faults, with VALIDATION_FAILED naming the field. */
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
    ...VALIDATOR_OPTIONS,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: validationFailed,
  });
}

/** The pipe's checks for a handler outside Nest's pipeline (a hot route): the DTO, or VALIDATION_FAILED. */
export function validDto<T extends object>(cls: ClassConstructor<T>, plain: unknown): T {
  refuseUnsafeInput(plain);
  const dto = plainToInstance(cls, plain ?? {}, { enableImplicitConversion: false });
  const errors = validateSync(dto, VALIDATOR_OPTIONS);
  if (errors.length) throw validationFailed(errors);
  return dto;
}
