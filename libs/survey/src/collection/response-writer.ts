import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { SurveyAnswer } from './survey-answer.entity.js';
import { SurveyResponse } from './survey-response.entity.js';
import { VisitToken } from './visit-token.entity.js';

/** One checked response, ready to store with the token it spends. */
export interface ResponseToStore {
  token: Omit<VisitToken, 'id'>;
  response: Omit<SurveyResponse, 'id' | 'visitTokenId'>;
  answers: Omit<SurveyAnswer, 'id' | 'responseId'>[];
}

/** stored: committed; spent: the token was already spent (by another request or another server). */
export type WriteOutcome = 'stored' | 'spent';

interface Pending {
  item: ResponseToStore;
  resolve: (o: WriteOutcome) => void;
  reject: (e: unknown) => void;
}

/** Most responses one transaction stores; the rest wait for the next one. */
const MAX_BATCH = 250;
/** Rows per INSERT statement (13 columns × 400 stays well under every driver's placeholder limit). */
const ROWS_PER_INSERT = 400;

const isDuplicate = (e: unknown): boolean => {
  if (!(e instanceof QueryFailedError)) return false;
  const code = (e.driverError as { code?: string } | undefined)?.code ?? '';
  return code === 'ER_DUP_ENTRY' || code.startsWith('SQLITE_CONSTRAINT');
};

/**
 * Stores responses by group commit: responses that arrive while a transaction is being written wait
 * and go together in the next one, a few multi-row statements for all of them. Each caller is
 * answered only after its transaction committed, so nothing acknowledged can be lost, and the
 * unique index on the spent token's hash keeps one response per visit even across servers: a
 * batch that meets a spent token is retried one response at a time, and only that one is refused.
 */
@Injectable()
export class ResponseWriter implements BeforeApplicationShutdown {
  private readonly log = new Logger('ResponseWriter');
  private queue: Pending[] = [];
  private draining: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  write(item: ResponseToStore): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // Let the requests of the same turn of the event loop join before writing.
      this.draining ??= new Promise<void>((done) => setImmediate(() => void this.drain().finally(done)));
    });
  }

  /** Writes what is queued before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.flush(batch);
      }
    } finally {
      this.draining = null;
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      await this.db.transaction((m) =>
        this.insertAll(
          m,
          batch.map((p) => p.item),
        ),
      );
      for (const p of batch) p.resolve('stored');
    } catch (e) {
      if (batch.length > 1) {
        // One spent token (or one bad row) must not fail the others: one at a time.
        for (const p of batch) await this.flush([p]);
        return;
      }
      if (isDuplicate(e)) return batch[0].resolve('spent');
      this.log.error(e);
      batch[0].reject(e);
    }
  }

  private async insertAll(m: EntityManager, items: ResponseToStore[]): Promise<void> {
    await this.insertRows(
      m,
      VisitToken,
      items.map((i) => i.token),
    );
    const hashes = items.map((i) => i.token.tokenHash);
    const tokens = await m.getRepository(VisitToken).find({
      select: { id: true, tokenHash: true },
      where: { tokenHash: In(hashes) },
    });
    const tokenId = new Map(tokens.map((t) => [t.tokenHash, t.id]));
    const tokenIds = items.map((i) => tokenId.get(i.token.tokenHash)!);
    await this.insertRows(
      m,
      SurveyResponse,
      items.map((i, n) => ({ ...i.response, visitTokenId: tokenIds[n] })),
    );
    const responses = await m.getRepository(SurveyResponse).find({
      select: { id: true, visitTokenId: true },
      where: { visitTokenId: In(tokenIds) },
    });
    const responseId = new Map(responses.map((r) => [r.visitTokenId, r.id]));
    await this.insertRows(
      m,
      SurveyAnswer,
      items.flatMap((i, n) => i.answers.map((a) => ({ ...a, responseId: responseId.get(tokenIds[n])! }))),
    );
  }

  /**
   * Multi-row INSERTs in plain SQL with `?` placeholders (both drivers take them), values converted
   * by the driver as TypeORM would (dates, booleans): building thousands of named parameters through
   * the query builder cost more than the database did.
   */
  private async insertRows<T extends object>(
    m: EntityManager,
    entity: new () => T,
    rows: Partial<Record<keyof T, unknown>>[],
  ): Promise<void> {
    const meta = this.db.getMetadata(entity);
    const columns = meta.columns.filter((c) => !c.isGenerated && !c.isCreateDate && !c.isUpdateDate);
    const driver = this.db.driver;
    const head = `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      const params: unknown[] = [];
      for (const row of chunk) {
        for (const c of columns) params.push(driver.preparePersistentValue(row[c.propertyName as keyof T], c));
      }
      await m.query(head + chunk.map(() => tuple).join(', '), params);
    }
  }
}
