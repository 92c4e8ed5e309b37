import { Module } from '@nestjs/common';
import { BankModule } from '../bank/bank.module.js';
import { ExamResultsReader } from '../published/exam-results.js';
import { AttemptSweeper } from './attempt-sweeper.js';
import { AttemptsController } from './attempts.controller.js';
import { AttemptsRepository } from './attempts.repository.js';
import { AttemptsService } from './attempts.service.js';
import { ExamResultsQuery } from './exam-results.query.js';
import { GradingService } from './grading.service.js';
import { ResultsController } from './results.controller.js';
import { ResultsService } from './results.service.js';
import { CandidateAuthController, SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { TemplatesController } from './templates.controller.js';
import { VariantBuilder } from './variant-builder.js';
import { VersionCache } from './version-cache.js';

/** Templates, sessions, candidates, timed attempts, grading and item analysis. */
@Module({
  imports: [BankModule],
  controllers: [
    TemplatesController,
    SessionsController,
    CandidateAuthController,
    AttemptsController,
    ResultsController,
  ],
  providers: [
    AttemptsRepository,
    SessionsRepository,
    VersionCache,
    VariantBuilder,
    SessionsService,
    GradingService,
    AttemptsService,
    AttemptSweeper,
    ExamResultsQuery,
    ResultsService,
    { provide: ExamResultsReader, useExisting: ExamResultsQuery },
  ],
  exports: [ExamResultsReader, AttemptSweeper, GradingService],
})
export class TestingModule {}
