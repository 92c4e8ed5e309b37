import type { MigrationInterface, QueryRunner } from 'typeorm';
import { col, table } from './migration-helpers.js';

export class PlatformAuditLog1764201600000 implements MigrationInterface {
  name = 'PlatformAuditLog1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      table(q, {
        name: 'audit_log',
        columns: [
          col.id(),
          col.createdAt(),
          col.int('actor_id', true),
          col.varchar('actor_name', 255),
          col.varchar('action', 64),
          col.varchar('entity_type', 64),
          col.varchar('entity_id', 64),
          col.int('agency_id', true),
          col.text('before', true),
          col.text('after', true),
          col.text('reason', true),
        ],
        indices: [{ name: 'idx_audit_entity', columnNames: ['entity_type', 'entity_id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
  }
}
