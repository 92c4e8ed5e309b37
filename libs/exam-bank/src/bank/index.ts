import { ExamBankQuestions1764202000000 } from './bank.migration.js';
import { ExamBankQuestionTitles1764202100000 } from './bank-titles.migration.js';
import { ExamBankDefaultTopics1764202200000 } from './bank-topics.migration.js';
import { QuestionTopic } from './question-topic.entity.js';
import { QuestionVersion } from './question-version.entity.js';
import { Question } from './question.entity.js';

export * from './question.types.js';
export { QuestionBankReader, type DrawableQuestion } from './question-bank.reader.js';
export { TopicService, TopicTree } from './topic.service.js';
export { QuestionService } from './question.service.js';
export { normalizeText } from './domain/normalize-text.js';
export { TARGET_LEVELS, type TargetLevel, type QuestionDraft, type OptionDraft } from './domain/question-draft.js';
export { DEFAULT_TOPICS } from './default-topics.js';
export { Question, QuestionTopic, QuestionVersion };

export const bankEntities = [QuestionTopic, Question, QuestionVersion];
export const bankMigrations = [
  ExamBankQuestions1764202000000,
  ExamBankQuestionTitles1764202100000,
  ExamBankDefaultTopics1764202200000,
];
