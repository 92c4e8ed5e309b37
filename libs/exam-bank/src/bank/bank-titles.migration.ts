import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '@app/platform';

/** Question titles (Moodle names) and the normalised tag index used by the tag filter. */
export class ExamBankQuestionTitles1764202100000 implements MigrationInterface {
  name = 'ExamBankQuestionTitles1764202100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('questions', [
      new TableColumn(col.varchar('title', 255, true)),
      new TableColumn(col.text('tag_index', true)),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('questions', 'tag_index');
    await q.dropColumn('questions', 'title');
  }
}
