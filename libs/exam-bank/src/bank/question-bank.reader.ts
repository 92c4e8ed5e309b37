import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { QuestionVersion } from './question-version.entity.js';
import { Question } from './question.entity.js';
import type { Difficulty } from './question.types.js';

export interface DrawableQuestion {
  questionId: number;
  versionId: number;
  topicId: number;
  difficulty: Difficulty;
}

/**
 * What the testing module reads from the bank: the ready questions a draw rule may pick, the exact
 * versions an attempt shows, and marking versions as used (after which edits make new versions).
 */
@Injectable()
export class QuestionBankReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Ready questions with a current version, optionally limited to topics and a difficulty. */
  async readyQuestions(
    filter: { topicIds?: number[]; difficulty?: Difficulty; targetLevel?: string } = {},
  ): Promise<DrawableQuestion[]> {
    if (filter.topicIds && filter.topicIds.length === 0) return [];
    const qb = this.db
      .getRepository(Question)
      .createQueryBuilder('q')
      .select(['q.id', 'q.currentVersionId', 'q.topicId', 'q.difficulty'])
      .where('q.status = :status', { status: 'ready' })
      .andWhere('q.currentVersionId IS NOT NULL')
      .orderBy('q.id');
    if (filter.topicIds) qb.andWhere('q.topicId IN (:...topicIds)', { topicIds: filter.topicIds });
    if (filter.difficulty) qb.andWhere('q.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.targetLevel) {
      qb.andWhere('(q.targetLevel = :level OR q.targetLevel IS NULL)', { level: filter.targetLevel });
    }
    const rows = await qb.getMany();
    return rows.map((q) => ({
      questionId: q.id,
      versionId: q.currentVersionId!,
      topicId: q.topicId,
      difficulty: q.difficulty,
    }));
  }

  /** The versions with these ids, in no particular order. */
  async versions(ids: number[], manager: EntityManager = this.db.manager): Promise<QuestionVersion[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(QuestionVersion).findBy({ id: In(ids) });
  }

  /** From now on, editing these versions' questions makes new versions. */
  async markUsed(versionIds: number[], manager: EntityManager = this.db.manager): Promise<void> {
    if (versionIds.length === 0) return;
    await manager.getRepository(QuestionVersion).update({ id: In(versionIds), used: false }, { used: true });
  }
}
