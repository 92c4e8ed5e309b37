import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { QueryInt } from './common.js';

export class IdParam {
  @ApiProperty({ example: 3 })
  @QueryInt()
  @IsInt()
  @Min(1)
  id: number;
}

export class DeskQuery {
  @ApiProperty({ required: false, description: 'Only this agency’s desks' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  agencyId?: number;
}

export class CreateDeskDto {
  @ApiProperty({ example: 12 })
  @IsInt()
  @Min(1)
  agencyId: number;

  @ApiProperty({ example: 'Bộ phận Tiếp nhận và Trả kết quả UBND huyện Cao Lãnh' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;
}

export class UpdateDeskDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class DeskView {
  @ApiProperty() id: number;
  @ApiProperty() agencyId: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Code of the desk’s public link /khao-sat/{publicCode}' }) publicCode: string;
  @ApiProperty() active: boolean;
}

export class QrQuery {
  @ApiProperty({ required: false, enum: ['svg', 'png'], default: 'svg' })
  @IsOptional()
  @IsIn(['svg', 'png'])
  format?: 'svg' | 'png';

  @ApiProperty({
    required: false,
    example: 'https://cchc.dongthap.gov.vn',
    description: 'Site address printed in the code; the request’s own host when absent',
  })
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  base?: string;
}

export class CreateProcedureDto {
  @ApiProperty({ example: 'ho-tich-khai-sinh' })
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'code may only use letters, digits, . - _ (1–64)' })
  code: string;

  @ApiProperty({ example: 'Đăng ký khai sinh' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  name: string;

  @ApiProperty({ required: false, example: 'Hộ tịch' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  field?: string;
}

export class ProcedureView {
  @ApiProperty() id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty() active: boolean;
}
