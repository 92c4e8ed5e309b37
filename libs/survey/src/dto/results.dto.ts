import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimal } from '@app/platform';
import { QueryInt } from './common.js';

export class ResultsQuery {
  @ApiProperty({ description: 'The form: responses on all its versions count' })
  @QueryInt()
  @IsInt()
  @Min(1)
  formId: number;

  @ApiProperty({ required: false, description: 'One agency (agency officers: their own, and only theirs)' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  agencyId?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  deskId?: number;

  @ApiProperty({ required: false, type: String, format: 'date-time', description: 'Responses from (inclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiProperty({ required: false, type: String, format: 'date-time', description: 'Responses before (exclusive)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiProperty({ required: false, enum: ['month', 'quarter', 'year'], default: 'month' })
  @IsOptional()
  @IsIn(['month', 'quarter', 'year'])
  period?: 'month' | 'quarter' | 'year';
}

export class GroupView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() responses: number;
  @ApiProperty() answers: number;
  @ApiProperty() satisfied: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Satisfied share, percent, two decimals' }) ratePercent:
    number | null;
  @ApiProperty({ nullable: true, type: Number, description: '± percentage points at 95 %' }) margin95: number | null;
  @ApiProperty({ nullable: true, type: Number }) low: number | null;
  @ApiProperty({ nullable: true, type: Number }) high: number | null;
  @ApiProperty({ enum: ['normal', 'wilson', 'none'] }) method: string;
}

export class ResultsView {
  @ApiProperty() formId: number;
  @ApiProperty({ nullable: true, type: Date }) from: Date | null;
  @ApiProperty({ nullable: true, type: Date }) to: Date | null;
  @ApiProperty({ type: GroupView }) overall: GroupView;
  @ApiProperty({ type: [GroupView] }) byQuestion: GroupView[];
  @ApiProperty({ type: [GroupView] }) bySection: GroupView[];
  @ApiProperty({ type: [GroupView] }) byDesk: GroupView[];
  @ApiProperty({ type: [GroupView] }) byAgency: GroupView[];
  @ApiProperty({ type: [GroupView] }) byPeriod: GroupView[];
  @ApiProperty({ description: 'Responses by respondent type: citizen, organisation, unknown' }) respondents: Record<
    string,
    number
  >;
}

export class CriterionPointsDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  formId: number;

  @ApiProperty({ required: false, type: [String], example: ['C.1', 'C.2', 'C.3'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  questionKeys?: string[];

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsInt({ each: true })
  agencyIds: number[];

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  from: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  to: Date;

  @ApiProperty({ example: 2, description: 'The criterion’s maximum, two decimals at most' })
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  maxPoints: number;

  @ApiProperty({
    required: false,
    example: {
      mapping: { mode: 'step', steps: [{ minPercent: 90, sharePercent: 100 }] },
      minResponses: 30,
      onShortfall: 'flag',
    },
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;
}

export class CriterionPointsView {
  @ApiProperty() agencyId: number;
  @ApiProperty() points: number;
  @ApiProperty() pointsCenti: number;
  @ApiProperty({ nullable: true, type: Number }) rateHundredths: number | null;
  @ApiProperty() flagged: boolean;
  @ApiProperty({ enum: ['OK', 'NO_RESPONSES', 'TOO_FEW_RESPONSES'] }) reason: string;
  @ApiProperty() responses: number;
  @ApiProperty() answers: number;
  @ApiProperty() satisfied: number;
}
