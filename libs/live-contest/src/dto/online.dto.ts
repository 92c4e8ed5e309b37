import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ONLINE_TIE_BREAKS, type OnlineTieBreak } from '../domain/online.js';
import { IdParam } from './contest.dto.js';

export class OnlineAreaDto {
  @ApiProperty({ description: 'A bank topic (reform area); its subtopics are drawn from too' })
  @IsInt()
  @Min(1)
  topicId: number;

  @ApiProperty({ description: 'Questions drawn from this area in each attempt' })
  @IsInt()
  @Min(1)
  @Max(100)
  count: number;
}

export class CreateOnlineContestDto {
  @ApiProperty({ example: 'Cuộc thi trực tuyến tìm hiểu cải cách hành chính 2026' })
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ example: '2026-12-01T00:00:00Z' })
  @Type(() => Date)
  @IsDate()
  opensAt: Date;

  @ApiProperty({ example: '2026-12-21T00:00:00Z' })
  @Type(() => Date)
  @IsDate()
  closesAt: Date;

  @ApiProperty({ type: [OnlineAreaDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OnlineAreaDto)
  areas: OnlineAreaDto[];

  @ApiPropertyOptional({ default: 3 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxAttempts?: number;

  @ApiPropertyOptional({ default: 1200, description: 'Seconds per attempt' })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(4 * 3600)
  timeLimitSec?: number;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1000)
  pointsPerQuestion?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  shuffleOptions?: boolean;

  @ApiPropertyOptional({ default: 'Theo bạn, có bao nhiêu người trả lời đúng tất cả các câu hỏi?' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  predictionQuestion?: string;

  @ApiPropertyOptional({ default: 0.5, description: 'Minimum participation rate (0..1) for an agency to be ranked' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  minParticipation?: number;

  @ApiPropertyOptional({ enum: ONLINE_TIE_BREAKS, isArray: true, default: ['prediction', 'time'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(ONLINE_TIE_BREAKS, { each: true })
  tieBreak?: OnlineTieBreak[];
}

export class OnlineItemParams extends IdParam {
  @ApiProperty({ description: 'Position of the question in the attempt, from 0' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  index: number;
}

export class SaveOnlineAnswerDto {
  @ApiProperty({ example: ['b'], description: 'Chosen option keys' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9_]{1,8}$/, { each: true })
  chosen: string[];
}

export class PredictionDto {
  @ApiProperty({ description: 'How many entrants the official thinks will answer every question right' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  prediction: number;
}

export class SubmitOnlineAttemptDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  prediction?: number;
}
