import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditEntry, backupDatabase, dataSourceOptions, restoreDatabase } from '@app/platform';
import { schema } from '../../apps/api/src/schema.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';

describe(`backup and restore on ${TEST_DB}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('restores exactly what was there at backup time, Vietnamese text included', async () => {
    const config = await freshTestConfig();
    const open = async (): Promise<DataSource> => new DataSource(dataSourceOptions(config, schema)).initialize();
    let db = await open();
    await db.runMigrations();
    const audit = db.getRepository(AuditEntry);
    const row = (reason: string) => ({
      actorId: null,
      actorName: 'Thanh tra Sở Nội vụ',
      action: 'score.appraised',
      entityType: 'scorecard_item',
      entityId: '7',
      agencyId: null,
      before: { points: 1.5 },
      after: { points: 2 },
      reason,
    });
    await audit.save(row('Bổ sung tài liệu kiểm chứng 📎'));
    await audit.save(row('Điều chỉnh lần hai'));
    const file = join(dir, `backup-${TEST_DB}.${config.isSqlite ? 'sqlite' : 'sql'}`);
    await backupDatabase(config, file);

    // After the backup: one row changed, one added.
    await audit.update({ reason: 'Điều chỉnh lần hai' }, { reason: 'changed after backup' });
    await audit.save(row('added after backup'));
    await db.destroy();

    await restoreDatabase(config, file);
    db = await open();
    const reasons = (await db.getRepository(AuditEntry).find({ order: { id: 'ASC' } })).map((e) => e.reason);
    expect(reasons).toEqual(['Bổ sung tài liệu kiểm chứng 📎', 'Điều chỉnh lần hai']);
    expect(await db.showMigrations()).toBe(false);
    await db.destroy();
    await dropTestDatabase(config);
  });
});
