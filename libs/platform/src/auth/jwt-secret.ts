import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/**
 * JWT_SECRET when set. Otherwise, on the embedded default, a secret made once and kept beside the
 * SQLite file so that logins survive a restart; with MySQL outside production, one per process.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (!config.isSqlite || config.DB_PATH === ':memory:') return randomBytes(32).toString('hex');
  const file = join(dirname(config.DB_PATH), '.jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
