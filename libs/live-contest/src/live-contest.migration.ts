import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

export class LiveContestTables1764204000000 implements MigrationInterface {
  name = 'LiveContestTables1764204000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'contests',
        columns: [
          col.id(),
          col.varchar('title', 255),
          col.int('organizer_id'),
          col.varchar('mode', 16),
          col.varchar('team_scoring', 8),
          col.text('tie_break'),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [{ name: 'idx_contests_organizer', columnNames: ['organizer_id'] }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_rounds',
        columns: [
          col.id(),
          col.int('contest_id'),
          col.int('position'),
          col.varchar('title', 255),
          col.varchar('type', 16),
          col.text('settings'),
        ],
        indices: [{ name: 'idx_contest_rounds_contest', columnNames: ['contest_id'] }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_questions',
        columns: [
          col.id(),
          col.int('contest_id'),
          col.int('round_id'),
          col.int('position'),
          col.text('text'),
          col.text('options'),
          col.varchar('correct_key', 16),
          col.int('points'),
          col.int('time_limit_sec'),
          col.int('bank_version_id', true),
        ],
        indices: [{ name: 'idx_contest_questions_round', columnNames: ['round_id'] }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_roster',
        columns: [col.id(), col.int('contest_id'), col.varchar('name', 128), col.int('agency_id')],
        indices: [{ name: 'idx_contest_roster_contest', columnNames: ['contest_id'] }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_sessions',
        columns: [
          col.id(),
          col.int('contest_id'),
          col.varchar('pin', 6),
          col.varchar('state', 16),
          col.int('host_user_id'),
          col.varchar('view_token_hash', 64),
          col.datetime('pin_expires_at'),
          col.datetime('ended_at', true),
          col.createdAt(),
        ],
        indices: [
          { name: 'idx_contest_sessions_pin', columnNames: ['pin'] },
          { name: 'idx_contest_sessions_contest', columnNames: ['contest_id'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_players',
        columns: [
          col.id(),
          col.int('session_id'),
          col.varchar('name', 128),
          col.int('agency_id'),
          col.varchar('token_hash', 64),
          col.bool('kicked', false),
          col.createdAt(),
        ],
        indices: [
          { name: 'idx_contest_players_session', columnNames: ['session_id'] },
          { name: 'uq_contest_players_token', columnNames: ['token_hash'], isUnique: true },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_answers',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('player_id'),
          col.int('question_id'),
          col.varchar('choice', 16),
          col.datetime('received_at'),
          col.int('response_ms'),
        ],
        indices: [
          { name: 'uq_contest_answers_player_question', columnNames: ['player_id', 'question_id'], isUnique: true },
          { name: 'idx_contest_answers_session', columnNames: ['session_id'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_judge_scores',
        columns: [
          col.id(),
          col.int('session_id'),
          col.int('round_id'),
          col.int('agency_id'),
          col.varchar('judge', 128),
          col.double('score'),
        ],
        indices: [
          {
            name: 'uq_contest_judge_scores',
            columnNames: ['session_id', 'round_id', 'judge', 'agency_id'],
            isUnique: true,
          },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'contest_results',
        columns: [
          col.id(),
          col.int('session_id'),
          col.varchar('kind', 16),
          col.int('subject_id'),
          col.int('agency_id', true),
          col.varchar('label', 255),
          col.double('score'),
          col.int('rank', true),
          col.int('correct_count'),
          col.int('answer_count'),
          col.int('correct_time_ms'),
          col.int('participants'),
        ],
        indices: [{ name: 'idx_contest_results_session', columnNames: ['session_id', 'kind'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'contest_results',
      'contest_judge_scores',
      'contest_answers',
      'contest_players',
      'contest_sessions',
      'contest_roster',
      'contest_questions',
      'contest_rounds',
      'contests',
    ]) {
      await q.dropTable(t);
    }
  }
}
