import { ExamBankQuestions1764202000000 } from './bank.migration.js';
import { QuestionTopic } from './question-topic.entity.js';
import { QuestionVersion } from './question-version.entity.js';
import { Question } from './question.entity.js';

export * from './question.types.js';
export { QuestionBankReader, type DrawableQuestion } from './question-bank.reader.js';
export { Question, QuestionTopic, QuestionVersion };

export const bankEntities = [QuestionTopic, Question, QuestionVersion];
export const bankMigrations = [ExamBankQuestions1764202000000];
