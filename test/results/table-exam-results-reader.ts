import { DataSource, Table } from 'typeorm';
import { ExamResultsReader, type GradedAttemptRow, type TopicWeakness } from '@app/exam-bank';

/**
 * TEST ONLY. An ExamResultsReader fed from a table the test fills, for db-level tests of the
 * recompute service written before the exam bank's own reader existed. It answers exactly like the
 * published contract: graded inspection attempts of the agencies, submitted in [from, to).
 */
export class TableExamResultsReader extends ExamResultsReader {
  constructor(private readonly db: DataSource) {
    super();
  }

  static async createTable(db: DataSource): Promise<void> {
    const q = db.createQueryRunner();
    await q.createTable(
      new Table({
        name: 'test_graded_attempts',
        columns: [
          { name: 'attempt_id', type: 'integer', isPrimary: true },
          { name: 'session_id', type: 'integer' },
          { name: 'session_name', type: 'varchar', length: '255' },
          { name: 'agency_id', type: 'integer' },
          { name: 'candidate_id', type: 'integer' },
          { name: 'candidate_name', type: 'varchar', length: '255' },
          { name: 'candidate_number', type: 'varchar', length: '32', isNullable: true },
          { name: 'score', type: 'double' },
          { name: 'max_score', type: 'double' },
          { name: 'submitted_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await q.release();
  }

  async insert(rows: Omit<GradedAttemptRow, 'scorePercent' | 'passed'>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .createQueryBuilder()
        .insert()
        .into('test_graded_attempts')
        .values(
          rows.slice(i, i + 500).map((r) => ({
            attempt_id: r.attemptId,
            session_id: r.sessionId,
            session_name: r.sessionName,
            agency_id: r.agencyId,
            candidate_id: r.candidateId,
            candidate_name: r.candidateName,
            candidate_number: r.candidateNumber,
            score: r.score,
            max_score: r.maxScore,
            submitted_at: r.submittedAt.toISOString(),
          })),
        )
        .execute();
    }
  }

  async setScore(attemptId: number, score: number): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update('test_graded_attempts')
      .set({ score })
      .where('attempt_id = :attemptId', { attemptId })
      .execute();
  }

  async gradedAttempts(query: {
    agencyIds: number[];
    from?: Date;
    to?: Date;
    sessionIds?: number[];
  }): Promise<GradedAttemptRow[]> {
    if (!query.agencyIds.length) return [];
    const qb = this.db
      .createQueryBuilder()
      .select('*')
      .from('test_graded_attempts', 'a')
      .where('a.agency_id IN (:...ids)', { ids: query.agencyIds })
      .orderBy('a.attempt_id');
    if (query.from) qb.andWhere('a.submitted_at >= :from', { from: query.from.toISOString() });
    if (query.to) qb.andWhere('a.submitted_at < :to', { to: query.to.toISOString() });
    if (query.sessionIds?.length) qb.andWhere('a.session_id IN (:...s)', { s: query.sessionIds });
    const raw = await qb.getRawMany<Record<string, unknown>>();
    return raw.map((r) => ({
      attemptId: Number(r.attempt_id),
      sessionId: Number(r.session_id),
      sessionName: String(r.session_name),
      agencyId: Number(r.agency_id),
      candidateId: Number(r.candidate_id),
      candidateName: String(r.candidate_name),
      candidateNumber: (r.candidate_number as string | null) ?? null,
      score: Number(r.score),
      maxScore: Number(r.max_score),
      scorePercent: (Number(r.score) / Number(r.max_score)) * 100,
      passed: Number(r.score) * 2 >= Number(r.max_score),
      submittedAt: new Date(String(r.submitted_at)),
    }));
  }

  async weakestTopics(): Promise<TopicWeakness[]> {
    return [];
  }
}
