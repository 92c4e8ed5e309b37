import { Module } from '@nestjs/common';
import { ExamBankModule } from '@app/exam-bank';
import { SurveyModule } from '@app/survey';
import { InspectorReportsService } from './reports/inspector-reports.service.js';
import { RankingService } from './reports/ranking.service.js';
import { ReportsController } from './reports/reports.controller.js';
import { SchemesController } from './schemes/schemes.controller.js';
import { SchemesService } from './schemes/schemes.service.js';
import { EvidenceService } from './scorecards/evidence.service.js';
import { ScorecardsController } from './scorecards/scorecards.controller.js';
import { ScorecardsService } from './scorecards/scorecards.service.js';
import { SurveyCriterionService } from './survey-criterion/survey-criterion.service.js';
import { TestDerivedService } from './test-derived/test-derived.service.js';

/** The PAR Index: schemes, agency scorecards with evidence and appraisal, test-derived and survey criteria, ranking and reports. */
@Module({
  imports: [ExamBankModule, SurveyModule],
  controllers: [SchemesController, ScorecardsController, ReportsController],
  providers: [
    SchemesService,
    ScorecardsService,
    EvidenceService,
    TestDerivedService,
    SurveyCriterionService,
    RankingService,
    InspectorReportsService,
  ],
  exports: [SchemesService, ScorecardsService, TestDerivedService, SurveyCriterionService, RankingService],
})
export class ResultsModule {}
