import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
import { PageQuery } from '@app/platform';
import { REVIEW_SHOWS, REVIEW_WHEN } from '../domain/review-policy.js';
import { SESSION_PURPOSES, type ReviewShows, type ReviewWhen, type SessionPurpose } from '../testing.types.js';

export class TieBreakDto {
  @ApiProperty({ example: 'part:0', description: 'part:N (score of part N+1), priority, submittedAt' })
  @Matches(/^(part:\d{1,2}|priority|submittedAt|durationMs)$/, {
    message: 'key must be part:N, priority, submittedAt or durationMs',
  })
  key: string;

  @ApiProperty({ enum: ['asc', 'desc'] })
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc';
}

export class SessionDto {
  @ApiProperty()
  @IsInt()
  templateId: number;

  @ApiProperty({ example: 'Sát hạch UBND xã Mỹ Trà, đợt 1' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ enum: SESSION_PURPOSES })
  @IsIn(SESSION_PURPOSES)
  purpose: SessionPurpose;

  @ApiProperty({ required: false, description: 'The agency inspected (inspection)' })
  @IsOptional()
  @IsInt()
  agencyId?: number;

  @ApiProperty({ required: false, description: 'Job position (recruitment)' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  jobPosition?: string;

  @ApiProperty({ required: false, description: 'Posts to fill (recruitment)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  quota?: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  opensAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  closesAt: Date;

  @ApiProperty({ minimum: 1, description: 'Time allowed per attempt, in seconds' })
  @IsInt()
  @Min(1)
  @Max(24 * 3600)
  durationSeconds: number;

  @ApiProperty({ enum: REVIEW_SHOWS })
  @IsIn(REVIEW_SHOWS)
  reviewShows: ReviewShows;

  @ApiProperty({ enum: REVIEW_WHEN })
  @IsIn(REVIEW_WHEN)
  reviewWhen: ReviewWhen;

  @ApiProperty({ required: false, type: [TieBreakDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TieBreakDto)
  tieBreak?: TieBreakDto[];
}

export class SessionUpdateDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiProperty({ required: false, type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  opensAt?: Date;

  @ApiProperty({ required: false, type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  closesAt?: Date;

  @ApiProperty({ required: false, enum: REVIEW_SHOWS })
  @IsOptional()
  @IsIn(REVIEW_SHOWS)
  reviewShows?: ReviewShows;

  @ApiProperty({ required: false, enum: REVIEW_WHEN })
  @IsOptional()
  @IsIn(REVIEW_WHEN)
  reviewWhen?: ReviewWhen;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(0)
  quota?: number;

  @ApiProperty({ required: false, type: [TieBreakDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TieBreakDto)
  tieBreak?: TieBreakDto[];
}

export class SessionListQuery extends PageQuery {
  @ApiProperty({ required: false, enum: SESSION_PURPOSES })
  @IsOptional()
  @IsIn(SESSION_PURPOSES)
  purpose?: SessionPurpose;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  agencyId?: number;
}

export class AccountCandidateDto {
  @ApiProperty()
  @IsInt()
  userId: number;

  @ApiProperty({ required: false, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 3600)
  extraSeconds?: number;

  @ApiProperty({ required: false, default: 0 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  priorityPoints?: number;
}

export class NumberedCandidateDto {
  @ApiProperty({ example: 'SB-0001', description: 'Candidate number (số báo danh)' })
  @Matches(/^[\p{L}\p{N}._-]{1,32}$/u, { message: 'candidateNumber: 1–32 letters, digits, . _ -' })
  candidateNumber: string;

  @ApiProperty({ example: 'Nguyễn Thị Hoa' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  fullName: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  agencyId?: number;

  @ApiProperty({ required: false, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 3600)
  extraSeconds?: number;

  @ApiProperty({ required: false, default: 0 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  priorityPoints?: number;
}

export class AddCandidatesDto {
  @ApiProperty({ required: false, type: [AccountCandidateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => AccountCandidateDto)
  accounts?: AccountCandidateDto[];

  @ApiProperty({ required: false, type: [NumberedCandidateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => NumberedCandidateDto)
  numbered?: NumberedCandidateDto[];
}

export class CandidateUpdateDto {
  @ApiProperty({ required: false, description: 'Extra time in seconds (applies to an attempt in progress too)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24 * 3600)
  extraSeconds?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  priorityPoints?: number;
}

export class AccessCodesDto {
  @ApiProperty({
    required: false,
    type: [Number],
    description: 'Regenerate for these candidates; default: every numbered candidate without a code',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @IsInt({ each: true })
  candidateIds?: number[];
}

export class CandidateLoginDto {
  @ApiProperty({ example: 'SB-0001' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  candidateNumber: string;

  @ApiProperty({ example: 'K7M2QX9A' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  accessCode: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  sessionId?: number;
}
