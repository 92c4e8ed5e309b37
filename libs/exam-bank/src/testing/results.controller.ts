import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { IdParams } from './dto/attempt.dto.js';
import { GradingService } from './grading.service.js';
import { ResultsService } from './results.service.js';

export class RegradeDto {
  @ApiProperty({ required: false, example: 'Sửa đáp án câu 12 theo Nghị định mới' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class WeakestTopicsQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  agencyId: number;

  @ApiProperty({ required: false, type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiProperty({ required: false, type: String, format: 'date-time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

@ApiTags('exam: results')
@ApiBearerAuth()
@Controller('exam')
@Roles(Role.Admin, Role.Organizer, Role.Inspector, Role.AgencyOfficer)
export class ResultsController {
  constructor(
    private readonly results: ResultsService,
    private readonly grading: GradingService,
  ) {}

  @Get('sessions/:id/results')
  @ApiOperation({ summary: 'One row per candidate: state, score, parts, pass/fail' })
  async table(@Param() p: IdParams, @CurrentUser() by: Principal) {
    return (await this.results.table(p.id, by)).rows;
  }

  @Get('sessions/:id/results.xlsx')
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="ket-qua.xlsx"')
  @ApiOperation({ summary: 'The results table as an Excel file (Vietnamese headers)' })
  async excel(@Param() p: IdParams, @CurrentUser() by: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.results.excel(p.id, by));
  }

  @Get('sessions/:id/results/by-agency')
  byAgency(@Param() p: IdParams, @CurrentUser() by: Principal) {
    return this.results.byAgency(p.id, by);
  }

  @Get('sessions/:id/results/distribution')
  distribution(@Param() p: IdParams, @CurrentUser() by: Principal) {
    return this.results.distribution(p.id, by);
  }

  @Get('sessions/:id/ranking')
  @ApiOperation({ summary: 'Recruitment: ranking within the job position’s quota, with the tie-break chain' })
  ranking(@Param() p: IdParams, @CurrentUser() by: Principal) {
    return this.results.ranking(p.id, by);
  }

  @Get('sessions/:id/item-analysis')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  @ApiOperation({ summary: 'Moodle-style test and item statistics of one session' })
  itemAnalysis(@Param() p: IdParams) {
    return this.results.itemAnalysis(p.id);
  }

  @Get('questions/:id/item-analysis')
  @Roles(Role.Admin, Role.Organizer, Role.Inspector)
  @ApiOperation({ summary: 'Statistics of one question across every session that drew it' })
  question(@Param() p: IdParams) {
    return this.results.questionAcrossSessions(p.id);
  }

  @Post('sessions/:id/regrade')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Re-grade with each question’s current (corrected) version; audited' })
  regrade(@Param() p: IdParams, @Body() dto: RegradeDto, @CurrentUser() by: Principal) {
    return this.grading.regradeSession(p.id, by, dto.reason);
  }

  @Get('weakest-topics')
  @ApiOperation({ summary: 'Weakest topics of an agency and of each agency under it (communes)' })
  weakest(@Query() q: WeakestTopicsQuery, @CurrentUser() by: Principal) {
    return this.results.weakestTopics(q.agencyId, by, { from: q.from, to: q.to });
  }
}
