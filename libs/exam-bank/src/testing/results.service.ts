import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import { Agency } from '@app/org';
import { canReachAgency, DomainError, forbidden, notFound, Role, type Principal } from '@app/platform';
import { itemStatistics, testStatistics } from '../analysis/item-analysis.js';
import { QuestionVersion } from '../bank/question-version.entity.js';
import type {
  AgencyResult,
  QuestionAnalysis,
  RankingRow,
  ResultRow,
  ScoreBand,
  SessionItemAnalysis,
} from '../published/bank-views.js';
import type { TopicWeakness } from '../published/exam-results.js';
import { AttemptsRepository } from './attempts.repository.js';
import { rankWithinQuota } from './domain/ranking.js';
import { ExamAttempt } from './exam-attempt.entity.js';
import type { ExamCandidate } from './exam-candidate.entity.js';
import type { ExamSession } from './exam-session.entity.js';
import { ExamResultsQuery } from './exam-results.query.js';
import { SessionsRepository } from './sessions.repository.js';

export type { AgencyResult, QuestionAnalysis, RankingRow, ResultRow };

const STATE_VI: Record<ResultRow['state'], string> = {
  absent: 'Vắng',
  in_progress: 'Đang làm bài',
  submitted: 'Đã nộp bài',
  expired_graded: 'Hết giờ (tự thu bài)',
};

