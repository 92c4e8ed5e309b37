import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

export class ExamTesting1764203000000 implements MigrationInterface {
  name = 'ExamTesting1764203000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'exam_templates',
        columns: [
          col.id(),
          col.varchar('name', 255),
          col.text('description', true),
          col.varchar('navigation', 16),
          { name: 'pass_percent', type: 'double', default: 50 },
          col.text('parts'),
          col.int('created_by', true),
          col.createdAt(),
          col.updatedAt(),
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'exam_sessions',
        columns: [
          col.id(),
          col.int('template_id'),
          col.varchar('name', 255),
          col.varchar('purpose', 16),
          col.int('agency_id', true),
          col.varchar('job_position', 255, true),
          col.int('quota', true),
          col.datetime('opens_at'),
          col.datetime('closes_at'),
          col.int('duration_seconds'),
          col.varchar('review_shows', 24),
          col.varchar('review_when', 16),
          col.text('tie_break', true),
          col.text('settings'),
          col.int('created_by', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'idx_exam_sessions_template', columnNames: ['template_id'] },
          { name: 'idx_exam_sessions_agency', columnNames: ['agency_id'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'exam_candidates',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('user_id', true),
          col.varchar('candidate_number', 32, true),
          col.varchar('full_name', 255),
          col.int('agency_id', true),
          col.varchar('access_code_hash', 128, true),
          { name: 'extra_seconds', type: 'integer', default: 0 },
          { name: 'priority_points', type: 'double', default: 0 },
          col.createdAt(),
        ],
        indices: [
          { name: 'uq_exam_candidates_user', columnNames: ['session_id', 'user_id'], isUnique: true },
          { name: 'uq_exam_candidates_number', columnNames: ['session_id', 'candidate_number'], isUnique: true },
          { name: 'idx_exam_candidates_number', columnNames: ['candidate_number'] },
          { name: 'idx_exam_candidates_user', columnNames: ['user_id'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'exam_attempts',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('candidate_id'),
          col.int('seed'),
          col.text('variant'),
          col.datetime('started_at'),
          col.datetime('deadline'),
          col.varchar('state', 20),
          { name: 'position', type: 'integer', default: 0 },
          col.datetime('submitted_at', true),
          col.datetime('graded_at', true),
          col.double('score', true),
          col.double('max_score', true),
          { name: 'passed', type: 'boolean', isNullable: true },
          col.text('part_scores', true),
          col.text('item_scores', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'uq_exam_attempts_candidate', columnNames: ['session_id', 'candidate_id'], isUnique: true },
          { name: 'idx_exam_attempts_due', columnNames: ['state', 'deadline'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'exam_answers',
        columns: [
          col.id(),
          col.int('attempt_id'),
          col.int('item_index'),
          col.text('chosen'),
          col.bool('flagged', false),
          col.datetime('saved_at'),
          { name: 'revision', type: 'integer', default: 1 },
        ],
        indices: [{ name: 'uq_exam_answers_item', columnNames: ['attempt_id', 'item_index'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('exam_answers');
    await q.dropTable('exam_attempts');
    await q.dropTable('exam_candidates');
    await q.dropTable('exam_sessions');
    await q.dropTable('exam_templates');
  }
}
