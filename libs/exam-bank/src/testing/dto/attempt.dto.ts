import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsString, MaxLength, Min } from 'class-validator';
import { validDto } from '@app/platform';

export class AttemptParams {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;
}

export class ItemParams extends AttemptParams {
  @ApiProperty({ description: 'Position of the item in the attempt, from 0' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  index: number;
}

export class AnswerDto {
  @ApiProperty({ type: [String], example: ['b'], description: 'Chosen option keys; [] clears the answer' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  chosen: string[];
}

export class FlagDto {
  @ApiProperty()
  @IsBoolean()
  flagged: boolean;
}

export class IdParams {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;
}

export class CandidateParams extends IdParams {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  candidateId: number;
}

const isAnswerKey = (k: unknown): boolean => typeof k === 'string' && k.length <= 16;

/**
 * The save body of a hot route: exactly `{ chosen: string[] }` within AnswerDto's limits is taken
 * as it is, without class-validator's cost; anything else goes through validDto, for its exact error.
 * The quick check accepts only what AnswerDto accepts (attempt.dto.spec.ts holds it to that).
 */
export function answerOf(body: unknown): AnswerDto {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const keys = Object.keys(body);
    const chosen = (body as { chosen?: unknown }).chosen;
    if (keys.length === 1 && Array.isArray(chosen) && chosen.length <= 20 && chosen.every(isAnswerKey)) {
      return { chosen: chosen as string[] };
    }
  }
  return validDto(AnswerDto, body);
}

/** An item's place from a hot route's path captures (digits only); otherwise ItemParams' error. */
export function itemOf(id: string, index: string): ItemParams {
  const p = { id: Number(id), index: Number(index) };
  if (Number.isSafeInteger(p.id) && p.id >= 1 && Number.isSafeInteger(p.index) && p.index >= 0) return p;
  return validDto(ItemParams, { id, index });
}
