import { Module } from '@nestjs/common';
import { QuestionBankReader } from './question-bank.reader.js';

/** The question bank: topics, questions and their versions, search, import and export. */
@Module({
  providers: [QuestionBankReader],
  exports: [QuestionBankReader],
})
export class BankModule {}
