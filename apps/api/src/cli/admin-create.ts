import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createAdmin, ensureStandardLevels } from '@app/org';
import { fail, openMigratedDatabase } from './cli-database.js';

/**
 * npm run admin:create -- --username X --password Y [--name "Họ và tên"]
 * Creates an administrator on the configured database (migrating it first when needed).
 */
const usage = 'Usage: npm run admin:create -- --username NAME --password PASSWORD [--name "Full name"]';
let args: { username?: string; password?: string; name?: string };
try {
  args = parseArgs({
    options: { username: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  }).values;
} catch (e) {
  fail(`${(e as Error).message}\n${usage}`);
}
if (!args.username || !args.password) fail(usage);

try {
  const { db } = await openMigratedDatabase();
  try {
    await db.transaction((m) => ensureStandardLevels(m));
    const user = await createAdmin(
      db,
      { username: args.username, password: args.password, fullName: args.name },
      'created with npm run admin:create',
    );
    console.log(`Administrator "${user.username}" created (id ${user.id}).`);
  } finally {
    await db.destroy();
  }
} catch (e) {
  fail(e);
}
