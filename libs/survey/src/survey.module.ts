import { Module } from '@nestjs/common';
import { CollectionCache } from './collection/collection-cache.js';
import { CollectionService } from './collection/collection.service.js';
import { KiosksController } from './collection/kiosks.controller.js';
import { PublicSurveyController } from './collection/public-survey.controller.js';
import { ResponseWriter } from './collection/response-writer.js';
import { DesksController } from './desks/desks.controller.js';
import { DesksService } from './desks/desks.service.js';
import { FormsController } from './forms/forms.controller.js';
import { FormsService } from './forms/forms.service.js';
import { SurveyResultsReader } from './published/survey-results.js';
import { ResultsController } from './results/results.controller.js';
import { SurveyResultsService } from './results/results.service.js';
import { SurveysController } from './surveys/surveys.controller.js';
import { SurveysService } from './surveys/surveys.service.js';

/** Citizen satisfaction surveys at one-stop desks: forms, collection, results. */
@Module({
  controllers: [
    FormsController,
    DesksController,
    SurveysController,
    KiosksController,
    PublicSurveyController,
    ResultsController,
  ],
  providers: [
    CollectionCache,
    FormsService,
    DesksService,
    SurveysService,
    CollectionService,
    ResponseWriter,
    SurveyResultsService,
    { provide: SurveyResultsReader, useExisting: SurveyResultsService },
  ],
  exports: [SurveyResultsReader],
})
export class SurveyModule {}
