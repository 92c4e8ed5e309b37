import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Role, Roles, type Principal } from '@app/platform';
import { CreateTopicDto, TopicNodeDto, UpdateTopicDto } from './dto/topic.dto.js';
import type { QuestionTopic } from './question-topic.entity.js';
import { TopicService } from './topic.service.js';

@ApiTags('question bank')
@ApiBearerAuth()
@Controller('bank/topics')
@Roles(Role.Admin, Role.Organizer, Role.Inspector)
export class TopicController {
  constructor(private readonly topics: TopicService) {}

  @Get()
  @ApiOperation({ summary: 'The topic tree, with the number of questions in each topic' })
  @ApiOkResponse({ type: [TopicNodeDto] })
  tree(): Promise<TopicNodeDto[]> {
    return this.topics.tree();
  }

  @Post()
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Create a topic (at the top or under a parent)' })
  create(@Body() dto: CreateTopicDto, @CurrentUser() actor: Principal): Promise<QuestionTopic> {
    return this.topics.create(dto, actor);
  }

  @Patch(':id')
  @Roles(Role.Admin, Role.Organizer)
  @ApiOperation({ summary: 'Rename, move (parentId; null = top) or reorder a topic' })
  update(
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: UpdateTopicDto,
    @CurrentUser() actor: Principal,
  ): Promise<QuestionTopic> {
    return this.topics.update(id, dto, actor);
  }
}
