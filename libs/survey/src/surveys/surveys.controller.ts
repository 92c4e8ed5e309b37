import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { IdParam } from '../dto/desk.dto.js';
import { CreateSurveyDto, SurveyView, UpdateSurveyDto } from '../dto/survey.dto.js';
import { SurveysService } from './surveys.service.js';

@ApiTags('survey')
@ApiBearerAuth()
@Controller('survey/surveys')
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get()
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOperation({ summary: 'Surveys, newest first; agency officers see those at their agency' })
  @ApiOkResponse({ type: [SurveyView] })
  list(@CurrentUser() p: Principal): Promise<SurveyView[]> {
    return this.surveys.list(p);
  }

  @Get(':id')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
  @ApiOkResponse({ type: SurveyView })
  get(@CurrentUser() p: Principal, @Param() { id }: IdParam): Promise<SurveyView> {
    return this.surveys.get(p, id);
  }

  @Post()
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Start a survey: the form’s current version at the chosen desks during a window' })
  @ApiOkResponse({ type: SurveyView })
  create(@CurrentUser() p: Principal, @Body() dto: CreateSurveyDto): Promise<SurveyView> {
    return this.surveys.create(p, dto);
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Rename, move the window, pause or resume, change the rate limits' })
  @ApiOkResponse({ type: SurveyView })
  update(@CurrentUser() p: Principal, @Param() { id }: IdParam, @Body() dto: UpdateSurveyDto): Promise<SurveyView> {
    return this.surveys.update(p, id, dto);
  }
}
