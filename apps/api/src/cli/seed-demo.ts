import 'reflect-metadata';
import { demoAccountsBlock, DemoOrgSeeder, ensureStandardLevels } from '@app/org';
import { fail, openMigratedDatabase } from './cli-database.js';

/**
 * npm run seed:demo: seeds the demo province into the configured database, MySQL/MariaDB included,
 * and prints the demo accounts once. Skips when the demo province is already there; refuses when
 * its agency codes or usernames are taken by real data.
 */
try {
  const { db, config } = await openMigratedDatabase();
  try {
    await db.transaction((m) => ensureStandardLevels(m));
    const result = await new DemoOrgSeeder(db).seed();
    if (!result) console.log(`The demo province is already in the ${config.DB_TYPE} database: nothing to do.`);
    else process.stdout.write(demoAccountsBlock(result));
  } finally {
    await db.destroy();
  }
} catch (e) {
  fail(e);
}
