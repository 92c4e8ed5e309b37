import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, type AppConfig } from '@app/platform';
import { schema } from '../schema.js';

/**
 * The configured database (.env or the environment, as the server reads it), migrated, for the
 * one-shot commands. The caller destroys it.
 */
export async function openMigratedDatabase(): Promise<{ db: DataSource; config: AppConfig }> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const db = new DataSource(dataSourceOptions(config, schema));
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  return { db, config };
}

/** Prints the error (a person-readable message for a DomainError or ConfigError) and exits with 1. */
export function fail(e: unknown): never {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
