import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, PageQuery, Role, Roles, type Page, type Principal } from '@app/platform';
import { IdParams } from './dto/attempt.dto.js';
import { TemplateDto } from './dto/template.dto.js';
import { SessionsService } from './sessions.service.js';
import type { TestTemplate } from './test-template.entity.js';

@ApiTags('exam: templates')
@ApiBearerAuth()
@Controller('exam/templates')
@Roles(Role.Admin, Role.Organizer)
export class TemplatesController {
  constructor(private readonly service: SessionsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a test template: parts, draw rules, thresholds, shuffling, navigation' })
  create(@Body() dto: TemplateDto, @CurrentUser() by: Principal): Promise<TestTemplate> {
    return this.service.createTemplate(dto, by);
  }

  @Get()
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  list(@Query() q: PageQuery): Promise<Page<TestTemplate>> {
    return this.service.listTemplates(q);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  get(@Param() p: IdParams): Promise<TestTemplate> {
    return this.service.template(p.id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a template (sessions already made keep their own copy)' })
  update(@Param() p: IdParams, @Body() dto: TemplateDto): Promise<TestTemplate> {
    return this.service.updateTemplate(p.id, dto);
  }
}
