import { Module } from '@nestjs/common';
import { ImportService } from './import.service.js';
import { InterchangeController } from './interchange.controller.js';
import { QuestionBankReader } from './question-bank.reader.js';
import { QuestionController } from './question.controller.js';
import { QuestionRepository } from './question.repository.js';
import { QuestionService } from './question.service.js';
import { TopicController } from './topic.controller.js';
import { TopicService } from './topic.service.js';

/** The question bank: topics, questions and their versions, search, import and export. */
@Module({
  controllers: [TopicController, QuestionController, InterchangeController],
  providers: [QuestionBankReader, QuestionRepository, TopicService, QuestionService, ImportService],
  exports: [QuestionBankReader, QuestionService, TopicService],
})
export class BankModule {}
