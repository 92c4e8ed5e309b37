import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { AgencyLevelDto, CreateAgencyLevelDto, IdParam, UpdateAgencyLevelDto } from '../dto/agency.dto.js';
import { AgenciesService } from './agencies.service.js';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agency-levels')
@Authenticated()
export class AgencyLevelsController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @ApiOperation({ summary: 'The levels of the agency tree (data, not code: e.g. districts retired in 2025)' })
  @ApiOkResponse({ type: [AgencyLevelDto] })
  list(): Promise<AgencyLevelDto[]> {
    return this.agencies.levels();
  }

  @Post()
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Add a level' })
  @ApiOkResponse({ type: AgencyLevelDto })
  create(@CurrentUser() p: Principal, @Body() dto: CreateAgencyLevelDto): Promise<AgencyLevelDto> {
    return this.agencies.createLevel(p, dto);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiOperation({ summary: 'Rename a level, or retire it (active: false) so that no new agency is made on it' })
  @ApiOkResponse({ type: AgencyLevelDto })
  update(
    @CurrentUser() p: Principal,
    @Param() { id }: IdParam,
    @Body() dto: UpdateAgencyLevelDto,
  ): Promise<AgencyLevelDto> {
    return this.agencies.updateLevel(p, id, dto);
  }
}
