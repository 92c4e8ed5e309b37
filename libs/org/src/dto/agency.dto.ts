import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQuery } from '@app/platform';
import { IfPresent, QueryBoolean, QueryInt } from './query-transforms.js';

const CODE = /^[A-Za-z0-9._-]+$/;
const CODE_MESSAGE = 'code may only use letters, digits, . - _';

export class IdParam {
  @ApiProperty({ example: 12 })
  @QueryInt()
  @IsInt()
  @Min(1)
  id: number;
}

export class AgencyLevelDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'commune' }) code: string;
  @ApiProperty({ example: 'Xã, phường, thị trấn' }) name: string;
  @ApiProperty({ description: '0 for the top of the tree, larger below it', example: 2 }) depth: number;
  @ApiProperty() active: boolean;
}

export class CreateAgencyLevelDto {
  @ApiProperty({ example: 'ward', description: 'Stable code used by imports and index schemes' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Phường' })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name: string;

  @ApiProperty({ example: 2, minimum: 0, maximum: 9 })
  @IsInt()
  @Min(0)
  @Max(9)
  depth: number;
}

export class UpdateAgencyLevelDto {
  @ApiProperty({ required: false, example: 'Huyện, thị xã, thành phố (đến 2025)' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  name?: string;

  @ApiProperty({ required: false, description: 'false retires the level: no new agencies on it, old ones stay' })
  @IfPresent()
  @IsBoolean()
  active?: boolean;
}

export class AgencyDto {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'SNV' }) code: string;
  @ApiProperty({ example: 'Sở Nội vụ' }) name: string;
  @ApiProperty() levelId: number;
  @ApiProperty({ example: 'department' }) levelCode: string;
  @ApiProperty({ example: 1 }) depth: number;
  @ApiProperty({ nullable: true, type: Number }) parentId: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: Number, description: 'Officials on the payroll' }) staffCount: number | null;
}

export class AgencyTreeNodeDto extends AgencyDto {
  @ApiProperty({ type: () => [AgencyTreeNodeDto] }) children: AgencyTreeNodeDto[];
}

export class AgencyPageDto {
  @ApiProperty({ type: [AgencyDto] }) items: AgencyDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AgencyTreeQuery {
  @ApiProperty({ required: false, default: false, description: 'Include deactivated agencies' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeInactive?: boolean;
}

export class AgencyQuery extends PageQuery {
  @ApiProperty({ required: false, example: 'commune', description: 'Level code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  level?: string;

  @ApiProperty({ required: false, description: 'Only the direct children of this agency' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  parentId?: number;

  @ApiProperty({ required: false })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ required: false, description: 'Part of the name or code', example: 'Nội vụ' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'X-MYAN' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Xã Mỹ An' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name: string;

  @ApiProperty({ example: 'commune', description: 'Level code' })
  @IsString()
  @MaxLength(32)
  level: string;

  @ApiProperty({ required: false, nullable: true, type: Number, description: 'Null only for the top level' })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiProperty({ required: false, nullable: true, type: Number, example: 18 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  staffCount?: number | null;
}

export class UpdateAgencyDto {
  @ApiProperty({ required: false, example: 'X-MYAN' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  @Matches(CODE, { message: CODE_MESSAGE })
  code?: string;

  @ApiProperty({ required: false, example: 'Xã Mỹ An' })
  @IfPresent()
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  name?: string;

  @ApiProperty({ required: false, example: 'commune', description: 'Level code' })
  @IfPresent()
  @IsString()
  @MaxLength(32)
  level?: string;

  @ApiProperty({ required: false, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(1)
  parentId?: number | null;

  @ApiProperty({ required: false, nullable: true, type: Number })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  staffCount?: number | null;
}

export class DeactivateAgencyDto {
  @ApiProperty({
    required: false,
    default: false,
    description: 'Also deactivate every active agency below it; otherwise an agency with active children is refused',
  })
  @IfPresent()
  @IsBoolean()
  includeChildren?: boolean;

  @ApiProperty({ required: false, example: 'Sáp nhập vào xã Mỹ Hòa theo Nghị quyết …' })
  @IfPresent()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class DeactivateAgencyResultDto {
  @ApiProperty({ type: [Number], description: 'Every agency deactivated, this one first' })
  deactivated: number[];
}
