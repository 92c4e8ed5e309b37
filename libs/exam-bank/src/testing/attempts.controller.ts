import { Body, Controller, Get, HttpCode, Param, Post, Put, type OnModuleInit } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, HotRoutes, validDto, type Principal } from '@app/platform';
import { AnswerDto, answerOf, AttemptParams, FlagDto, IdParams, ItemParams, itemOf } from './dto/attempt.dto.js';
import type { AttemptView, ReviewView, SaveAck } from '../published/candidate-views.js';
import { AttemptsService } from './attempts.service.js';

/**
 * The candidate's side. Every route checks that the attempt is the caller's own. Starting, saving
 * an answer and flagging, which a whole room does at once, are also served as hot routes (ahead of
 * Express and Nest's pipeline, with the same token check, DTOs and error bodies; see HotRoutes).
 */
@ApiTags('exam: attempts')
@ApiBearerAuth()
@Controller('exam')
@Authenticated()
export class AttemptsController implements OnModuleInit {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly hot: HotRoutes,
  ) {}

  onModuleInit(): void {
    this.hot.add({
      method: 'POST',
      path: /^\/api\/exam\/sessions\/(\d+)\/start$/,
      handle: ({ params: [id], principal }) => this.start(validDto(IdParams, { id }), principal),
    });
    this.hot.add({
      method: 'PUT',
      path: /^\/api\/exam\/attempts\/(\d+)\/answers\/(\d+)$/,
      handle: ({ params: [id, index], principal, body }) => this.save(itemOf(id, index), answerOf(body), principal),
    });
    this.hot.add({
      method: 'PUT',
      path: /^\/api\/exam\/attempts\/(\d+)\/flags\/(\d+)$/,
      handle: ({ params: [id, index], principal, body }) =>
        this.flag(itemOf(id, index), validDto(FlagDto, body), principal),
    });
  }

  @Post('sessions/:id/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start (or resume) my attempt: the variant, the deadline and the server time' })
  start(@Param() p: IdParams, @CurrentUser() me: Principal): Promise<AttemptView> {
    return this.attempts.start(me, p.id);
  }

  @Get('attempts/:id')
  @ApiOperation({ summary: 'Resume: same variant, saved answers, remaining time' })
  get(@Param() p: AttemptParams, @CurrentUser() me: Principal): Promise<AttemptView> {
    return this.attempts.get(me, p.id);
  }

  @Put('attempts/:id/answers/:index')
  @ApiOperation({ summary: 'Save one answer (idempotent); 410 ATTEMPT_DEADLINE_PASSED after the deadline' })
  save(@Param() p: ItemParams, @Body() dto: AnswerDto, @CurrentUser() me: Principal): Promise<SaveAck> {
    return this.attempts.saveAnswer(me, p.id, p.index, dto.chosen);
  }

  @Put('attempts/:id/flags/:index')
  @ApiOperation({ summary: 'Flag or unflag an item for review' })
  flag(@Param() p: ItemParams, @Body() dto: FlagDto, @CurrentUser() me: Principal): Promise<SaveAck> {
    return this.attempts.flag(me, p.id, p.index, dto.flagged);
  }

  @Post('attempts/:id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit and grade; answers what the review policy allows' })
  submit(@Param() p: AttemptParams, @CurrentUser() me: Principal): Promise<ReviewView> {
    return this.attempts.submit(me, p.id);
  }

  @Get('attempts/:id/review')
  @ApiOperation({ summary: 'My result, as far as the review policy allows now' })
  review(@Param() p: AttemptParams, @CurrentUser() me: Principal): Promise<ReviewView> {
    return this.attempts.review(me, p.id);
  }
}
