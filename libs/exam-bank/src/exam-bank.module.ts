import { Module } from '@nestjs/common';
import { BankModule } from './bank/bank.module.js';
import { TestingModule } from './testing/testing.module.js';

@Module({
  imports: [BankModule, TestingModule],
  exports: [BankModule, TestingModule],
})
export class ExamBankModule {}
