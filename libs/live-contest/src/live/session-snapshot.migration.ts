import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { col } from '@app/platform';

/** A live session plays the contest as it was when the session opened: the snapshot it keeps. */
export class LiveContestSessionSnapshot1764204200000 implements MigrationInterface {
  name = 'LiveContestSessionSnapshot1764204200000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('contest_sessions', new TableColumn(col.text('snapshot', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('contest_sessions', 'snapshot');
  }
}
