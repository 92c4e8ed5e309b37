import { DataSource } from 'typeorm';
import { AuditEntry, dataSourceOptions } from '@app/platform';
import { schema } from '../../apps/api/src/schema.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';

describe(`the schema on ${TEST_DB}`, () => {
  let db: DataSource;
  const configP = freshTestConfig();

  beforeAll(async () => {
    db = new DataSource(dataSourceOptions(await configP, schema));
    await db.initialize();
    await db.runMigrations();
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(await configP);
  });

  it('needs no change after the migrations: entities and migrations agree', async () => {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query).join('\n')).toEqual('');
  });

  it('keeps Vietnamese text and 4-byte characters intact', async () => {
    const text = 'Sở Nội vụ tỉnh Đồng Tháp — Chỉ số CCHC 🏆 đạt hạng Ⅰ: “Tốt”';
    const saved = await db.getRepository(AuditEntry).save({
      actorId: null,
      actorName: text,
      action: 'test.roundtrip',
      entityType: 'test',
      entityId: '1',
      agencyId: null,
      before: { note: text },
      after: null,
      reason: text,
    });
    const back = await db.getRepository(AuditEntry).findOneByOrFail({ id: saved.id });
    expect(back.actorName).toBe(text);
    expect(back.reason).toBe(text);
    expect(back.before).toEqual({ note: text });
  });

  it('can undo every migration and apply them again', async () => {
    const count = (db.migrations as unknown[]).length;
    for (let i = 0; i < count; i++) await db.undoLastMigration();
    await db.runMigrations();
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries).toHaveLength(0);
  });
});
