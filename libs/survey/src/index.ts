import { KioskDevice } from './collection/kiosk-device.entity.js';
import { SurveyAnswer } from './collection/survey-answer.entity.js';
import { SurveyResponse } from './collection/survey-response.entity.js';
import { VisitToken } from './collection/visit-token.entity.js';
import { SurveyProcedure } from './desks/procedure.entity.js';
import { ServiceDesk } from './desks/service-desk.entity.js';
import { SurveyFormVersion } from './forms/survey-form-version.entity.js';
import { SurveyForm } from './forms/survey-form.entity.js';
import { SurveyQuestion } from './forms/survey-question.entity.js';
import { SurveySection } from './forms/survey-section.entity.js';
import { SurveySchema1764206000000 } from './survey.migration.js';
import { SurveyDeskLink } from './surveys/survey-desk.entity.js';
import { Survey } from './surveys/survey.entity.js';

export { SurveyModule } from './survey.module.js';
export * from './published/survey-results.js';
export * from './domain/criterion-mapping.js';
export { figureOf, interval95, type SatisfactionFigure, type MarginMethod } from './domain/satisfaction.js';
export {
  KioskDevice,
  ServiceDesk,
  Survey,
  SurveyAnswer,
  SurveyDeskLink,
  SurveyForm,
  SurveyFormVersion,
  SurveyProcedure,
  SurveyQuestion,
  SurveyResponse,
  SurveySection,
  VisitToken,
};

export const surveyEntities = [
  SurveyForm,
  SurveyFormVersion,
  SurveySection,
  SurveyQuestion,
  ServiceDesk,
  SurveyProcedure,
  Survey,
  SurveyDeskLink,
  KioskDevice,
  VisitToken,
  SurveyResponse,
  SurveyAnswer,
];
export const surveyMigrations = [SurveySchema1764206000000];
