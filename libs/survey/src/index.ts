export { SurveyModule } from './survey.module.js';

export const surveyEntities = [];
export const surveyMigrations = [];
