import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '@app/platform';
import { REOPEN_TARGETS, type ScorecardState } from '../domain/workflow.js';

export class OpenScorecardsDto {
  @ApiProperty({ required: false, type: [Number], description: 'Default: every active agency of the scheme level' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsInt({ each: true })
  agencyIds?: number[];
}

export class SelfScoreItemDto {
  @ApiProperty({ example: 'CDDH.1' })
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiProperty({ example: 2.5, nullable: true, description: 'Points, at most two decimals; null clears' })
  @IsOptional()
  @IsDecimal(2)
  score: number | null;

  @ApiProperty({ required: false, description: 'Why evidence is missing, or a comment' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  explanation?: string;
}

export class SelfScoresDto {
  @ApiProperty({ type: [SelfScoreItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SelfScoreItemDto)
  items: SelfScoreItemDto[];
}

export class AppraisalItemDto {
  @ApiProperty({ example: 'CCCV.3' })
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiProperty({ example: 3, nullable: true, description: 'Appraised points; null withdraws the appraisal' })
  @IsOptional()
  @IsDecimal(2)
  score: number | null;

  @ApiProperty({
    required: false,
    description: 'Required when the appraisal differs from the agency or the computation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class AppraisalsDto {
  @ApiProperty({ type: [AppraisalItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => AppraisalItemDto)
  items: AppraisalItemDto[];
}

export class ReopenDto {
  @ApiProperty({ example: 'Sai sót khi tổng hợp điểm khảo sát' })
  @IsString()
  @Length(1, 2000)
  reason: string;

  @ApiProperty({ required: false, enum: REOPEN_TARGETS, default: 'draft' })
  @IsOptional()
  @IsIn(REOPEN_TARGETS)
  to?: ScorecardState;
}

export class ScorecardListQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  schemeId?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  agencyId?: number;
}

export class AgencyQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  agencyId?: number;
}

export class LimitQuery {
  @ApiProperty({ required: false, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  limit?: number;
}
