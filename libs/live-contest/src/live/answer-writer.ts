import type { ContestAnswer } from './contest-answer.entity.js';

/**
 * Group commit for acknowledged answers: answers arriving while a batch is being written wait for
 * the next batch, so a burst of thousands costs a few INSERTs. `write` resolves once the answer is
 * in the database; only then does the player get the acknowledgement.
 */
export class AnswerWriter {
  private queue: { row: Omit<ContestAnswer, 'id'>; done: (e?: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    private readonly insert: (rows: Omit<ContestAnswer, 'id'>[]) => Promise<void>,
    private readonly maxBatch = 500,
  ) {}

  write(row: Omit<ContestAnswer, 'id'>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (e) => (e === undefined ? resolve() : reject(e as Error)) });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        await this.insert(batch.map((b) => b.row));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.done(e ?? new Error('write failed'));
      }
    }
    this.flushing = false;
  }
}
