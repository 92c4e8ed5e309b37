import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { QuestionTopic } from '../bank/question-topic.entity.js';
import { Question } from '../bank/question.entity.js';
import { ExamResultsReader, type GradedAttemptRow, type TopicWeakness } from '../published/exam-results.js';
import { dbTime, utcDate } from './attempts.repository.js';
import { weakestTopics } from './domain/weakest-topics.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import { ExamCandidate } from './exam-candidate.entity.js';
import { ExamSession } from './exam-session.entity.js';
import type { SessionPurpose } from './testing.types.js';

interface Filter {
  agencyIds: number[];
  from?: Date;
  to?: Date;
  sessionIds?: number[];
  purposes: SessionPurpose[];
}

/** The read side of exam results that the results lib (PAR Index) depends on. */
@Injectable()
export class ExamResultsQuery extends ExamResultsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  private graded(f: Filter): SelectQueryBuilder<ExamAttempt> {
    const qb = this.db
      .getRepository(ExamAttempt)
      .createQueryBuilder('a')
      .innerJoin(ExamSession, 's', 's.id = a.sessionId')
      .innerJoin(ExamCandidate, 'c', 'c.id = a.candidateId')
      .where('a.state IN (:...states)', { states: ['submitted', 'expired_graded'] })
      .andWhere('a.gradedAt IS NOT NULL')
      .andWhere('s.purpose IN (:...purposes)', { purposes: f.purposes })
      .andWhere('c.agencyId IN (:...agencyIds)', { agencyIds: f.agencyIds });
    if (f.from) qb.andWhere('a.submittedAt >= :from', { from: dbTime(f.from) });
    if (f.to) qb.andWhere('a.submittedAt < :to', { to: dbTime(f.to) });
    if (f.sessionIds) qb.andWhere('a.sessionId IN (:...sessionIds)', { sessionIds: f.sessionIds });
    return qb;
  }

  async gradedAttempts(query: {
    agencyIds: number[];
    from?: Date;
    to?: Date;
    sessionIds?: number[];
  }): Promise<GradedAttemptRow[]> {
    if (query.agencyIds.length === 0 || query.sessionIds?.length === 0) return [];
    const rows = await this.graded({ ...query, purposes: ['inspection'] })
      .select([
        'a.id AS attemptId',
        'a.sessionId AS sessionId',
        's.name AS sessionName',
        'c.agencyId AS agencyId',
        'c.id AS candidateId',
        'c.fullName AS candidateName',
        'c.candidateNumber AS candidateNumber',
        'a.score AS score',
        'a.maxScore AS maxScore',
        'a.passed AS passed',
        'a.submittedAt AS submittedAt',
      ])
      .orderBy('a.id', 'ASC')
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => {
      const score = Number(r.score);
      const maxScore = Number(r.maxScore);
      return {
        attemptId: Number(r.attemptId),
        sessionId: Number(r.sessionId),
        sessionName: String(r.sessionName),
        agencyId: Number(r.agencyId),
        candidateId: Number(r.candidateId),
        candidateName: String(r.candidateName),
        candidateNumber: (r.candidateNumber as string | null) ?? null,
        score,
        maxScore,
        scorePercent: maxScore > 0 ? (score / maxScore) * 100 : 0,
        passed: r.passed === true || Number(r.passed) === 1,
        submittedAt: utcDate(r.submittedAt),
      };
    });
  }

  /** Inspection and training attempts (recruitment candidates are not yet the agency's staff). */
  async weakestTopics(query: { agencyIds: number[]; from?: Date; to?: Date }): Promise<TopicWeakness[]> {
    if (query.agencyIds.length === 0) return [];
    const attempts = await this.graded({ ...query, purposes: ['inspection', 'training'] }).getMany();
    const questionIds = [...new Set(attempts.flatMap((a) => a.variant.items.map((i) => i.questionId)))];
    if (questionIds.length === 0) return [];
    const questions = await this.db.getRepository(Question).find({
      select: { id: true, topicId: true },
      where: { id: In(questionIds) },
    });
    const topicOf = new Map(questions.map((q) => [q.id, q.topicId]));
    const rows = attempts.flatMap((a) =>
      a.variant.items.map((it, i) => ({
        topicId: topicOf.get(it.questionId) ?? 0,
        earned: a.itemScores?.[i] ?? 0,
        max: it.points,
      })),
    );
    const ranked = weakestTopics(rows);
    const topics = await this.db.getRepository(QuestionTopic).findBy({ id: In(ranked.map((r) => r.topicId)) });
    const name = new Map(topics.map((t) => [t.id, t.name]));
    return ranked.map((r) => ({ ...r, topicName: name.get(r.topicId) ?? `#${r.topicId}` }));
  }
}
