import { ApiProperty } from '@nestjs/swagger';
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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { NAVIGATIONS, type Navigation } from '../testing.types.js';

export class DrawRuleDto {
  @ApiProperty({ required: false, type: [Number], description: 'Draw from these topics (with count)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  topicIds?: number[];

  @ApiProperty({ required: false, enum: ['easy', 'medium', 'hard'] })
  @IsOptional()
  @IsIn(['easy', 'medium', 'hard'])
  difficulty?: 'easy' | 'medium' | 'hard';

  @ApiProperty({ required: false, minimum: 1, maximum: 500 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  count?: number;

  @ApiProperty({ required: false, type: [Number], description: 'A fixed list of questions instead of a draw' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  questionIds?: number[];
}

export class TemplatePartDto {
  @ApiProperty({ example: 'Kiến thức chung' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ type: [DrawRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DrawRuleDto)
  rules: DrawRuleDto[];

  @ApiProperty({ required: false, default: 50, description: 'Percent of the part’s points needed to pass it' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  passPercent?: number;

  @ApiProperty({ default: true })
  @IsBoolean()
  shuffleQuestions: boolean;

  @ApiProperty({ default: true })
  @IsBoolean()
  shuffleOptions: boolean;

  @ApiProperty({ required: false, description: 'Points per question; default each version’s own' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  pointsPerQuestion?: number;
}

export class TemplateDto {
  @ApiProperty({ example: 'Sát hạch công chức cấp xã 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ enum: NAVIGATIONS })
  @IsIn(NAVIGATIONS)
  navigation: Navigation;

  @ApiProperty({ required: false, default: 50 })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  passPercent?: number;

  @ApiProperty({ type: [TemplatePartDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TemplatePartDto)
  parts: TemplatePartDto[];
}
