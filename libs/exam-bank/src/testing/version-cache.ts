import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { QuestionBankReader } from '../bank/question-bank.reader.js';
import type { QuestionVersion } from '../bank/question-version.entity.js';

const MAX_ENTRIES = 50_000;

/**
 * Question versions by id, kept in memory. A version an attempt has shown is never edited again
 * (edits make new versions), so what is cached stays true; starts and grading read from here.
 * Concurrent requests for the same versions share one query (a room starting at once).
 */
@Injectable()
export class VersionCache {
  private readonly byId = new Map<number, QuestionVersion>();
  private readonly loading = new Map<number, Promise<void>>();
  /** Versions already marked as used by this process, or being marked. */
  private readonly marked = new Map<number, Promise<void>>();
  /** Versions whose marking has finished. */
  private readonly markedDone = new Set<number>();

  constructor(private readonly bank: QuestionBankReader) {}

  async get(ids: readonly number[], m?: EntityManager): Promise<Map<number, QuestionVersion>> {
    const known = this.allKnown(ids);
    if (known) return known;
    const missing = [...new Set(ids)].filter((id) => !this.byId.has(id) && !this.loading.has(id));
    if (missing.length) {
      if (this.byId.size + missing.length > MAX_ENTRIES) this.byId.clear();
      const load = this.bank.versions(missing, m).then((vs) => {
        for (const v of vs) this.byId.set(v.id, v);
      });
      const settled = load.finally(() => missing.forEach((id) => this.loading.delete(id)));
      missing.forEach((id) => this.loading.set(id, settled));
    }
    await Promise.all([...new Set(ids.map((id) => this.loading.get(id)).filter((p) => p !== undefined))]);
    const out = new Map<number, QuestionVersion>();
    for (const id of ids) {
      const v = this.byId.get(id);
      if (v) out.set(id, v);
    }
    return out;
  }

  /** The versions when every one is in memory already (every start and save after the first), else null. */
  private allKnown(ids: readonly number[]): Map<number, QuestionVersion> | null {
    const out = new Map<number, QuestionVersion>();
    for (const id of ids) {
      const v = this.byId.get(id);
      if (!v) return null;
      out.set(id, v);
    }
    return out;
  }

  /**
   * Marks versions as used (from now on, editing their questions makes new versions) before an
   * attempt shows them; each version is marked once per process however many start at once.
   */
  async markUsed(ids: readonly number[]): Promise<void> {
    if (ids.every((id) => this.markedDone.has(id))) return;
    const todo = [...new Set(ids)].filter((id) => !this.marked.has(id));
    if (todo.length) {
      if (this.marked.size > MAX_ENTRIES) this.marked.clear();
      if (this.markedDone.size > MAX_ENTRIES) this.markedDone.clear();
      const run = this.bank.markUsed(todo).then(
        () => todo.forEach((id) => this.markedDone.add(id)),
        (e: unknown) => {
          todo.forEach((id) => this.marked.delete(id));
          throw e;
        },
      );
      todo.forEach((id) => this.marked.set(id, run));
    }
    await Promise.all([...new Set(ids.map((id) => this.marked.get(id)).filter((p) => p !== undefined))]);
  }
}
