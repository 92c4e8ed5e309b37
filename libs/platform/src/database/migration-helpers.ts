import { Table, type QueryRunner, type TableColumnOptions } from 'typeorm';
import type { TableOptions } from 'typeorm/schema-builder/options/TableOptions.js';

/**
 * Column shapes that mean the same on SQLite and MariaDB, for migrations written with the
 * QueryRunner Table API. Entities use the matching decorators noted beside each.
 */
export const col = {
  /** @PrimaryGeneratedColumn() */
  id: (name = 'id'): TableColumnOptions => ({
    name,
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  /** @Column({ type: 'int' }) — a foreign key or any whole number ('integer' here settles on both) */
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  /** @Column({ type: 'varchar', length }) */
  varchar: (name: string, length = 255, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  /** @Column({ type: 'text' }) — long text and simple-json */
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  /** @Column({ type: 'boolean' }) */
  bool: (name: string, dflt: boolean): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 }),
  /** @Column({ type: 'double' }) */
  double: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double', isNullable: nullable }),
  /** @Column({ type: 'datetime', precision: 3 }) — always UTC */
  datetime: (name: string, nullable = false): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    isNullable: nullable,
  }),
  /** @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' }) */
  updatedAt: (name = 'updated_at'): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 6,
    default: 'CURRENT_TIMESTAMP(6)',
    onUpdate: 'CURRENT_TIMESTAMP(6)',
  }),
  /** @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' }) */
  createdAt: (name = 'created_at'): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 6,
    default: 'CURRENT_TIMESTAMP(6)',
  }),
};

/**
 * A table for the migration's database: the created_at default is written per dialect, as
 * TypeORM writes it for @CreateDateColumn (SQLite: datetime('now'), MariaDB: CURRENT_TIMESTAMP(6)).
 */
export function table(queryRunner: QueryRunner, options: TableOptions): Table {
  const sqlite = queryRunner.connection.options.type === 'better-sqlite3';
  const columns = (options.columns ?? []).map((c) =>
    c.default === 'CURRENT_TIMESTAMP(6)' && sqlite ? { ...c, default: "datetime('now')", onUpdate: undefined } : c,
  );
  return new Table({ ...options, columns });
}
