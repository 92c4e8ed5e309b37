import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import type { ImportDuplicateShape, ImportJobShape, ImportProblemShape } from '../../published/bank-views.js';
import { QUESTION_FILE_FORMATS, type QuestionFileFormat } from '../interchange/question-files.js';
import { QUESTION_STATUSES, type QuestionStatus } from '../question.types.js';

/** The form fields sent with the file (multipart/form-data). */
export class ImportOptionsDto {
  @ApiProperty({ enum: QUESTION_FILE_FORMATS, required: false, description: 'Default: from the file name extension' })
  @IsOptional()
  @IsIn(QUESTION_FILE_FORMATS)
  format?: QuestionFileFormat;

  @ApiProperty({
    required: false,
    description: 'Topic the file’s topics (categories) are placed under; default: the top',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  topicId?: number;

  @ApiProperty({
    enum: QUESTION_STATUSES,
    required: false,
    default: 'draft',
    description: 'Status of the imported questions',
  })
  @IsOptional()
  @IsIn(QUESTION_STATUSES)
  status?: QuestionStatus;
}

export class ImportUploadDto extends ImportOptionsDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class ImportProblemDto implements ImportProblemShape {
  @ApiProperty({ description: 'Line (GIFT, XML) or row (Excel, CSV; the header is row 1)' }) position: number;
  @ApiProperty({ enum: ['line', 'row', 'question'] }) unit: string;
  @ApiProperty({ required: false, description: 'Question title, name or code' }) label?: string;
  @ApiProperty() reason: string;
}

export class ImportDuplicateDto extends ImportProblemDto implements ImportDuplicateShape {
  @ApiProperty({ required: false, description: 'The bank question with the same text in the same topic' })
  questionId?: number;
  @ApiProperty({ required: false, description: 'The earlier item of the same file with the same text and topic' })
  firstPosition?: number;
}

export class ImportJobView implements ImportJobShape {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['running', 'done', 'failed'] }) state: 'running' | 'done' | 'failed';
  @ApiProperty({ enum: QUESTION_FILE_FORMATS }) format: QuestionFileFormat;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'Questions in the file' }) total: number;
  @ApiProperty({ description: 'Questions handled so far (imported or skipped as duplicates)' }) processed: number;
  @ApiProperty() imported: number;
  @ApiProperty({ description: 'Duplicates skipped' }) skipped: number;
  @ApiProperty({ type: [ImportDuplicateDto] }) duplicates: ImportDuplicateDto[];
  @ApiProperty({ type: [ImportProblemDto], description: 'Why a failed job failed' }) errors: ImportProblemDto[];
  @ApiProperty() startedAt: string;
  @ApiProperty({ nullable: true, type: String }) finishedAt: string | null;
}
