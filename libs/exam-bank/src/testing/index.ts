import { ExamAnswer } from './exam-answer.entity.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import { ExamCandidate } from './exam-candidate.entity.js';
import { ExamSession } from './exam-session.entity.js';
import { TestTemplate } from './test-template.entity.js';
import { ExamTesting1764203000000 } from './testing.migration.js';

export * from './testing.types.js';
export { ExamAnswer, ExamAttempt, ExamCandidate, ExamSession, TestTemplate };
export { TestingModule } from './testing.module.js';

export const testingEntities = [TestTemplate, ExamSession, ExamCandidate, ExamAttempt, ExamAnswer];
export const testingMigrations = [ExamTesting1764203000000];
export { drawQuestions, orderOptions, DrawShortage, type DrawPart } from './domain/variant-draw.js';
export { VersionCache } from './version-cache.js';
