import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditLog, notFound, type Principal } from '@app/platform';
import { Question } from '../bank/question.entity.js';
import type { QuestionVersion } from '../bank/question-version.entity.js';
import { AttemptsRepository, type ClosingState } from './attempts.repository.js';
import { gradeAttempt, type AttemptGrade, type GradableItem } from './domain/grading.js';
import type { ExamAnswer } from './exam-answer.entity.js';
import type { ExamAttempt } from './exam-attempt.entity.js';
import { ExamSession } from './exam-session.entity.js';
import { VersionCache } from './version-cache.js';

export interface RegradeChange {
  attemptId: number;
  candidateId: number;
  before: { score: number | null; passed: boolean | null };
  after: { score: number; passed: boolean };
}

/** Grades on the server: when an attempt is submitted or expires, and again after a correction. */
@Injectable()
export class GradingService {
  constructor(
    private readonly attempts: AttemptsRepository,
    private readonly versions: VersionCache,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  static grade(
    attempt: Pick<ExamAttempt, 'variant'>,
    session: Pick<ExamSession, 'settings'>,
    answers: Pick<ExamAnswer, 'itemIndex' | 'chosen'>[],
    versionFor: (versionId: number, questionId: number) => QuestionVersion | undefined,
  ): AttemptGrade {
    const items: GradableItem[] = attempt.variant.items.map((it) => {
      const v = versionFor(it.versionId, it.questionId);
      return {
        part: it.part,
        type: v?.type ?? 'single',
        scoringMode: v?.scoringMode ?? 'all_or_nothing',
        points: it.points,
        options: v?.options.map((o) => ({ key: o.key, fraction: o.fraction })) ?? [],
      };
    });
    const chosen: (string[] | undefined)[] = [];
    for (const a of answers) chosen[a.itemIndex] = a.chosen;
    return gradeAttempt(
      session.settings.parts.map((p) => ({ passPercent: p.passPercent })),
      items,
      chosen,
      session.settings.passPercent,
    );
  }

  /**
   * Closes an open attempt and grades what was saved, in one transaction. Returns false when the
   * attempt was already closed (by a submit, the sweeper or another instance).
   */
  async close(attemptId: number, state: ClosingState, at: Date): Promise<boolean> {
    return this.db.transaction(async (m) => {
      if (!(await this.attempts.claimForClosing(attemptId, state, at, m))) return false;
      const attempt = (await this.attempts.findById(attemptId, m))!;
      const session = await m.getRepository(ExamSession).findOneByOrFail({ id: attempt.sessionId });
      const answers = await this.attempts.answersOf(attemptId, m);
      const versions = await this.versions.get(attempt.variant.items.map((i) => i.versionId));
      const grade = GradingService.grade(attempt, session, answers, (id) => versions.get(id));
      await this.attempts.saveGrade(attemptId, grade, new Date(), m);
      return true;
    });
  }

  /**
   * Grades every closed attempt of the session again with each question's current version (a
   * corrected key), and writes an audit entry with the before and after scores of each change.
   */
  async regradeSession(
    sessionId: number,
    by: Principal,
    reason?: string,
  ): Promise<{ attempts: number; changed: RegradeChange[] }> {
    return this.db.transaction(async (m: EntityManager) => {
      const session = await m.getRepository(ExamSession).findOneBy({ id: sessionId });
      if (!session) throw notFound('Session', sessionId);
      const attempts = await this.attempts.findGradedBySessions([sessionId], m);
      const questionIds = [...new Set(attempts.flatMap((a) => a.variant.items.map((i) => i.questionId)))];
      const questions = questionIds.length ? await m.getRepository(Question).findBy({ id: In(questionIds) }) : [];
      const current = new Map(questions.map((q) => [q.id, q.currentVersionId]));
      const neededIds = [
        ...attempts.flatMap((a) => a.variant.items.map((i) => i.versionId)),
        ...questions.map((q) => q.currentVersionId).filter((id): id is number => id != null),
      ];
      const versions = await this.versions.get(neededIds, m);
      const pick = (versionId: number, questionId: number) =>
        versions.get(current.get(questionId) ?? versionId) ?? versions.get(versionId);
      const answers = await this.attempts.answersOfMany(
        attempts.map((a) => a.id),
        m,
      );
      const changed: RegradeChange[] = [];
      for (const a of attempts) {
        const grade = GradingService.grade(
          a,
          session,
          answers.filter((x) => x.attemptId === a.id),
          pick,
        );
        await this.attempts.saveGrade(a.id, grade, new Date(), m);
        if (grade.score === a.score && grade.passed === a.passed) continue;
        const change: RegradeChange = {
          attemptId: a.id,
          candidateId: a.candidateId,
          before: { score: a.score, passed: a.passed },
          after: { score: grade.score, passed: grade.passed },
        };
        changed.push(change);
        await this.audit.record(
          {
            actor: by,
            action: 'attempt.regraded',
            entityType: 'exam_attempt',
            entityId: a.id,
            agencyId: session.agencyId,
            before: { score: a.score, passed: a.passed, parts: a.partScores },
            after: { score: grade.score, passed: grade.passed, parts: grade.parts },
            reason: reason ?? 'Question corrected; session re-graded',
          },
          m,
        );
      }
      return { attempts: attempts.length, changed };
    });
  }
}
