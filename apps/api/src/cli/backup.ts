import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { backupDatabase, loadConfig, restoreDatabase } from '@app/platform';

/**
 * npm run backup -- FILE     back up the configured database to FILE
 * npm run restore -- FILE    restore FILE into the configured database (SQLite: stop the server first)
 */
if (existsSync('.env')) process.loadEnvFile('.env');
const [mode, file] = process.argv.slice(2);
if ((mode !== 'backup' && mode !== 'restore') || !file) {
  console.error('usage: npm run backup -- FILE | npm run restore -- FILE');
  process.exit(2);
}
const config = loadConfig(process.env);
const started = Date.now();
if (mode === 'backup') await backupDatabase(config, file);
else await restoreDatabase(config, file);
console.log(
  `${mode === 'backup' ? 'Backed up' : 'Restored'} ${config.DB_TYPE} ${mode === 'backup' ? 'to' : 'from'} ${file} in ${Date.now() - started} ms`,
);
