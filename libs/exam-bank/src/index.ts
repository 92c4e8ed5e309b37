import { bankEntities, bankMigrations } from './bank/index.js';
import { testingEntities, testingMigrations } from './testing/index.js';

export * from './bank/index.js';
export * from './testing/index.js';
export * from './published/exam-results.js';
export { ExamBankModule } from './exam-bank.module.js';

export const examBankEntities = [...bankEntities, ...testingEntities];
export const examBankMigrations = [...bankMigrations, ...testingMigrations];
export type { AttemptView, CandidateItemView, ReviewView, SaveAck } from './published/candidate-views.js';
