import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
import type { ContestTree } from './contests.repository.js';
import { ContestsService } from './contests.service.js';

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
  get(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<ContestTree> {
    return this.contests.tree(who, p.id);
  }

  @Post(':id/rounds')
  addRound(@CurrentUser() who: Principal, @Param() p: IdParam, @Body() dto: AddRoundDto): Promise<ContestRound> {
    return this.contests.addRound(who, p.id, dto);
  }

  @Post(':id/rounds/:roundId/questions')
  addQuestion(
    @CurrentUser() who: Principal,
    @Param() p: ContestRoundParams,
    @Body() dto: AddQuestionDto,
  ): Promise<ContestQuestion> {
    return this.contests.addQuestion(who, p.id, p.roundId, dto);
  }

  @Post(':id/rounds/:roundId/bank-questions')
  importFromBank(
    @CurrentUser() who: Principal,
    @Param() p: ContestRoundParams,
    @Body() dto: ImportBankQuestionsDto,
  ): Promise<ContestQuestion[]> {
    return this.contests.importFromBank(who, p.id, p.roundId, dto);
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
