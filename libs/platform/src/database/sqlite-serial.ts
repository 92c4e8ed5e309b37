import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * SQLite through better-sqlite3 has ONE connection, and TypeORM hands every caller the same query
 * runner. Without care, while one request's transaction awaits, another request's queries run
 * inside it: its writes commit or roll back with someone else's work (an acknowledged answer
 * silently undone), and a second explicit transaction fails ("cannot start a transaction within a
 * transaction") or becomes a savepoint of the first.
 *
 * This makes the shared query runner a lock. Each explicit transaction, and each write through the
 * default EntityManager (which TypeORM wraps in its own transaction), runs in an async context of
 * its own; while a transaction is open, queries from any other context wait until it ends. Nested
 * transactions of the same context stay savepoints, as TypeORM makes them. MySQL/MariaDB need none
 * of this (a pool of connections), so the data source is returned unchanged for them. Work with no
 * context of its own (migrations, raw queries, query builders outside a transaction) shares one
 * identity, so it is kept apart from the identified work but not from itself.
 */
const owner = new AsyncLocalStorage<symbol>();
/** Migrations, raw queries and query builders outside a transaction share one identity. */
const UNNAMED = Symbol('unnamed');
const current = (): symbol => owner.getStore() ?? UNNAMED;

const WRITES = [
  'save',
  'remove',
  'softRemove',
  'recover',
  'insert',
  'update',
  'upsert',
  'delete',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'clear',
] as const;

export function serializeSqliteTransactions(ds: DataSource): DataSource {
  if (ds.options.type !== 'better-sqlite3') return ds;
  const runner: QueryRunner = ds.driver.createQueryRunner('master');
  let holder: symbol | null = null;
  let released: Promise<void> = Promise.resolve();
  let release: () => void = () => undefined;

  const waitForOthers = async (me: symbol): Promise<void> => {
    while (holder !== null && holder !== me) await released;
  };

  // Give explicit transactions and the default manager's writes an identity of their own.
  const manager = ds.manager as EntityManager & Record<string, unknown>;
  const wrap = (name: string): void => {
    const original = manager[name] as (...args: unknown[]) => Promise<unknown>;
    manager[name] = (...args: unknown[]) =>
      owner.getStore() ? original.apply(manager, args) : owner.run(Symbol(name), () => original.apply(manager, args));
  };
  wrap('transaction');
  WRITES.forEach(wrap);

  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;

  runner.startTransaction = async (isolation) => {
    const me = current();
    if (holder === me) return start(isolation); // nested: a savepoint
    // Check and take the lock with no await in between, so two waiters woken together cannot both win.
    while (holder !== null && holder !== me) await released;
    holder = me;
    released = new Promise((ok) => (release = ok));
    try {
      await start(isolation);
    } catch (e) {
      holder = null;
      release();
      throw e;
    }
  };
  const endWith = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (!runner.isTransactionActive && holder !== null) {
        holder = null;
        release();
      }
    }
  };
  runner.commitTransaction = endWith(commit);
  runner.rollbackTransaction = endWith(rollback);
  (runner as unknown as { query: typeof query }).query = async (...args: unknown[]) => {
    await waitForOthers(current());
    return query(...args);
  };
  return ds;
}
