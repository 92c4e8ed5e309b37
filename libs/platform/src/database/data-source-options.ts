import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';

/** Entity classes and migration classes, listed explicitly. */
export interface Schema {
  entities: MixedList<EntityTarget | EntitySchema>;
  migrations: MixedList<EntityTarget>;
}
type EntityTarget = abstract new (...args: never[]) => unknown;

/**
 * One place that turns the configuration into TypeORM options, for the server, the migrate and
 * seed commands, the tests and the benchmarks. The schema changes only by migrations.
 */
export function dataSourceOptions(config: AppConfig, schema: Schema): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'] as ('error' | 'warn')[],
  };
  if (config.DB_TYPE === 'sqlite') {
    if (config.DB_PATH !== ':memory:') mkdirSync(dirname(config.DB_PATH), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: config.DB_PATH,
      enableWAL: true,
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  const connection = config.DB_URL
    ? { url: config.DB_URL }
    : {
        host: config.DB_HOST,
        port: config.DB_PORT,
        username: config.DB_USER,
        password: config.DB_PASSWORD,
        database: config.DB_NAME,
      };
  return {
    ...common,
    ...connection,
    type: config.DB_TYPE,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    poolSize: config.DB_POOL_SIZE,
    supportBigNumbers: true,
  };
}
