import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from '@app/platform';

export class OrgAgenciesUsers1764201700000 implements MigrationInterface {
  name = 'OrgAgenciesUsers1764201700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'agency_levels',
        columns: [
          col.id(),
          col.varchar('code', 32),
          col.varchar('name', 128),
          col.int('depth'),
          col.bool('active', true),
        ],
        indices: [{ name: 'uq_agency_levels_code', columnNames: ['code'], isUnique: true }],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'agencies',
        columns: [
          col.id(),
          col.varchar('code', 32),
          col.varchar('name', 255),
          col.int('level_id'),
          col.int('parent_id', true),
          col.bool('active', true),
          col.int('staff_count', true),
          col.createdAt(),
        ],
        indices: [
          { name: 'uq_agencies_code', columnNames: ['code'], isUnique: true },
          { name: 'idx_agencies_parent', columnNames: ['parent_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_agencies_level',
            columnNames: ['level_id'],
            referencedTableName: 'agency_levels',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
          {
            name: 'fk_agencies_parent',
            columnNames: ['parent_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
    await q.createTable(
      table(q, {
        name: 'users',
        columns: [
          col.id(),
          col.varchar('username', 64),
          col.varchar('full_name', 255),
          col.varchar('password_hash', 255),
          col.varchar('role', 32),
          col.int('agency_id', true),
          col.varchar('email', 255, true),
          col.bool('active', true),
          col.createdAt(),
        ],
        indices: [
          { name: 'uq_users_username', columnNames: ['username'], isUnique: true },
          { name: 'idx_users_agency', columnNames: ['agency_id'] },
        ],
        foreignKeys: [
          {
            name: 'fk_users_agency',
            columnNames: ['agency_id'],
            referencedTableName: 'agencies',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
            onUpdate: 'RESTRICT',
          },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('users');
    await q.dropTable('agencies');
    await q.dropTable('agency_levels');
  }
}
