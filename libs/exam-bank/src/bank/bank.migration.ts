import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

export class ExamBankQuestions1764202000000 implements MigrationInterface {
  name = 'ExamBankQuestions1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'question_topics',
        columns: [
          col.id(),
          col.int('parent_id', true),
          col.varchar('name', 255),
          { name: 'position', type: 'integer', default: 0 },
        ],
        indices: [{ name: 'idx_question_topics_parent', columnNames: ['parent_id'] }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'questions',
        columns: [
          col.id(),
          col.int('topic_id'),
          col.int('current_version_id', true),
          col.varchar('status', 16),
          col.varchar('difficulty', 16),
          col.varchar('target_level', 32, true),
          col.text('tags'),
          col.varchar('normalized_text', 512),
          col.varchar('external_id', 100, true),
          col.int('created_by', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'idx_questions_topic', columnNames: ['topic_id'] },
          { name: 'idx_questions_status', columnNames: ['status'] },
          { name: 'idx_questions_normalized', columnNames: ['normalized_text'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'question_versions',
        columns: [
          col.id(),
          col.int('question_id'),
          col.int('version'),
          col.varchar('type', 16),
          col.text('stem'),
          col.text('options'),
          col.varchar('scoring_mode', 16),
          { name: 'points', type: 'double', default: 1 },
          col.bool('fixed_order', false),
          col.text('explanation', true),
          col.bool('used', false),
          col.createdAt(),
        ],
        indices: [{ name: 'uq_question_versions_number', columnNames: ['question_id', 'version'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('question_versions');
    await q.dropTable('questions');
    await q.dropTable('question_topics');
  }
}