const graded = (a: ExamAttempt): boolean => a.state !== 'in_progress' && a.gradedAt !== null;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Per-session results, exports, ranking and item analysis for organizers and inspectors. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly attempts: AttemptsRepository,
    private readonly query: ExamResultsQuery,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  private async sessionOrThrow(id: number): Promise<ExamSession> {
    const s = await this.sessions.findSession(id);
    if (!s) throw notFound('Session', id);
    return s;
  }

  /** Agency officers see only their own agency's candidates; the province-wide roles see all. */
  private visible(by: Principal, c: ExamCandidate): boolean {
    return by.role !== Role.AgencyOfficer || canReachAgency(by, c.agencyId);
  }

  async table(sessionId: number, by: Principal): Promise<{ session: ExamSession; rows: ResultRow[] }> {
    const session = await this.sessionOrThrow(sessionId);
    const candidates = (await this.sessions.candidatesOf(sessionId)).filter((c) => this.visible(by, c));
    const attempts = new Map((await this.attempts.findBySession(sessionId)).map((a) => [a.candidateId, a]));
    const agencyIds = [...new Set(candidates.map((c) => c.agencyId).filter((x): x is number => x != null))];
    const agencies = agencyIds.length ? await this.db.getRepository(Agency).findBy({ id: In(agencyIds) }) : [];
    const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
    const rows = candidates.map((c): ResultRow => {
      const a = attempts.get(c.id);
      const done = a && graded(a);
      return {
        candidateId: c.id,
        candidateNumber: c.candidateNumber,
        fullName: c.fullName,
        agencyId: c.agencyId,
        agencyName: c.agencyId ? (agencyName.get(c.agencyId) ?? null) : null,
        state: a ? a.state : 'absent',
        attemptId: a?.id ?? null,
        startedAt: a?.startedAt.toISOString() ?? null,
        submittedAt: a?.submittedAt?.toISOString() ?? null,
        score: done ? a.score : null,
        maxScore: done ? a.maxScore : null,
        percent: done && a.maxScore ? round2((a.score! / a.maxScore) * 100) : null,
        passed: done ? a.passed : null,
        parts: done
          ? (a.partScores ?? []).map((p, i) => ({ name: session.settings.parts[i]?.name ?? `Phần ${i + 1}`, ...p }))
          : [],
        priorityPoints: c.priorityPoints,
      };
    });
    return { session, rows };
  }

  async byAgency(sessionId: number, by: Principal): Promise<AgencyResult[]> {
    const { rows } = await this.table(sessionId, by);
    const groups = new Map<number | null, ResultRow[]>();
    for (const r of rows) groups.set(r.agencyId, [...(groups.get(r.agencyId) ?? []), r]);
    return [...groups.entries()].map(([agencyId, rs]) => {
      const done = rs.filter((r) => r.percent !== null);
      const passed = done.filter((r) => r.passed).length;
      return {
        agencyId,
        agencyName: rs[0].agencyName,
        candidates: rs.length,
        graded: done.length,
        passed,
        passRate: done.length ? round2((passed / done.length) * 100) : null,
        meanPercent: done.length ? round2(done.reduce((s, r) => s + r.percent!, 0) / done.length) : null,
      };
    });
  }

  /** Counts of graded attempts per 10 % band of the score (the last band includes 100 %). */
  async distribution(sessionId: number, by: Principal): Promise<ScoreBand[]> {
    const { rows } = await this.table(sessionId, by);
    const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: 0 }));
    for (const r of rows) if (r.percent !== null) bins[Math.min(9, Math.floor(r.percent / 10))].count++;
    return bins;
  }

  async ranking(
    sessionId: number,
    by: Principal,
  ): Promise<{ jobPosition: string | null; quota: number; rows: RankingRow[] }> {
    const { session, rows } = await this.table(sessionId, by);
    if (session.purpose !== 'recruitment') {
      throw new DomainError('NOT_RECRUITMENT', 'Ranking within a quota is for recruitment sessions', 'invalid');
    }
    const quota = session.quota ?? 0;
    const entries = rows.map((r) => ({
      id: r.candidateId,
      total: r.score !== null ? r.score + r.priorityPoints : 0,
      passed: r.passed === true,
      keys: {
        priority: r.priorityPoints,
        submittedAt: r.submittedAt ? Date.parse(r.submittedAt) : null,
        durationMs: r.submittedAt && r.startedAt ? Date.parse(r.submittedAt) - Date.parse(r.startedAt) : null,
        ...Object.fromEntries(r.parts.map((p, i) => [`part:${i}`, p.score])),
      },
    }));
    const byId = new Map(rows.map((r) => [r.candidateId, r]));
    const ranked = rankWithinQuota(entries, quota, session.tieBreak ?? []);
    return {
      jobPosition: session.jobPosition,
      quota,
      rows: ranked.map((x) => {
        const r = byId.get(x.id)!;
        return {
          candidateId: r.candidateId,
          candidateNumber: r.candidateNumber,
          fullName: r.fullName,
          score: r.score,
          priorityPoints: r.priorityPoints,
          total: r.score !== null ? round2(r.score + r.priorityPoints) : null,
          passed: r.passed === true,
          rank: x.rank,
          withinQuota: x.withinQuota,
          tiedAtEdge: x.tiedAtEdge,
        };
      }),
    };
  }

  async excel(sessionId: number, by: Principal): Promise<Buffer> {
    const { session, rows } = await this.table(sessionId, by);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kết quả');
    ws.addRow([`Kết quả: ${session.name}`]).font = { bold: true, size: 13 };
    const partNames = session.settings.parts.map((p, i) => `Phần ${i + 1}: ${p.name}`);
    const header = ws.addRow([
      'STT',
      'Số báo danh',
      'Họ và tên',
      'Đơn vị',
      'Trạng thái',
      ...partNames,
      'Điểm',
      'Điểm tối đa',
      'Tỷ lệ (%)',
      'Kết quả',
    ]);
    header.font = { bold: true };
    rows.forEach((r, i) => {
      ws.addRow([
        i + 1,
        r.candidateNumber ?? '',
        r.fullName,
        r.agencyName ?? '',
        STATE_VI[r.state],
        ...session.settings.parts.map((_, p) => r.parts[p]?.score ?? ''),
        r.score ?? '',
        r.maxScore ?? '',
        r.percent ?? '',
        r.passed === null ? '' : r.passed ? 'Đạt' : 'Không đạt',
      ]);
    });
    ws.columns.forEach((c, i) => (c.width = i === 2 || i === 3 ? 32 : 14));
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  /** Moodle-style statistics of one session: the whole test by slot, and each question drawn. */
  async itemAnalysis(sessionId: number): Promise<SessionItemAnalysis> {
    await this.sessionOrThrow(sessionId);
    const attempts = (await this.attempts.findGradedBySessions([sessionId])).filter(graded);
    const matrix = attempts.map((a) => {
      const row: number[] = [];
      a.variant.items.forEach((it, i) => (row[it.slot] = a.itemScores?.[i] ?? 0));
      return Array.from(row, (x) => x ?? 0);
    });
    const test = testStatistics(matrix);
    const perQuestion = new Map<
      number,
      { rows: { score: number; rest: number }[]; max: number; versions: Set<number> }
    >();
    for (const a of attempts) {
      a.variant.items.forEach((it, i) => {
        const score = a.itemScores?.[i] ?? 0;
        const q = perQuestion.get(it.questionId) ?? { rows: [], max: it.points, versions: new Set<number>() };
        q.rows.push({ score, rest: (a.score ?? 0) - score });
        q.versions.add(it.versionId);
        perQuestion.set(it.questionId, q);
      });
    }
    return { test, questions: await this.describe(perQuestion) };
  }

  /**
   * One question across every session that drew it. The rest of the test is taken as a percentage
   * of its maximum so that tests of different lengths can be pooled.
   */
  async questionAcrossSessions(questionId: number): Promise<QuestionAnalysis & { sessions: number }> {
    const attempts = await this.db
      .getRepository(ExamAttempt)
      .createQueryBuilder('a')
      .where('a.state IN (:...states)', { states: ['submitted', 'expired_graded'] })
      .andWhere('a.gradedAt IS NOT NULL')
      .andWhere('a.variant LIKE :needle', { needle: `%"questionId":${questionId},%` })
      .getMany();
    const per = { rows: [] as { score: number; rest: number }[], max: 0, versions: new Set<number>() };
    const sessions = new Set<number>();
    for (const a of attempts) {
      const i = a.variant.items.findIndex((it) => it.questionId === questionId);
      if (i < 0) continue;
      const it = a.variant.items[i];
      const score = a.itemScores?.[i] ?? 0;
      const restMax = (a.maxScore ?? 0) - it.points;
      per.rows.push({
        score: it.points ? score / it.points : 0,
        rest: restMax > 0 ? (((a.score ?? 0) - score) / restMax) * 100 : 0,
      });
      per.max = 1;
      per.versions.add(it.versionId);
      sessions.add(a.sessionId);
    }
    const [described] = await this.describe(new Map([[questionId, per]]));
    return { ...described, sessions: sessions.size };
  }

  private async describe(
    per: Map<number, { rows: { score: number; rest: number }[]; max: number; versions: Set<number> }>,
  ): Promise<QuestionAnalysis[]> {
    const versionIds = [...per.values()].flatMap((q) => [...q.versions]);
    const versions = versionIds.length
      ? await this.db.getRepository(QuestionVersion).findBy({ id: In(versionIds) })
      : [];
    const stem = new Map(versions.map((v) => [v.questionId, v.stem]));
    return [...per.entries()]
      .map(([questionId, q]) => ({
        questionId,
        versionIds: [...q.versions].sort((a, b) => a - b),
        stem: (stem.get(questionId) ?? '').slice(0, 200),
        maxScore: q.max,
        ...itemStatistics(q.rows, q.max || 1),
      }))
      .sort((a, b) => a.questionId - b.questionId);
  }

  /** Weakest topics of an agency, and of each agency directly under it (a district's communes). */
  async weakestTopics(
    agencyId: number,
    by: Principal,
    range: { from?: Date; to?: Date },
  ): Promise<{
    agencyId: number;
    topics: TopicWeakness[];
    children: { agencyId: number; agencyName: string; topics: TopicWeakness[] }[];
  }> {
    if (!canReachAgency(by, agencyId)) throw forbidden('That agency is outside your scope');
    const children = await this.db.getRepository(Agency).findBy({ parentId: agencyId });
    const all = [agencyId, ...children.map((c) => c.id)];
    return {
      agencyId,
      topics: await this.query.weakestTopics({ agencyIds: all, ...range }),
      children: await Promise.all(
        children.map(async (c) => ({
          agencyId: c.id,
          agencyName: c.name,
          topics: await this.query.weakestTopics({ agencyIds: [c.id], ...range }),
        })),
      ),
    };
  }
}
