import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '@app/platform';
import { LEAF_SOURCES, type LeafSource } from '../domain/scheme-tree.js';

export class SchemeNodeDto {
  @ApiProperty({ example: 'CCCV.3' })
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiProperty({ example: 'Kết quả sát hạch kiến thức của công chức' })
  @IsString()
  @Length(1, 500)
  name: string;

  @ApiProperty({ example: 4, description: 'Maximum points, at most two decimals' })
  @IsDecimal(2)
  @Min(0)
  max: number;

  @ApiProperty({ required: false, enum: LEAF_SOURCES, description: 'Leaves only' })
  @IsOptional()
  @IsIn(LEAF_SOURCES)
  source?: LeafSource;

  @ApiProperty({
    required: false,
    type: Object,
    description: 'test_derived: mapping etc.; bonus_penalty: { penaltyMax }',
  })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown> | null;

  @ApiProperty({ required: false, type: () => [SchemeNodeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SchemeNodeDto)
  children?: SchemeNodeDto[];
}

/** A whole scheme: the body of create, import and update, and what export returns. */
export class SchemeDocumentDto {
  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 'department', description: 'An agency level code' })
  @IsString()
  @Length(1, 32)
  levelCode: string;

  @ApiProperty({ example: 'Bộ chỉ số CCHC cấp sở năm 2026' })
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiProperty({ required: false, default: 100 })
  @IsOptional()
  @IsDecimal(2)
  @Min(1)
  scale?: number;

  @ApiProperty({ required: false, type: Object, description: '{ tieBreak: [...], bands: [{ name, minPercent }] }' })
  @IsOptional()
  @IsObject()
  ranking?: Record<string, unknown> | null;

  @ApiProperty({ type: () => [SchemeNodeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SchemeNodeDto)
  areas: SchemeNodeDto[];
}

export class CopySchemeDto {
  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  name?: string;
}

export class SchemeListQuery {
  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  year?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  levelCode?: string;
}

export class RankingQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  year: number;

  @ApiProperty({ example: 'department' })
  @IsString()
  levelCode: string;
}
