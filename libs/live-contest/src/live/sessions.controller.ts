import { Body, Controller, Get, Header, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { IdParam, JudgeScoreDto, StartSessionDto } from '../dto/contest.dto.js';
import { ContestResultsService, type SessionResults } from '../results/contest-results.service.js';
import type { JudgeScore } from './judge-score.entity.js';
import { LiveService } from './live.service.js';

@ApiTags('contests')
@ApiBearerAuth()
@Roles(Role.Organizer, Role.Admin)
@Controller()
export class SessionsController {
  constructor(
    private readonly live: LiveService,
    private readonly results: ContestResultsService,
  ) {}

  /** Starts a live session: returns the PIN and the projector's view-only token. */
  @Post('contests/:id/sessions')
  start(
    @CurrentUser() who: Principal,
    @Param() p: IdParam,
    @Body() dto: StartSessionDto,
  ): Promise<{ sessionId: number; pin: string; pinExpiresAt: string; viewToken: string }> {
    return this.live.startSession(who, p.id, dto.pinMinutes);
  }

  @Post('contest-sessions/:id/judge-scores')
  judge(@CurrentUser() who: Principal, @Param() p: IdParam, @Body() dto: JudgeScoreDto): Promise<JudgeScore> {
    return this.results.putJudgeScore(who, p.id, dto);
  }

  @Get('contest-sessions/:id/results')
  results_(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<SessionResults> {
    return this.results.results(who, p.id);
  }

  @Get('contest-sessions/:id/results.xlsx')
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('content-disposition', 'attachment; filename="ket-qua-hoi-thi.xlsx"')
  async excel(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.results.excel(who, p.id));
  }
}
