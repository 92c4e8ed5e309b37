import { Module } from '@nestjs/common';

/** Templates, sessions, candidates, timed attempts, grading and item analysis. */
@Module({})
export class TestingModule {}
