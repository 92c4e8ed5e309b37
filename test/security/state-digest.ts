import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * A digest of every row of every table of the product, to show that a refused request changed
 * nothing. MariaDB computes it (CHECKSUM TABLE, one statement); on SQLite the rows are hashed here.
 */
export async function stateDigest(db: DataSource): Promise<string> {
  const tables = [...new Set(db.entityMetadatas.map((m) => m.tableName))].sort();
  const hash = createHash('sha256');
  if (db.options.type === 'better-sqlite3') {
    for (const t of tables) hash.update(t).update(JSON.stringify(await db.query(`SELECT * FROM "${t}"`)));
  } else {
    const rows = (await db.query(`CHECKSUM TABLE ${tables.map((t) => `\`${t}\``).join(', ')}`)) as {
      Table: string;
      Checksum: string | number | null;
    }[];
    for (const r of rows) hash.update(`${r.Table}=${r.Checksum}`);
  }
  return hash.digest('hex');
}

/** Which tables differ between two snapshots (for the failure message). */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = [...new Set(db.entityMetadatas.map((m) => m.tableName))].sort();
  const q = db.options.type === 'better-sqlite3' ? (t: string) => `"${t}"` : (t: string) => `\`${t}\``;
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${q(t)}`))[0].n);
  return out;
}
