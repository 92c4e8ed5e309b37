import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateSurveyDto {
  @ApiProperty({ example: 'Khảo sát sự hài lòng năm 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ description: 'The form; its current version is used and frozen' })
  @IsInt()
  @Min(1)
  formId: number;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  opensAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  closesAt: Date;

  @ApiProperty({ required: false, type: [Number], description: 'Every active desk of these agencies takes part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  agencyIds?: number[];

  @ApiProperty({ required: false, type: [Number], description: 'These desks take part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @IsInt({ each: true })
  deskIds?: number[];

  @ApiProperty({ required: false, default: 60, description: 'Visits one desk may start per minute' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  deskRatePerMinute?: number;

  @ApiProperty({
    required: false,
    default: 20,
    description: 'Visits one kiosk, or one address using the QR link, may start per minute',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  deviceRatePerMinute?: number;
}

export class UpdateSurveyDto {
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

  @ApiProperty({ required: false, description: 'false pauses collection' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  deskRatePerMinute?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  deviceRatePerMinute?: number;
}

export class SurveyView {
  @ApiProperty() id: number;
  @ApiProperty() name: string;
  @ApiProperty() formId: number;
  @ApiProperty() formVersionId: number;
  @ApiProperty() opensAt: Date;
  @ApiProperty() closesAt: Date;
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: ['open', 'not_started', 'ended', 'paused'] }) state: string;
  @ApiProperty() deskRatePerMinute: number;
  @ApiProperty() deviceRatePerMinute: number;
  @ApiProperty({ type: [Number] }) deskIds: number[];
  @ApiProperty({ type: [Number] }) agencyIds: number[];
}
