import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/platform';
import type { QuestionSummaryShape, QuestionViewShape, VersionViewShape } from '../../published/bank-views.js';
import { TARGET_LEVELS, type TargetLevel } from '../domain/question-draft.js';
import { MAX_OPTION_LENGTH, MAX_OPTIONS, MAX_STEM_LENGTH, MAX_TAGS } from '../domain/question-rules.js';
import {
  DIFFICULTIES,
  QUESTION_STATUSES,
  QUESTION_TYPES,
  type Difficulty,
  type QuestionOption,
  type QuestionStatus,
  type QuestionType,
  type ScoringMode,
} from '../question.types.js';

const SCORING_MODES: ScoringMode[] = ['all_or_nothing', 'proportional'];

export class OptionDto {
  @ApiProperty({ example: 'Sở Nội vụ' })
  @IsString()
  @MaxLength(MAX_OPTION_LENGTH)
  text: string;

  @ApiProperty({
    example: 1,
    description: "Moodle's weight in [-1, 1]: 1 = right (100 %), 0 = wrong, negative = penalty",
  })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  fraction: number;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'Shown at review time with this option' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_OPTION_LENGTH)
  feedback?: string | null;
}

/** The content fields: changing any of them on a version already shown makes a new version. */
class ContentFields {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiProperty({ example: 'Cơ quan nào tham mưu UBND tỉnh về cải cách hành chính?' })
  @IsString()
  @MaxLength(MAX_STEM_LENGTH)
  stem: string;

  @ApiProperty({ type: [OptionDto] })
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options: OptionDto[];

  @ApiProperty({
    enum: SCORING_MODES,
    required: false,
    description: 'Default: proportional for multiple, else all_or_nothing',
  })
  @IsOptional()
  @IsIn(SCORING_MODES)
  scoringMode?: ScoringMode;

  @ApiProperty({ required: false, default: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points?: number;

  @ApiProperty({ required: false, default: false, description: 'Never shuffle the options (they refer to each other)' })
  @IsOptional()
  @IsBoolean()
  fixedOrder?: boolean;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'Shown at review time' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STEM_LENGTH)
  explanation?: string | null;
}

export class CreateQuestionDto extends ContentFields {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  topicId: number;

  @ApiProperty({ enum: DIFFICULTIES, required: false, default: 'medium' })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiProperty({ enum: TARGET_LEVELS, required: false, nullable: true, description: 'null = any level' })
  @IsOptional()
  @IsIn(TARGET_LEVELS)
  targetLevel?: TargetLevel | null;

  @ApiProperty({ type: [String], required: false, example: ['cấp xã'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  tags?: string[];

  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: 'Moodle idnumber or your own code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  externalId?: string | null;

  @ApiProperty({ enum: QUESTION_STATUSES, required: false, default: 'draft' })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;
}

/** Any subset of the fields; content changes follow the versioning rule. */
export class UpdateQuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES, required: false })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_STEM_LENGTH)
  stem?: string;

