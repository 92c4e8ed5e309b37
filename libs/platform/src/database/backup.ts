import { spawn } from 'node:child_process';
import { copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import type { AppConfig } from '../config/app-config.js';

/**
 * Backups of the configured database to one file, and restores from it.
 * - SQLite: SQLite's online backup (consistent while the server runs). Restore replaces the file:
 *   stop the server first.
 * - MySQL/MariaDB: mysqldump/mariadb-dump with --single-transaction (consistent, no locks on InnoDB).
 *   Restore replays the dump (DROP + CREATE + INSERT) into the configured database.
 */
export async function backupDatabase(config: AppConfig, file: string): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  if (config.isSqlite) {
    const db = new Database(config.DB_PATH, { readonly: true, fileMustExist: true });
    try {
      await db.backup(file);
    } finally {
      db.close();
    }
    return;
  }
  const c = mysqlConnection(config);
  const dump = (await which('mariadb-dump')) ?? (await which('mysqldump'));
  if (!dump) throw new Error('Backup of MySQL/MariaDB needs mariadb-dump or mysqldump (Debian: mariadb-client)');
  await run(
    dump,
    [
      ...c.args,
      '--single-transaction',
      '--routines',
      '--triggers',
      '--hex-blob',
      '--default-character-set=utf8mb4',
      c.database,
    ],
    c.env,
    { stdout: file },
  );
}

export async function restoreDatabase(config: AppConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (config.isSqlite) {
    for (const suffix of ['-wal', '-shm']) rmSync(config.DB_PATH + suffix, { force: true });
    mkdirSync(dirname(config.DB_PATH), { recursive: true });
    copyFileSync(file, config.DB_PATH);
    return;
  }
  const c = mysqlConnection(config);
  const client = (await which('mariadb')) ?? (await which('mysql'));
  if (!client) throw new Error('Restore of MySQL/MariaDB needs the mariadb or mysql client (Debian: mariadb-client)');
  await run(client, [...c.args, '--default-character-set=utf8mb4', c.database], c.env, { stdin: file });
}

function mysqlConnection(config: AppConfig): { args: string[]; env: NodeJS.ProcessEnv; database: string } {
  const u = config.DB_URL ? new URL(config.DB_URL) : null;
  const host = u ? u.hostname : config.DB_HOST;
  const port = u ? u.port || '3306' : String(config.DB_PORT);
  const user = u ? decodeURIComponent(u.username) : config.DB_USER;
  const password = u ? decodeURIComponent(u.password) : config.DB_PASSWORD;
  const database = u ? u.pathname.slice(1) : config.DB_NAME;
  // The password goes by environment, never on the command line where `ps` shows it.
  return {
    args: ['--no-defaults', `--host=${host}`, `--port=${port}`, `--user=${user}`, '--protocol=tcp'],
    env: { ...process.env, MYSQL_PWD: password },
    database,
  };
}

function which(cmd: string): Promise<string | null> {
  return new Promise((ok) => {
    const p = spawn('sh', ['-c', `command -v ${cmd}`]);
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (code) => ok(code === 0 ? out.trim() : null));
  });
}

/** Runs the tool with a file as stdin or stdout; resolves once the process and the file are done. */
async function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  io: { stdout?: string; stdin?: string },
): Promise<void> {
  const p = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((ok, fail) => {
    p.on('error', fail);
    p.on('close', ok);
  });
  const streams = [
    io.stdout ? pipeline(p.stdout, createWriteStream(io.stdout)) : (p.stdout.resume(), Promise.resolve()),
    io.stdin ? pipeline(createReadStream(io.stdin), p.stdin) : (p.stdin.end(), Promise.resolve()),
  ];
  const [code] = await Promise.all([exited, ...streams]);
  if (code !== 0) throw new Error(`${cmd} failed (${code}): ${err.trim()}`);
}
