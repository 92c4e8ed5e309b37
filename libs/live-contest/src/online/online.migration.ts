import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

/** Online contests (played over days or weeks): the contest, each official's attempts and answers. */
export class LiveContestOnline1764204100000 implements MigrationInterface {
  name = 'LiveContestOnline1764204100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'online_contests',
        columns: [
          col.id(),
          col.varchar('title', 255),
          col.text('description', true),
          col.int('organizer_id'),
          col.varchar('state', 16),
          col.datetime('opens_at'),
          col.datetime('closes_at'),
          col.text('areas'),
          col.int('max_attempts'),
          col.int('time_limit_sec'),
          col.double('points_per_question'),
          col.bool('shuffle_options', true),
          col.varchar('prediction_question', 500),
          col.double('min_participation'),
          col.text('tie_break'),
          col.datetime('published_at', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'idx_online_contests_organizer', columnNames: ['organizer_id'] },
          { name: 'idx_online_contests_window', columnNames: ['state', 'closes_at'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'online_attempts',
        columns: [
          col.id(),
          col.int('contest_id'),
          col.int('user_id'),
          col.int('agency_id', true),
          col.int('number'),
          col.int('seed'),
          col.text('variant'),
          col.varchar('state', 16),
          col.datetime('started_at'),
          col.datetime('deadline'),
          col.datetime('finished_at', true),
          col.double('score', true),
          col.int('correct_count', true),
          col.int('duration_ms', true),
          col.int('prediction', true),
        ],
        indices: [
          { name: 'uq_online_attempts_number', columnNames: ['contest_id', 'user_id', 'number'], isUnique: true },
          { name: 'idx_online_attempts_state', columnNames: ['state', 'deadline'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'online_answers',
        columns: [
          col.id(),
          col.int('attempt_id'),
          col.int('item_index'),
          col.varchar('chosen', 64),
          col.datetime('saved_at'),
        ],
        indices: [{ name: 'uq_online_answers_item', columnNames: ['attempt_id', 'item_index'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['online_answers', 'online_attempts', 'online_contests']) await q.dropTable(t);
  }
}
