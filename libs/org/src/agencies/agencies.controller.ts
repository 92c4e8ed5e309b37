import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Role, Roles, type Page, type Principal } from '@app/platform';
import {
  AgencyDto,
  AgencyPageDto,
  AgencyQuery,
  AgencyTreeNodeDto,
  AgencyTreeQuery,
  CreateAgencyDto,
  DeactivateAgencyDto,
  DeactivateAgencyResultDto,
  IdParam,
  UpdateAgencyDto,
} from '../dto/agency.dto.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
@Authenticated()
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get('tree')
  @ApiOperation({
    summary: "The agency tree: the whole province for admins, organizers, inspectors; one's own agency otherwise",
  })
  @ApiOkResponse({ type: [AgencyTreeNodeDto] })
  tree(@CurrentUser() p: Principal, @Query() q: AgencyTreeQuery): Promise<AgencyTreeNodeDto[]> {
    return this.agencies.tree(p, q.includeInactive ?? false);
  }

  @Get()
  @ApiOperation({ summary: 'Agencies, filtered by level, parent, active and text; within the caller’s scope' })
  @ApiOkResponse({ type: AgencyPageDto })
  list(@CurrentUser() p: Principal, @Query() q: AgencyQuery): Promise<Page<AgencyDto>> {
    return this.agencies.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agency (officers and officials: their own only)' })
  @ApiOkResponse({ type: AgencyDto })
  get(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<AgencyDto> {
    return this.agencies.get(p, id);
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Create an agency under a parent of a higher level' })
  @ApiOkResponse({ type: AgencyDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateAgencyDto): Promise<AgencyDto> {
    return this.agencies.create(p, dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Rename, recode, move or re-level an agency, or change its staff count' })
  @ApiOkResponse({ type: AgencyDto })
  update(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: UpdateAgencyDto): Promise<AgencyDto> {
    return this.agencies.update(p, id, dto);
  }

  @Post(':id/deactivate')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate an agency (never deleted); refused with active children unless includeChildren',
  })
  @ApiOkResponse({ type: DeactivateAgencyResultDto })
  deactivate(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Body() dto: DeactivateAgencyDto,
  ): Promise<DeactivateAgencyResultDto> {
    return this.agencies.deactivate(p, id, dto);
  }

  @Post(':id/activate')
  @Roles(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a deactivated agency again (its parent must be active)' })
  @ApiOkResponse({ type: AgencyDto })
  activate(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<AgencyDto> {
    return this.agencies.activate(p, id);
  }
}
