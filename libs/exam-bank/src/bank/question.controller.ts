import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Page, type Principal } from '@app/platform';
import {
  ChangeStatusDto,
  CreateQuestionDto,
  QuestionQueryDto,
  QuestionSummary,
  QuestionView,
  UpdateQuestionDto,
} from './dto/question.dto.js';
import { QuestionService } from './question.service.js';

@ApiTags('question bank')
@ApiBearerAuth()
@Controller('bank/questions')
@Roles(Role.Admin, Role.Organizer, Role.Inspector)
export class QuestionController {
  constructor(private readonly questions: QuestionService) {}

  @Get()
  @ApiOperation({ summary: 'Search and filter questions (text with or without diacritics), paginated' })
  list(@Query() query: QuestionQueryDto): Promise<Page<QuestionSummary>> {
    return this.questions.list(query);
  }

  @Post()
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Create a question (version 1); status draft unless given' })
  @ApiOkResponse({ type: QuestionView })
  create(@Body() dto: CreateQuestionDto, @CurrentUser() actor: Principal): Promise<QuestionView> {
    return this.questions.create(dto, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A question with all its versions, newest first' })
  @ApiOkResponse({ type: QuestionView })
  get(@Param('id', ParseIntPipe) id: number): Promise<QuestionView> {
    return this.questions.get(id);
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Edit a question: a version already shown in an attempt is kept and a new version made' })
  @ApiOkResponse({ type: QuestionView })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateQuestionDto,
    @CurrentUser() actor: Principal,
  ): Promise<QuestionView> {
    return this.questions.update(id, dto, actor);
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Set the status: draft, ready (drawn into tests) or retired' })
  @ApiOkResponse({ type: QuestionView })
  setStatus(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ChangeStatusDto,
    @CurrentUser() actor: Principal,
  ): Promise<QuestionView> {
    return this.questions.setStatus(id, dto, actor);
  }
}
