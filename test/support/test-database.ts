import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { loadConfig, type AppConfig } from '@app/platform';

/** Which database the db and e2e suites run on: TEST_DB=sqlite (default) or TEST_DB=mysql. */
export const TEST_DB: 'sqlite' | 'mysql' = process.env.TEST_DB === 'mysql' ? 'mysql' : 'sqlite';

function mysqlAdminUrl(): string {
  const url = process.env.TEST_MYSQL_URL;
  if (!url) {
    throw new Error('TEST_DB=mysql needs TEST_MYSQL_URL (scripts/services.sh start DIR prints it)');
  }
  return url;
}

/**
 * A fresh, empty database for one test file and a configuration pointing at it. SQLite: a file in
 * the temp folder. MySQL: a new database on the private MariaDB the test command started.
 */
export async function freshTestConfig(env: Record<string, string> = {}): Promise<AppConfig> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = { NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', SEED_DEMO: 'false', PORT: '0' };
  if (TEST_DB === 'sqlite') {
    return loadConfig({ ...base, DB_TYPE: 'sqlite', DB_PATH: join(tmpdir(), `${name}.sqlite`), ...env });
  }
  const admin = await createConnection(mysqlAdminUrl());
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return loadConfig({ ...base, DB_TYPE: 'mariadb', DB_URL: `${mysqlAdminUrl()}/${name}`, ...env });
}

/** Removes what freshTestConfig made. */
export async function dropTestDatabase(config: AppConfig): Promise<void> {
  if (config.isSqlite) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(config.DB_PATH + suffix, { force: true });
    return;
  }
  const name = new URL(config.DB_URL!).pathname.slice(1);
  const admin = await createConnection(mysqlAdminUrl());
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.end();
}
