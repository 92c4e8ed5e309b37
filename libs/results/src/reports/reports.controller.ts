import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { TopicWeakness } from '@app/exam-bank';
import { Role, Roles } from '@app/platform';
import { IdParam } from '../dto/params.dto.js';
import { RankingQuery } from '../dto/scheme.dto.js';
import { AgencyQuery, LimitQuery } from '../dto/scorecard.dto.js';
import { InspectorReportsService, type PassRateRow } from './inspector-reports.service.js';
import { RankingService, type RankingView } from './ranking.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('results: ranking and reports')
@ApiBearerAuth()
@Roles(Role.Admin, Role.Inspector)
@Controller('results')
export class ReportsController {
  constructor(
    private readonly ranking: RankingService,
    private readonly reports: InspectorReportsService,
  ) {}

  @Get('rankings')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer, Role.Organizer, Role.Official)
  @ApiOperation({ summary: 'The published ranking of a level and year, with the change from the previous year' })
  forYear(@Query() q: RankingQuery): Promise<RankingView> {
    return this.ranking.forYear(q.year, q.levelCode);
  }

  @Get('schemes/:id/ranking')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer, Role.Organizer, Role.Official)
  @ApiOperation({
    summary: "The scheme's published ranking (shared ranks for ties) and each agency's breakdown by area",
  })
  get(@Param() { id }: IdParam): Promise<RankingView> {
    return this.ranking.ranking(id);
  }

  @Get('schemes/:id/ranking-preview')
  @ApiOperation({ summary: 'The ranking of every scorecard, published or not, for the appraisal council' })
  preview(@Param() { id }: IdParam): Promise<RankingView> {
    return this.ranking.ranking(id, { preview: true });
  }

  @Get('schemes/:id/ranking.xlsx')
  @Roles(Role.Admin, Role.Inspector, Role.AgencyOfficer, Role.Organizer, Role.Official)
  @ApiProduces(XLSX)
  @Header('Content-Type', XLSX)
  @ApiOperation({ summary: 'The published ranking as an Excel workbook (Vietnamese headers)' })
  async xlsx(@Param() { id }: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.ranking.rankingXlsx(id), {
      disposition: `attachment; filename="xep-hang-cchc-${id}.xlsx"`,
    });
  }

  @Get('schemes/:id/reports/pass-rates')
  @ApiOperation({ summary: 'Inspection test pass rates by agency and by commune' })
  passRates(@Param() { id }: IdParam): Promise<{ passThresholdPercent: number; rows: PassRateRow[] }> {
    return this.reports.passRates(id);
  }

  @Get('schemes/:id/reports/distribution')
  @ApiOperation({ summary: 'How many candidates scored in each tenth of the scale' })
  distribution(@Param() { id }: IdParam, @Query() q: AgencyQuery) {
    return this.reports.distribution(id, q.agencyId);
  }

  @Get('schemes/:id/reports/weakest-topics')
  @ApiOperation({ summary: 'Topics answered worst, from item statistics' })
  weakestTopics(@Param() { id }: IdParam, @Query() q: AgencyQuery): Promise<TopicWeakness[]> {
    return this.reports.weakestTopics(id, q.agencyId);
  }

  @Get('schemes/:id/reports/differences')
  @ApiOperation({ summary: 'Agencies whose self-scores and appraisals differ most' })
  differences(@Param() { id }: IdParam, @Query() q: LimitQuery) {
    return this.reports.differences(id, q.limit ?? 10);
  }
}
