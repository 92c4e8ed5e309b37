import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { Roles } from '../auth/decorators.js';
import { Role } from '../auth/principal.js';
import { PageQuery, type Page } from '../http/page.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditLog } from './audit-log.js';

export class AuditQuery extends PageQuery {
  @ApiProperty({ required: false, example: 'scorecard_item' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  agencyId?: number;

  @ApiProperty({ required: false, example: 'score.appraised' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLog) {}

  @Get()
  @Roles(Role.Admin, Role.Inspector)
  @ApiOperation({ summary: 'Read the audit trail (who changed what, when, before → after, why)' })
  list(@Query() q: AuditQuery): Promise<Page<AuditEntry>> {
    return this.audit.list(q, q);
  }
}
