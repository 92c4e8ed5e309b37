export { ResultsModule } from './results.module.js';

export const resultsEntities = [];
export const resultsMigrations = [];
