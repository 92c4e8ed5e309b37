import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import {
  AddQuestionDto,
  AddRoundDto,
  ContestQuestionParams,
  ContestRoundParams,
  CreateContestDto,
  IdParam,
  ImportBankQuestionsDto,
  RosterDto,
  UpdateContestDto,
  UpdateQuestionDto,
  UpdateRoundDto,
} from '../dto/contest.dto.js';
import type { ContestQuestion } from './contest-question.entity.js';
import type { ContestRound } from './contest-round.entity.js';
import type { Contest } from './contest.entity.js';
import { ContestsService, type ContestDetail } from './contests.service.js';

/**
 * Set on a change to a contest that has live sessions: their ids, comma-separated. Those sessions
 * keep playing the snapshot taken when they opened; the change applies to later sessions.
 */
export const LIVE_SESSIONS_UNAFFECTED = 'Live-Sessions-Unaffected';
const unaffected = {
  name: LIVE_SESSIONS_UNAFFECTED,
  description: 'Live sessions this change does not reach',
  required: false,
};

@ApiTags('contests')
@ApiBearerAuth()
@Roles(Role.Organizer, Role.Admin)
@Controller('contests')
export class ContestsController {
  constructor(private readonly contests: ContestsService) {}

  @Post()
  create(@CurrentUser() who: Principal, @Body() dto: CreateContestDto): Promise<Contest> {
    return this.contests.create(who, dto);
  }

  @Get()
  list(@CurrentUser() who: Principal): Promise<Contest[]> {
    return this.contests.list(who);
  }

  @Get(':id')
  get(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<ContestDetail> {
    return this.contests.tree(who, p.id);
  }

  @Post(':id/rounds')
  @ApiHeader(unaffected)
  async addRound(
    @CurrentUser() who: Principal,
    @Param() p: IdParam,
    @Body() dto: AddRoundDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContestRound> {
    const round = await this.contests.addRound(who, p.id, dto);
    await this.noteLiveSessions(res, p.id);
    return round;
  }

  @Post(':id/rounds/:roundId/questions')
  @ApiHeader(unaffected)
  async addQuestion(
    @CurrentUser() who: Principal,
    @Param() p: ContestRoundParams,
    @Body() dto: AddQuestionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContestQuestion> {
    const question = await this.contests.addQuestion(who, p.id, p.roundId, dto);
    await this.noteLiveSessions(res, p.id);
    return question;
  }

  @Post(':id/rounds/:roundId/bank-questions')
  @ApiHeader(unaffected)
  async importFromBank(
    @CurrentUser() who: Principal,
    @Param() p: ContestRoundParams,
    @Body() dto: ImportBankQuestionsDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ContestQuestion[]> {
    const questions = await this.contests.importFromBank(who, p.id, p.roundId, dto);
    await this.noteLiveSessions(res, p.id);
    return questions;
  }

  private async noteLiveSessions(res: Response, contestId: number): Promise<void> {
    const live = await this.contests.liveSessions(contestId);
    if (live.length) res.setHeader(LIVE_SESSIONS_UNAFFECTED, live.map((s) => s.sessionId).join(','));
  }

  @Put(':id/roster')
  setRoster(@CurrentUser() who: Principal, @Param() p: IdParam, @Body() dto: RosterDto): Promise<{ entries: number }> {
    return this.contests.setRoster(who, p.id, dto);
  }

  /** Edits below are refused with CONTEST_PLAYED once the contest has had a live session. */
  @Patch(':id')
  update(@CurrentUser() who: Principal, @Param() p: IdParam, @Body() dto: UpdateContestDto): Promise<Contest> {
    return this.contests.update(who, p.id, dto);
  }

  @Patch(':id/rounds/:roundId')
  updateRound(
    @CurrentUser() who: Principal,
    @Param() p: ContestRoundParams,
    @Body() dto: UpdateRoundDto,
  ): Promise<ContestRound> {
    return this.contests.updateRound(who, p.id, p.roundId, dto);
  }

  @Delete(':id/rounds/:roundId')
  @HttpCode(204)
  deleteRound(@CurrentUser() who: Principal, @Param() p: ContestRoundParams): Promise<void> {
    return this.contests.deleteRound(who, p.id, p.roundId);
  }

  @Patch(':id/rounds/:roundId/questions/:questionId')
  updateQuestion(
    @CurrentUser() who: Principal,
    @Param() p: ContestQuestionParams,
    @Body() dto: UpdateQuestionDto,
  ): Promise<ContestQuestion> {
    return this.contests.updateQuestion(who, p.id, p.roundId, p.questionId, dto);
  }

  @Delete(':id/rounds/:roundId/questions/:questionId')
  @HttpCode(204)
  deleteQuestion(@CurrentUser() who: Principal, @Param() p: ContestQuestionParams): Promise<void> {
    return this.contests.deleteQuestion(who, p.id, p.roundId, p.questionId);
  }
}
