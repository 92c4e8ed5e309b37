import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { CreateFormDto, FormIdParam, FormSummary, FormVersionParam, FormView, UpdateFormDto } from '../dto/form.dto.js';
import { FormsService } from './forms.service.js';

@ApiTags('survey')
@ApiBearerAuth()
@Controller('survey/forms')
@Roles(Role.Admin, Role.Organizer, Role.Inspector)
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get()
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'Survey forms with their current version number' })
  @ApiOkResponse({ type: [FormSummary] })
  list(): Promise<FormSummary[]> {
    return this.forms.list();
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'A form’s current version: sections and questions' })
  @ApiOkResponse({ type: FormView })
  get(@Param() { id }: FormIdParam): Promise<FormView> {
    return this.forms.get(id);
  }

  @Get(':id/versions/:version')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'One numbered version of a form, as respondents saw it' })
  @ApiOkResponse({ type: FormView })
  version(@Param() { id, version }: FormVersionParam): Promise<FormView> {
    return this.forms.get(id, version);
  }

  @Post()
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Create a form (version 1)' })
  @ApiOkResponse({ type: FormView })
  create(@CurrentUser() p: Principal, @Body() dto: CreateFormDto): Promise<FormView> {
    return this.forms.create(p, dto.code, dto.name, dto.form);
  }

  @Put(':id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Replace a form’s content: a new version when a survey uses the current one' })
  @ApiOkResponse({ type: FormView })
  update(@CurrentUser() p: Principal, @Param() { id }: FormIdParam, @Body() dto: UpdateFormDto): Promise<FormView> {
    return this.forms.update(p, id, dto.name, dto.form);
  }
}
