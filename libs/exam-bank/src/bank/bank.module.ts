import { Module } from '@nestjs/common';

/** The question bank: topics, questions and their versions, search, import and export. */
@Module({})
export class BankModule {}
