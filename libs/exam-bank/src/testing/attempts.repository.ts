import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager, type QueryRunner } from 'typeorm';
import type { AttemptGrade } from './domain/grading.js';
import { ExamAnswer } from './exam-answer.entity.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import type { AttemptState } from './testing.types.js';

/** 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: how both SQLite and MariaDB store the datetime(3) columns. */
export const dbTime = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

export type ClosingState = Exclude<AttemptState, 'in_progress'>;

/**
 * Attempts and their answers. The writes that must never lose or double anything (saving an
 * answer, closing an attempt) are single guarded statements, so that a save and a submit racing
 * each other settle the same way on SQLite and MariaDB: either the answer is in the grade or it
 * was refused.
 */
@Injectable()
export class AttemptsRepository {
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sqlite = db.options.type === 'better-sqlite3';
  }

  private repo(m: EntityManager = this.db.manager) {
    return m.getRepository(ExamAttempt);
  }

  private async affected(sql: string, params: unknown[], m?: EntityManager): Promise<number> {
    const own: QueryRunner | undefined = m?.queryRunner ? undefined : this.db.createQueryRunner();
    const runner = m?.queryRunner ?? own!;
    try {
      const result = await runner.query(sql, params, true);
      return result.affected ?? 0;
    } finally {
      if (own) await own.release();
    }
  }

  findById(id: number, m?: EntityManager): Promise<ExamAttempt | null> {
    return this.repo(m).findOneBy({ id });
  }

  findForCandidate(sessionId: number, candidateId: number): Promise<ExamAttempt | null> {
    return this.repo().findOneBy({ sessionId, candidateId });
  }

  findBySession(sessionId: number): Promise<ExamAttempt[]> {
    return this.repo().find({ where: { sessionId }, order: { id: 'ASC' } });
  }

  findGradedBySessions(sessionIds: number[], m?: EntityManager): Promise<ExamAttempt[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.repo(m).find({
      where: { sessionId: In(sessionIds), state: In(['submitted', 'expired_graded']) },
      order: { id: 'ASC' },
    });
  }

  /** Inserts without reading the row back (a start must stay cheap); returns the new id. */
  async insert(attempt: Partial<ExamAttempt>, m?: EntityManager): Promise<number> {
    const result = await this.repo(m)
      .createQueryBuilder()
      .insert()
      .into(ExamAttempt)
      .values(attempt)
      .updateEntity(false)
      .execute();
    const raw = result.raw as { insertId?: number } | number;
    return Number(result.identifiers[0]?.id ?? (typeof raw === 'number' ? raw : raw.insertId));
  }

  /**
   * Saves one answer only while the attempt is open and before its deadline, in one statement;
   * resending the same answer rewrites the same row. False when the guard refused it.
   */
  async upsertAnswer(
    attemptId: number,
    itemIndex: number,
    chosen: string[],
    now: Date,
    sequential: boolean,
  ): Promise<boolean> {
    const guard = `FROM exam_attempts WHERE id = ? AND state = 'in_progress' AND deadline > ?${sequential ? ' AND position <= ?' : ''}`;
    const upsert = this.sqlite
      ? `ON CONFLICT(attempt_id, item_index) DO UPDATE SET chosen = excluded.chosen, saved_at = excluded.saved_at, revision = exam_answers.revision + 1`
      : `ON DUPLICATE KEY UPDATE chosen = VALUES(chosen), saved_at = VALUES(saved_at), revision = exam_answers.revision + 1`;
    const sql = `INSERT INTO exam_answers (attempt_id, item_index, chosen, flagged, saved_at, revision) SELECT ?, ?, ?, 0, ?, 1 ${guard} ${upsert}`;
    const at = dbTime(now);
    const params: unknown[] = [attemptId, itemIndex, JSON.stringify(chosen), at, attemptId, at];
    if (sequential) params.push(itemIndex);
    const n = await this.affected(sql, params);
    if (n > 0 && sequential) {
      await this.affected('UPDATE exam_attempts SET position = ? WHERE id = ? AND position < ?', [
        itemIndex,
        attemptId,
        itemIndex,
      ]);
    }
    return n > 0;
  }

  /** Sets or clears the review flag of one item, under the same guard as an answer. */
  async upsertFlag(attemptId: number, itemIndex: number, flagged: boolean, now: Date): Promise<boolean> {
    const upsert = this.sqlite
      ? `ON CONFLICT(attempt_id, item_index) DO UPDATE SET flagged = excluded.flagged, saved_at = excluded.saved_at, revision = exam_answers.revision + 1`
      : `ON DUPLICATE KEY UPDATE flagged = VALUES(flagged), saved_at = VALUES(saved_at), revision = exam_answers.revision + 1`;
    const sql = `INSERT INTO exam_answers (attempt_id, item_index, chosen, flagged, saved_at, revision) SELECT ?, ?, '[]', ?, ?, 1 FROM exam_attempts WHERE id = ? AND state = 'in_progress' AND deadline > ? ${upsert}`;
    const at = dbTime(now);
    return (await this.affected(sql, [attemptId, itemIndex, flagged ? 1 : 0, at, attemptId, at])) > 0;
  }

  answersOf(attemptId: number, m?: EntityManager): Promise<ExamAnswer[]> {
    return (m ?? this.db.manager).getRepository(ExamAnswer).find({ where: { attemptId }, order: { itemIndex: 'ASC' } });
  }

  answersOfMany(attemptIds: number[], m?: EntityManager): Promise<ExamAnswer[]> {
    if (attemptIds.length === 0) return Promise.resolve([]);
    return (m ?? this.db.manager).getRepository(ExamAnswer).find({ where: { attemptId: In(attemptIds) } });
  }

  /** Open attempts whose deadline has passed, oldest first. */
  async dueForClosing(now: Date, limit: number): Promise<number[]> {
    const rows = await this.repo()
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .where("a.state = 'in_progress'")
      .andWhere('a.deadline <= :now', { now: dbTime(now) })
      .orderBy('a.deadline', 'ASC')
      .limit(limit)
      .getRawMany<{ id: number }>();
    return rows.map((r) => Number(r.id));
  }

  /**
   * Moves an open attempt to a closed state; true only for the caller that made the change, so two
   * server instances (or a submit racing the sweeper) never grade the same attempt twice.
   */
  async claimForClosing(id: number, state: ClosingState, submittedAt: Date, m: EntityManager): Promise<boolean> {
    const n = await this.affected(
      `UPDATE exam_attempts SET state = ?, submitted_at = ? WHERE id = ? AND state = 'in_progress'`,
      [state, dbTime(submittedAt), id],
      m,
    );
    return n > 0;
  }

  async saveGrade(id: number, grade: AttemptGrade, gradedAt: Date, m: EntityManager): Promise<void> {
    await this.repo(m).update(
      { id },
      {
        score: grade.score,
        maxScore: grade.maxScore,
        passed: grade.passed,
        partScores: grade.parts,
        itemScores: grade.items,
        gradedAt,
      },
    );
  }

  async setDeadline(id: number, deadline: Date): Promise<void> {
    await this.repo().update({ id, state: 'in_progress' }, { deadline });
  }
}
