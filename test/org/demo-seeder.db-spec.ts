import { DataSource } from 'typeorm';
import { Agency, DEMO_AGENCIES, DEMO_USERS, DemoOrg, DemoOrgSeeder, User } from '@app/org';
import { dataSourceOptions, Role } from '@app/platform';
import { schema } from '../../apps/api/src/schema.js';
import { dropTestDatabase, freshTestConfig, TEST_DB } from '../support/test-database.js';

describe(`the demo seeder on ${TEST_DB}`, () => {
  let db: DataSource;
  const configP = freshTestConfig();

  beforeEach(async () => {
    db = new DataSource(dataSourceOptions(await configP, schema));
    await db.initialize();
    await db.runMigrations();
  });
  afterEach(async () => {
    await db.dropDatabase();
    await db.destroy();
  });
  afterAll(async () => {
    await dropTestDatabase(await configP);
  });

  it('refuses, and writes nothing, when a demo username is taken by real data', async () => {
    await db.getRepository(User).save({
      username: 'official3',
      fullName: 'Người thật',
      passwordHash: 'x',
      role: Role.Official,
      agencyId: null,
      email: null,
      active: true,
    });
    await expect(new DemoOrgSeeder(db).seed()).rejects.toMatchObject({ code: 'DEMO_COLLISION' });
    expect(await db.getRepository(Agency).count()).toBe(0);
    expect(await DemoOrg.load(db.manager)).toBeNull();
  }, 60_000);

  it('seeds once: a second call finds the province and does nothing', async () => {
    const first = await new DemoOrgSeeder(db).seed();
    expect(first!.accounts.map((a) => a.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(new Set(first!.accounts.map((a) => a.password)).size).toBe(DEMO_USERS.length);
    expect(await new DemoOrgSeeder(db).seed()).toBeNull();
    expect(await db.getRepository(Agency).count()).toBe(DEMO_AGENCIES.length);
    const loaded = (await DemoOrg.load(db.manager))!;
    expect(loaded.agencyId('X-MH-02')).toBe(first!.org.demoCommuneId);
  }, 60_000);
});
