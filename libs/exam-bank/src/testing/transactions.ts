import type { DataSource, EntityManager } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * A transaction, queued behind this module's other transactions on SQLite: better-sqlite3 has one
 * connection per process and refuses a second BEGIN while one is open ("cannot start a
 * transaction within a transaction"), so two submits at the same moment would otherwise fail.
 * MariaDB runs them side by side on the pool.
 */
export function inTransaction<T>(db: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  if (db.options.type !== 'better-sqlite3') return db.transaction(work);
  const previous = queues.get(db) ?? Promise.resolve();
  const run = previous.then(() => db.transaction(work));
  queues.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}
