import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

/** PAR Index: schemes and their criteria trees, agency scorecards, their items and evidence files. */
export class ResultsParIndex1764205000000 implements MigrationInterface {
  name = 'ResultsParIndex1764205000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'par_schemes',
        columns: [
          col.id(),
          col.int('year'),
          col.varchar('level_code', 32),
          col.varchar('name', 255),
          col.int('scale_centi'),
          col.varchar('status', 16),
          col.text('ranking', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'uq_par_schemes_year_level_name', columnNames: ['year', 'level_code', 'name'], isUnique: true },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'par_scheme_nodes',
        columns: [
          col.id(),
          col.int('scheme_id'),
          col.int('parent_id', true),
          col.int('depth'),
          col.int('position'),
          col.varchar('code', 64),
          col.varchar('name', 500),
          col.int('max_centi'),
          col.varchar('source', 32, true),
          col.text('config', true),
        ],
        indices: [{ name: 'uq_par_scheme_nodes_code', columnNames: ['scheme_id', 'code'], isUnique: true }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'par_scorecards',
        columns: [
          col.id(),
          col.int('scheme_id'),
          col.int('agency_id'),
          col.varchar('state', 24),
          col.datetime('submitted_at', true),
          col.datetime('appraised_at', true),
          col.datetime('published_at', true),
          col.text('reopen_reason', true),
          col.createdAt(),
          col.updatedAt(),
        ],
        indices: [
          { name: 'uq_par_scorecards_scheme_agency', columnNames: ['scheme_id', 'agency_id'], isUnique: true },
          { name: 'idx_par_scorecards_agency', columnNames: ['agency_id'] },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'par_scorecard_items',
        columns: [
          col.id(),
          col.int('scorecard_id'),
          col.int('node_id'),
          col.int('self_centi', true),
          col.text('explanation', true),
          col.int('appraised_centi', true),
          col.text('appraisal_note', true),
          col.int('derived_centi', true),
          col.text('derivation', true),
          col.bool('flagged', false),
          col.updatedAt(),
        ],
        indices: [{ name: 'uq_par_scorecard_items_leaf', columnNames: ['scorecard_id', 'node_id'], isUnique: true }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'par_evidence_files',
        columns: [
          col.id(),
          col.int('scorecard_id'),
          col.int('item_id'),
          col.int('agency_id'),
          col.varchar('original_name', 255),
          col.varchar('file_type', 16),
          col.int('size_bytes'),
          col.varchar('sha256', 64),
          col.varchar('stored_path', 255),
          col.int('uploaded_by', true),
          col.createdAt(),
        ],
        indices: [
          { name: 'idx_par_evidence_item', columnNames: ['item_id'] },
          { name: 'idx_par_evidence_scorecard', columnNames: ['scorecard_id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('par_evidence_files');
    await q.dropTable('par_scorecard_items');
    await q.dropTable('par_scorecards');
    await q.dropTable('par_scheme_nodes');
    await q.dropTable('par_schemes');
  }
}
