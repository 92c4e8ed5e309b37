import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import {
  CreateOnlineContestDto,
  OnlineItemParams,
  PredictionDto,
  SaveOnlineAnswerDto,
  SubmitOnlineAttemptDto,
} from '../dto/online.dto.js';
import { IdParam } from '../dto/contest.dto.js';
import { OnlineRankingService } from './online-ranking.service.js';
import type {
  MyOnlineContest,
  MyOnlineResults,
  OnlineAttemptView,
  OnlineContestView,
  OnlineRankings,
  OnlineResultView,
  OnlineSaveAck,
} from './online-views.js';
import { OnlineContestService } from './online.service.js';

/** Online contests over days or weeks: organizers build and rank them, officials take attempts. */
@ApiTags('online-contests')
@ApiBearerAuth()
@Controller()
export class OnlineContestsController {
  constructor(
    private readonly contests: OnlineContestService,
    private readonly ranking: OnlineRankingService,
  ) {}

  @Post('online-contests')
  @Roles(Role.Organizer, Role.Admin)
  create(@CurrentUser() who: Principal, @Body() dto: CreateOnlineContestDto): Promise<OnlineContestView> {
    return this.contests.create(who, dto);
  }

  @Get('online-contests')
  @Roles(Role.Organizer, Role.Admin, Role.Inspector)
  list(@CurrentUser() who: Principal): Promise<OnlineContestView[]> {
    return this.contests.list(who);
  }

  @Get('online-contests/:id')
  @Roles(Role.Organizer, Role.Admin, Role.Inspector)
  get(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<OnlineContestView> {
    return this.contests.get(who, p.id);
  }

  @Post('online-contests/:id/publish')
  @HttpCode(200)
  @Roles(Role.Organizer, Role.Admin)
  publish(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<OnlineContestView> {
    return this.contests.publish(who, p.id);
  }

  @Get('online-contests/:id/rankings')
  @Roles(Role.Organizer, Role.Admin, Role.Inspector)
  rankings(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<OnlineRankings> {
    return this.ranking.rankings(who, p.id);
  }

  @Get('online-contests/:id/rankings.xlsx')
  @Roles(Role.Organizer, Role.Admin, Role.Inspector)
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('content-disposition', 'attachment; filename="xep-hang-thi-truc-tuyen.xlsx"')
  async excel(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.ranking.excel(who, p.id));
  }

  // ── officials ───────────────────────────────────────────────────────────────

  @Get('my/online-contests')
  @Roles(Role.Official)
  mine(@CurrentUser() who: Principal): Promise<MyOnlineContest[]> {
    return this.contests.myContests(who);
  }

  @Get('my/online-contests/:id/results')
  @Roles(Role.Official)
  myResults(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<MyOnlineResults> {
    return this.contests.myResults(who, p.id);
  }

  /** Starts a new attempt, or resumes the one under way. */
  @Post('online-contests/:id/attempts')
  @HttpCode(200)
  @Roles(Role.Official)
  start(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<OnlineAttemptView> {
    return this.contests.start(who, p.id);
  }

  @Get('online-attempts/:id')
  @Roles(Role.Official)
  attempt(@CurrentUser() who: Principal, @Param() p: IdParam): Promise<OnlineAttemptView> {
    return this.contests.attempt(who, p.id);
  }

  @Put('online-attempts/:id/answers/:index')
  @Roles(Role.Official)
  answer(
    @CurrentUser() who: Principal,
    @Param() p: OnlineItemParams,
    @Body() dto: SaveOnlineAnswerDto,
  ): Promise<OnlineSaveAck> {
    return this.contests.saveAnswer(who, p.id, p.index, dto);
  }

  @Put('online-attempts/:id/prediction')
  @Roles(Role.Official)
  predict(
    @CurrentUser() who: Principal,
    @Param() p: IdParam,
    @Body() dto: PredictionDto,
  ): Promise<{ prediction: number; savedAt: string }> {
    return this.contests.setPrediction(who, p.id, dto.prediction);
  }

  @Post('online-attempts/:id/submit')
  @HttpCode(200)
  @Roles(Role.Official)
  submit(
    @CurrentUser() who: Principal,
    @Param() p: IdParam,
    @Body() dto: SubmitOnlineAttemptDto,
  ): Promise<OnlineResultView> {
    return this.contests.submit(who, p.id, dto.prediction);
  }
}
