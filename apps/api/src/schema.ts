import { examBankEntities, examBankMigrations } from '@app/exam-bank';
import { liveContestEntities, liveContestMigrations } from '@app/live-contest';
import { orgEntities, orgMigrations } from '@app/org';
import { platformEntities, platformMigrations, type Schema } from '@app/platform';
import { resultsEntities, resultsMigrations } from '@app/results';
import { surveyEntities, surveyMigrations } from '@app/survey';

/**
 * Every entity and migration of the product, listed explicitly (a build cannot discover them by
 * glob). Migrations run in the order of the timestamp in their class name.
 */
export const schema: Schema = {
  entities: [
    ...platformEntities,
    ...orgEntities,
    ...examBankEntities,
    ...liveContestEntities,
    ...resultsEntities,
    ...surveyEntities,
  ],
  migrations: [
    ...platformMigrations,
    ...orgMigrations,
    ...examBankMigrations,
    ...liveContestMigrations,
    ...resultsMigrations,
    ...surveyMigrations,
  ],
};
