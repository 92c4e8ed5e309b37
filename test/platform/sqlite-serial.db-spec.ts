import { DataSource } from 'typeorm';
import { AuditEntry, dataSourceOptions, serializeSqliteTransactions } from '@app/platform';
import { schema } from '../../apps/api/src/schema.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';

/** Concurrency on the one SQLite connection (on MariaDB the same code runs on the pool). */
describe(`concurrent transactions on ${TEST_DB}`, () => {
  let db: DataSource;
  const configP = freshTestConfig();
  const tick = () => new Promise((r) => setTimeout(r, 5));
  const entry = (reason: string) => ({
    actorId: null,
    actorName: 't',
    action: 'test',
    entityType: 'test',
    entityId: '1',
    agencyId: null,
    before: null,
    after: null,
    reason,
  });
  const reasons = async () =>
    (await db.getRepository(AuditEntry).find({ order: { id: 'ASC' } })).map((e) => e.reason).sort();

  beforeAll(async () => {
    db = serializeSqliteTransactions(await new DataSource(dataSourceOptions(await configP, schema)).initialize());
    await db.runMigrations();
  });
  afterEach(async () => {
    await db.getRepository(AuditEntry).clear();
  });
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(await configP);
  });

  it('runs two transactions that await at the same time, and commits both', async () => {
    const work = (name: string) =>
      db.transaction(async (m) => {
        await m.getRepository(AuditEntry).save(entry(`${name}-1`));
        await tick();
        await m.getRepository(AuditEntry).save(entry(`${name}-2`));
      });
    await Promise.all([work('a'), work('b'), work('c')]);
    expect(await reasons()).toEqual(['a-1', 'a-2', 'b-1', 'b-2', 'c-1', 'c-2']);
  });

  it('keeps a write made outside a transaction when that transaction rolls back', async () => {
    const failing = db
      .transaction(async (m) => {
        await m.getRepository(AuditEntry).save(entry('rolled back'));
        await tick();
        throw new Error('boom');
      })
      .catch((e: Error) => e.message);
    const stray = (async () => {
      await tick();
      await db.getRepository(AuditEntry).save(entry('acknowledged'));
    })();
    expect(await failing).toBe('boom');
    await stray;
    expect(await reasons()).toEqual(['acknowledged']);
  });

  it('keeps nested transactions as savepoints of the outer one', async () => {
    await db.transaction(async (m) => {
      await m.getRepository(AuditEntry).save(entry('outer'));
      await m
        .transaction(async (inner) => {
          await inner.getRepository(AuditEntry).save(entry('inner'));
          throw new Error('undo inner only');
        })
        .catch(() => undefined);
    });
    expect(await reasons()).toEqual(['outer']);
  });
});
