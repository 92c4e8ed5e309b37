import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsString, MaxLength, Min } from 'class-validator';

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
