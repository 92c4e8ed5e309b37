import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import {
  AddQuestionDto,
  AddRoundDto,
  ContestRoundParams,
  CreateContestDto,
  IdParam,
  ImportBankQuestionsDto,
  RosterDto,
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
}
