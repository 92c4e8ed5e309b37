import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { QUESTION_TYPES, type SurveyQuestionType } from '../domain/form-rules.js';
import { QueryInt } from './common.js';

const KEY = /^[A-Za-z0-9._-]{1,64}$/;
const KEY_MESSAGE = 'a key may only use letters, digits, . - _ (1–64)';

export class FormIdParam {
  @ApiProperty({ example: 1 })
  @QueryInt()
  @IsInt()
  @Min(1)
  id: number;
}

export class FormVersionParam extends FormIdParam {
  @ApiProperty({ example: 2 })
  @QueryInt()
  @IsInt()
  @Min(1)
  version: number;
}

export class ChoiceOptionDto {
  @ApiProperty({ example: 'roi' })
  @IsString()
  @Matches(KEY, { message: KEY_MESSAGE })
  key: string;

  @ApiProperty({ example: 'Đã từng' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  label: string;
}

export class QuestionDraftDto {
  @ApiProperty({ example: 'C.1', description: 'Stable across versions; index criteria name questions by key' })
  @IsString()
  @Matches(KEY, { message: KEY_MESSAGE })
  key: string;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type: SurveyQuestionType;

  @ApiProperty({ example: 'Công chức cư xử lịch sự' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @ApiProperty({ type: [ChoiceOptionDto], required: false })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionDto)
  options?: ChoiceOptionDto[];

  @ApiProperty({ required: false, default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiProperty({ required: false, description: 'Comments only, 1–1000' })
  @IsOptional()
  @IsInt()
  maxLength?: number;
}

export class SectionDraftDto {
  @ApiProperty({ example: 'C' })
  @IsString()
  @Matches(KEY, { message: KEY_MESSAGE })
  key: string;

  @ApiProperty({ example: 'Công chức tiếp nhận hồ sơ' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiProperty({ type: [QuestionDraftDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => QuestionDraftDto)
  questions: QuestionDraftDto[];
}

export class FormDraftDto {
  @ApiProperty({ example: 'Phiếu khảo sát sự hài lòng' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  title: string;

  @ApiProperty({ required: false, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({
    required: false,
    default: 4,
    minimum: 2,
    maximum: 5,
    description: 'Scale answers ≥ this count as satisfied',
  })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(5)
  satisfiedMin?: number;

  @ApiProperty({ type: [SectionDraftDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => SectionDraftDto)
  sections: SectionDraftDto[];
}

export class CreateFormDto {
  @ApiProperty({ example: 'mot-cua-2026' })
  @IsString()
  @Matches(KEY, { message: KEY_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Phiếu khảo sát Bộ phận Một cửa 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ type: FormDraftDto })
  @IsObject()
  @ValidateNested()
  @Type(() => FormDraftDto)
  form: FormDraftDto;
}

export class UpdateFormDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiProperty({
    type: FormDraftDto,
    description: 'The whole new content; a used version is never changed, a new one is made',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => FormDraftDto)
  form: FormDraftDto;
}

export class QuestionView {
  @ApiProperty() id: number;
  @ApiProperty() key: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: SurveyQuestionType;
  @ApiProperty() text: string;
  @ApiProperty({ type: [ChoiceOptionDto] }) options: ChoiceOptionDto[];
  @ApiProperty() required: boolean;
  @ApiProperty({ nullable: true, type: Number }) maxLength: number | null;
}

export class SectionView {
  @ApiProperty() id: number;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [QuestionView] }) questions: QuestionView[];
}

export class FormView {
  @ApiProperty() formId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() versionId: number;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() satisfiedMin: number;
  @ApiProperty({ description: 'A survey uses this version: it will never change' }) used: boolean;
  @ApiProperty({ type: [SectionView] }) sections: SectionView[];
}

export class FormSummary {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) currentVersionId: number | null;
  @ApiProperty() currentVersion: number;
}
