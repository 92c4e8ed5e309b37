import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { TIE_BREAK_KEYS, type TieBreakKey } from '../domain/ranking.js';
import type { RoundType } from '../protocol.js';

export class CreateContestDto {
  @ApiProperty({ example: 'Hội thi tìm hiểu cải cách hành chính 2026' })
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  title: string;

  @ApiProperty({ enum: ['individual', 'team'] })
  @IsIn(['individual', 'team'])
  mode: 'individual' | 'team';

  @ApiPropertyOptional({ enum: ['sum', 'mean'], default: 'sum' })
  @IsOptional()
  @IsIn(['sum', 'mean'])
  teamScoring?: 'sum' | 'mean';

  @ApiPropertyOptional({ enum: TIE_BREAK_KEYS, isArray: true, default: ['correct_time', 'sudden_death'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(TIE_BREAK_KEYS, { each: true })
  tieBreak?: TieBreakKey[];
}

export class RoundSettingsDto {
  @ApiPropertyOptional({ enum: ['speed', 'fixed'] })
  @IsOptional()
  @IsIn(['speed', 'fixed'])
  scoring?: 'speed' | 'fixed';

  @ApiPropertyOptional({ description: 'Extra points per consecutive right answer (0 = off)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  streakBonus?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  streakCap?: number;

  @ApiPropertyOptional({ description: 'Buzzer: seconds the first to press has to answer' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  answerSeconds?: number;

  @ApiPropertyOptional({ description: 'Buzzer: points for a right answer' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  plus?: number;

  @ApiPropertyOptional({ description: 'Buzzer: points lost for a wrong answer (never below zero)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  minus?: number;

  @ApiPropertyOptional({ enum: ['mean', 'trimmed_mean'] })
  @IsOptional()
  @IsIn(['mean', 'trimmed_mean'])
  judgeMethod?: 'mean' | 'trimmed_mean';

  @ApiPropertyOptional({ description: 'Trimmed mean: scores dropped at each end' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(5)
  trim?: number;

  @ApiPropertyOptional({ description: 'Points of this round break ties instead of adding to the total' })
  @IsOptional()
  @IsBoolean()
  suddenDeath?: boolean;
}

export class AddRoundDto {
  @ApiProperty({ example: 'Khởi động' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiProperty({ enum: ['speed', 'buzzer', 'elimination', 'judged'] })
  @IsIn(['speed', 'buzzer', 'elimination', 'judged'])
  type: RoundType;

  @ApiPropertyOptional({ type: RoundSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundSettingsDto)
  settings?: RoundSettingsDto;
}

export class OptionDto {
  @ApiProperty({ example: 'a' })
  @Matches(/^[a-z0-9]{1,8}$/, { message: 'key must be 1–8 lower-case letters or digits' })
  key: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  text: string;
}

export class AddQuestionDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;

  @ApiProperty({ type: [OptionDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options: OptionDto[];

  @ApiProperty({ example: 'a' })
  @IsString()
  @MaxLength(8)
  correctKey: string;

  @ApiPropertyOptional({ default: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  points?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitSec?: number;
}

export class ImportBankQuestionsDto {
  @ApiProperty({ type: [Number], description: 'Bank question version ids (single-answer or true/false)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  versionIds: number[];

  @ApiPropertyOptional({ default: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  points?: number;

  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitSec?: number;
}

export class RosterEntryDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  agencyId: number;
}

export class RosterDto {
  @ApiProperty({ type: [RosterEntryDto] })
  @IsArray()
  @ArrayMaxSize(20000)
  @ValidateNested({ each: true })
  @Type(() => RosterEntryDto)
  entries: RosterEntryDto[];
}

export class StartSessionDto {
  @ApiPropertyOptional({ description: 'Minutes the PIN admits new players', default: 240 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  pinMinutes?: number;
}

export class JudgeScoreDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  roundId: number;

  @ApiProperty({ description: 'The team (agency) scored' })
  @IsInt()
  @Min(1)
  agencyId: number;

  @ApiProperty({ example: 'Giám khảo 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  judge: string;

  @ApiProperty()
  @IsNumber()
  @Min(0)
  @Max(1000)
  score: number;
}

export class IdParam {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;
}

export class ContestRoundParams {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  id: number;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  roundId: number;
}

export class PinParam {
  @ApiProperty({ example: '123456' })
  @Matches(/^\d{6}$/, { message: 'pin must be 6 digits' })
  pin: string;
}

/** Any of a contest's settings; only while it has never been played. */
export class UpdateContestDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional({ enum: ['individual', 'team'] })
  @IsOptional()
  @IsIn(['individual', 'team'])
  mode?: 'individual' | 'team';

  @ApiPropertyOptional({ enum: ['sum', 'mean'] })
  @IsOptional()
  @IsIn(['sum', 'mean'])
  teamScoring?: 'sum' | 'mean';

  @ApiPropertyOptional({ enum: TIE_BREAK_KEYS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(TIE_BREAK_KEYS, { each: true })
  tieBreak?: TieBreakKey[];
}

/** A round's title or settings (merged into the current ones); the type stays. */
export class UpdateRoundDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title?: string;

  @ApiPropertyOptional({ type: RoundSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RoundSettingsDto)
  settings?: RoundSettingsDto;
}

export class UpdateQuestionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text?: string;

  @ApiPropertyOptional({ type: [OptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(8)
  correctKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  points?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  timeLimitSec?: number;
}

export class ContestQuestionParams extends ContestRoundParams {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  questionId: number;
}
