import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { QueryBoolean } from './query-transforms.js';

export class ImportQuery {
  @ApiProperty({ required: false, default: false, description: 'Only check the file; import nothing' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export class TemplateParam {
  @ApiProperty({ enum: ['agencies', 'users'] })
  @IsIn(['agencies', 'users'])
  kind: 'agencies' | 'users';
}

export class ImportProblemDto {
  @ApiProperty({ description: 'Line as the spreadsheet shows it; the header is line 1' }) line: number;
  @ApiProperty({ required: false, example: 'username' }) field?: string;
  @ApiProperty({ example: 'the username "mai" is also on line 7' }) reason: string;
}

export class ImportResultDto {
  @ApiProperty({ description: 'Rows read from the file' }) rows: number;
  @ApiProperty({ description: 'Rows created (0 on a dry run)' }) created: number;
  @ApiProperty() dryRun: boolean;
}

export class ImportUploadDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: '.xlsx (first sheet) or .csv (UTF-8), header in row 1',
  })
  file: unknown;
}
