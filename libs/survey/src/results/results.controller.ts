import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { CriterionPointsDto, CriterionPointsView, ResultsQuery, ResultsView } from '../dto/results.dto.js';
import { FormsService } from '../forms/forms.service.js';
import { resultsWorkbook } from './results-excel.js';
import { SurveyResultsService } from './results.service.js';

@ApiTags('survey')
@ApiBearerAuth()
@Controller('survey/results')
@Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer)
export class ResultsController {
  constructor(
    private readonly results: SurveyResultsService,
    private readonly forms: FormsService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Satisfaction per question, section, desk, agency and period, with counts and the 95 % margin',
  })
  @ApiOkResponse({ type: ResultsView })
  get(@CurrentUser() p: Principal, @Query() q: ResultsQuery): Promise<ResultsView> {
    return this.results.results(p, q);
  }

  @Get('export')
  @ApiOperation({ summary: 'The same results as an Excel workbook (Vietnamese headers)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @CurrentUser() p: Principal,
    @Query() q: ResultsQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const view = await this.results.results(p, q);
    const form = await this.forms.get(q.formId);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="ket-qua-khao-sat-${q.formId}.xlsx"`);
    return new StreamableFile(await resultsWorkbook(view, form.name));
  }

  @Post('criterion-points')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Inspector)
  @ApiOperation({
    summary: 'Preview a survey criterion: each agency’s rate mapped to points, as the index computes it',
  })
  @ApiOkResponse({ type: [CriterionPointsView] })
  criterionPoints(@Body() dto: CriterionPointsDto): Promise<CriterionPointsView[]> {
    return this.results.criterionPoints(dto);
  }
}