  @ApiProperty({ type: [OptionDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_OPTIONS)
  @ValidateNested({ each: true })
  @Type(() => OptionDto)
  options?: OptionDto[];

  @ApiProperty({ enum: SCORING_MODES, required: false })
  @IsOptional()
  @IsIn(SCORING_MODES)
  scoringMode?: ScoringMode;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  points?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  fixedOrder?: boolean;

  @ApiProperty({ required: false, nullable: true, type: String })
  @ValidateIf((o: UpdateQuestionDto) => o.explanation !== null && o.explanation !== undefined)
  @IsString()
  @MaxLength(MAX_STEM_LENGTH)
  explanation?: string | null;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(1)
  topicId?: number;

  @ApiProperty({ enum: DIFFICULTIES, required: false })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiProperty({ enum: TARGET_LEVELS, required: false, nullable: true })
  @ValidateIf((o: UpdateQuestionDto) => o.targetLevel !== null && o.targetLevel !== undefined)
  @IsIn(TARGET_LEVELS)
  targetLevel?: TargetLevel | null;

  @ApiProperty({ type: [String], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TAGS)
  @IsString({ each: true })
  tags?: string[];

  @ApiProperty({ required: false, nullable: true, type: String })
  @ValidateIf((o: UpdateQuestionDto) => o.title !== null && o.title !== undefined)
  @IsString()
  @MaxLength(255)
  title?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @ValidateIf((o: UpdateQuestionDto) => o.externalId !== null && o.externalId !== undefined)
  @IsString()
  @MaxLength(100)
  externalId?: string | null;

  @ApiProperty({ required: false, description: 'Why, for the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: QUESTION_STATUSES })
  @IsIn(QUESTION_STATUSES)
  status: QuestionStatus;

  @ApiProperty({ required: false, description: 'Why, for the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The filters of the list and of exports. */
export class QuestionFilterDto {
  @ApiProperty({ required: false, description: 'Words of the question text, with or without diacritics' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  topicId?: number;

  @ApiProperty({ required: false, default: false, description: 'With topicId: include its sub-topics' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeSubtopics?: boolean;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  tag?: string;

  @ApiProperty({ enum: DIFFICULTIES, required: false })
  @IsOptional()
  @IsIn(DIFFICULTIES)
  difficulty?: Difficulty;

  @ApiProperty({ enum: QUESTION_STATUSES, required: false })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;

  @ApiProperty({ enum: TARGET_LEVELS, required: false, description: 'Questions for this level (and for any level)' })
  @IsOptional()
  @IsIn(TARGET_LEVELS)
  targetLevel?: TargetLevel;

  @ApiProperty({ enum: QUESTION_TYPES, required: false })
  @IsOptional()
  @IsIn(QUESTION_TYPES)
  type?: QuestionType;
}

/** ?page&pageSize plus the filters. */
export class QuestionQueryDto extends IntersectionType(PageQuery, QuestionFilterDto) {}

export const EXPORT_FORMATS = ['xlsx', 'csv', 'gift', 'xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ExportQueryDto extends QuestionFilterDto {
  @ApiProperty({ enum: EXPORT_FORMATS })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

export class TemplateQueryDto {
  @ApiProperty({ enum: ['xlsx', 'csv'], required: false, default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class VersionView implements VersionViewShape<Date> {
  @ApiProperty() id: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() stem: string;
  @ApiProperty({ description: '{ key, text, fraction, feedback? }[]' }) options: QuestionOption[];
  @ApiProperty({ enum: SCORING_MODES }) scoringMode: ScoringMode;
  @ApiProperty() points: number;
  @ApiProperty() fixedOrder: boolean;
  @ApiProperty({ nullable: true, type: String }) explanation: string | null;
  @ApiProperty({ description: 'Shown in an attempt: edits now make a new version' }) used: boolean;
  @ApiProperty() createdAt: Date;
}

export class QuestionView implements QuestionViewShape<Date> {
  @ApiProperty() id: number;
  @ApiProperty() topicId: number;
  @ApiProperty({ type: [String] }) topicPath: string[];
  @ApiProperty({ enum: QUESTION_STATUSES }) status: QuestionStatus;
  @ApiProperty({ enum: DIFFICULTIES }) difficulty: Difficulty;
  @ApiProperty({ enum: TARGET_LEVELS, nullable: true }) targetLevel: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: VersionView }) current: VersionView;
  @ApiProperty({ type: [VersionView], required: false, description: 'Newest first (GET one question)' })
  versions?: VersionView[];
  @ApiProperty({
    type: [Number],
    required: false,
    description: 'Questions with the same normalised text in the same topic',
  })
  duplicates?: number[];
}

export class QuestionSummary implements QuestionSummaryShape<Date> {
  @ApiProperty() id: number;
  @ApiProperty() topicId: number;
  @ApiProperty({ type: [String] }) topicPath: string[];
  @ApiProperty({ enum: QUESTION_STATUSES }) status: QuestionStatus;
  @ApiProperty({ enum: DIFFICULTIES }) difficulty: Difficulty;
  @ApiProperty({ nullable: true, type: String }) targetLevel: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() stem: string;
  @ApiProperty() optionCount: number;
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: Date;
}
