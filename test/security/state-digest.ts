import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** SQLite: the last digest and the connection's count of changed rows when it was taken. */
const lastSqlite = new WeakMap<DataSource, { changes: number; digest: string }>();

/**
 * A digest of every row of every table of the product, to show that a refused request changed
 * nothing. MariaDB computes it (CHECKSUM TABLE, one statement). On SQLite the rows are hashed here,
 * and only when the server's one connection has changed a row since the last digest
 * (total_changes(): no row changed means no state changed).
 */
export async function stateDigest(db: DataSource): Promise<string> {
  const tables = [...new Set(db.entityMetadatas.map((m) => m.tableName))].sort();
  const hash = createHash('sha256');
  if (db.options.type !== 'better-sqlite3') {
    const rows = (await db.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`)) as {
      Table: string;
      Checksum: string | number | null;
    }[];
    for (const r of rows) hash.update(`${r.Table}=${r.Checksum}`);
    return hash.digest('hex');
  }
  const changes = Number((await db.query('SELECT total_changes() AS n'))[0].n);
  const last = lastSqlite.get(db);
  if (last?.changes === changes) return last.digest;
  for (const t of tables) hash.update(t).update(JSON.stringify(await db.query(`SELECT * FROM "${t}"`)));
  const digest = hash.digest('hex');
  lastSqlite.set(db, { changes, digest });
  return digest;
}
