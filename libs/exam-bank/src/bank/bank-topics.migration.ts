import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_TOPICS } from './default-topics.js';

/** Seeds the default topics (the reform areas) at the top of the tree, skipping names already there. */
export class ExamBankDefaultTopics1764202200000 implements MigrationInterface {
  name = 'ExamBankDefaultTopics1764202200000';

  async up(q: QueryRunner): Promise<void> {
    const existing = (await q.query('SELECT name FROM question_topics WHERE parent_id IS NULL')) as { name: string }[];
    const have = new Set(existing.map((r) => r.name));
    for (const [position, name] of DEFAULT_TOPICS.entries()) {
      if (have.has(name)) continue;
      await q.query('INSERT INTO question_topics (parent_id, name, position) VALUES (NULL, ?, ?)', [name, position]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of DEFAULT_TOPICS) {
      await q.query(
        'DELETE FROM question_topics WHERE parent_id IS NULL AND name = ? AND id NOT IN (SELECT topic_id FROM questions) AND id NOT IN (SELECT p.parent_id FROM (SELECT parent_id FROM question_topics WHERE parent_id IS NOT NULL) p)',
        [name],
      );
    }
  }
}
