import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, In } from 'typeorm';
import { Agency } from '@app/org';
import { notFound, type Principal } from '@app/platform';
import { ContestsService } from '../contests/contests.service.js';
import { judgedScore } from '../domain/judging.js';
import { rankStandings, teamScore } from '../domain/ranking.js';
import type { JudgeScoreDto } from '../dto/contest.dto.js';
import type { ContestAnswer } from '../live/contest-answer.entity.js';
import type { JudgeScore } from '../live/judge-score.entity.js';
import type { LivePlayer } from '../live/live-store.js';
import { LiveRepository } from '../live/live.repository.js';
import type { Plan } from '../live/plan.js';
import { ContestResult } from './contest-result.entity.js';

export interface SessionResults {
  sessionId: number;
  contestId: number;
  contestTitle: string;
  state: string;
  players: ContestResult[];
  agencies: ContestResult[];
  questions: ContestResult[];
}

/** Final results of sessions: computed when a session ends, read and exported by its organizer. */
@Injectable()
export class ContestResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveRepository,
    private readonly contests: ContestsService,
  ) {}

  /** Stores the results per player, agency (team) and question, and marks the session ended. */
  async finalize(plan: Plan, livePlayers: LivePlayer[]): Promise<void> {
    const sessionId = plan.sessionId;
    const byId = new Map(livePlayers.map((p) => [p.id, p]));
    await this.db.transaction(async (m) => {
      const dbPlayers = (await this.live.players(sessionId, m)).filter((p) => !p.kicked);
      const answers = await this.live.answers(sessionId, m);
      const judges = await this.live.judgeScores(sessionId, m);
      const answeredBy = new Map<number, number>();
      const byQuestion = new Map<number, ContestAnswer[]>();
      for (const a of answers) {
        answeredBy.set(a.playerId, (answeredBy.get(a.playerId) ?? 0) + 1);
        const list = byQuestion.get(a.questionId);
        if (list) list.push(a);
        else byQuestion.set(a.questionId, [a]);
      }
      const standings = dbPlayers.map((p) => {
        const l = byId.get(p.id);
        return {
          id: p.id,
          name: p.name,
          agencyId: p.agencyId,
          score: l?.score ?? 0,
          correctTimeMs: l?.correctTimeMs ?? 0,
          suddenDeath: l?.suddenDeath ?? 0,
          correctCount: l?.correctCount ?? 0,
          answerCount: answeredBy.get(p.id) ?? 0,
        };
      });
      const rows: Omit<ContestResult, 'id'>[] = [];
      for (const r of rankStandings(standings, plan.contest.tieBreak)) {
        rows.push({
          sessionId,
          kind: 'player',
          subjectId: r.id,
          agencyId: r.agencyId,
          label: r.name,
          score: r.score,
          rank: r.rank,
          correctCount: r.correctCount,
          answerCount: r.answerCount,
          correctTimeMs: r.correctTimeMs,
          participants: 1,
        });
      }
      const agencyIds = [...new Set(standings.map((s) => s.agencyId).concat(judges.map((j) => j.agencyId)))];
      const names = new Map(
        agencyIds.length
          ? (await m.getRepository(Agency).findBy({ id: In(agencyIds) })).map((a) => [a.id, a.name])
          : [],
      );
      const teams = agencyIds.map((agencyId) => {
        const members = standings.filter((s) => s.agencyId === agencyId);
        const judged = plan.judgedRounds.reduce(
          (sum, round) => sum + (this.judged(judges, round.id, agencyId, round.settings) ?? 0),
          0,
        );
        return {
          id: agencyId,
          score:
            Math.round(
              (teamScore(
                members.map((x) => x.score),
                plan.contest.teamScoring,
              ) +
                judged) *
                100,
            ) / 100,
          correctTimeMs: members.reduce((s, x) => s + x.correctTimeMs, 0),
          suddenDeath: members.reduce((s, x) => s + x.suddenDeath, 0),
          correctCount: members.reduce((s, x) => s + x.correctCount, 0),
          answerCount: members.reduce((s, x) => s + x.answerCount, 0),
          participants: members.length,
        };
      });
      for (const t of rankStandings(teams, plan.contest.tieBreak)) {
        rows.push({
          sessionId,
          kind: 'agency',
          subjectId: t.id,
          agencyId: t.id,
          label: names.get(t.id) ?? `#${t.id}`,
          score: t.score,
          rank: t.rank,
          correctCount: t.correctCount,
          answerCount: t.answerCount,
          correctTimeMs: t.correctTimeMs,
          participants: t.participants,
        });
      }
      for (const item of plan.items) {
        const qa = byQuestion.get(item.question.id) ?? [];
        const right = qa.filter((a) => a.choice === item.question.correctKey);
        rows.push({
          sessionId,
          kind: 'question',
          subjectId: item.question.id,
          agencyId: null,
          label: item.question.text.slice(0, 255),
          score: qa.length ? Math.round((right.length / qa.length) * 10000) / 100 : 0,
          rank: null,
          correctCount: right.length,
          answerCount: qa.length,
          correctTimeMs: right.reduce((s, a) => s + a.responseMs, 0),
          participants: standings.length,
        });
      }
      await m.getRepository(ContestResult).delete({ sessionId });
      for (let i = 0; i < rows.length; i += 500) await m.getRepository(ContestResult).insert(rows.slice(i, i + 500));
      await this.live.endSession(sessionId, new Date(), m);
    });
  }

  private judged(
    scores: JudgeScore[],
    roundId: number,
    agencyId: number,
    settings: { judgeMethod?: 'mean' | 'trimmed_mean'; trim?: number },
  ): number | null {
    const mine = scores.filter((s) => s.roundId === roundId && s.agencyId === agencyId).map((s) => s.score);
    return judgedScore(mine, settings.judgeMethod ?? 'mean', settings.trim ?? 1);
  }

  private async ownedSession(who: Principal, sessionId: number): Promise<{ contestId: number; state: string }> {
    const session = await this.live.session(sessionId);
    if (!session) throw notFound('Session', sessionId);
    await this.contests.owned(who, session.contestId);
    return session;
  }

  async putJudgeScore(who: Principal, sessionId: number, dto: JudgeScoreDto): Promise<JudgeScore> {
    const session = await this.ownedSession(who, sessionId);
    const tree = await this.contests.tree(who, session.contestId);
    const round = tree.rounds.find((r) => r.id === dto.roundId);
    if (!round || round.type !== 'judged') throw notFound('Judge-scored round', dto.roundId);
    return this.live.putJudgeScore({
      sessionId,
      roundId: dto.roundId,
      agencyId: dto.agencyId,
      judge: dto.judge.trim(),
      score: dto.score,
    });
  }

  async results(who: Principal, sessionId: number): Promise<SessionResults> {
    const session = await this.ownedSession(who, sessionId);
    const contest = await this.contests.owned(who, session.contestId);
    const rows = await this.db.getRepository(ContestResult).find({ where: { sessionId }, order: { id: 'ASC' } });
    return {
      sessionId,
      contestId: contest.id,
      contestTitle: contest.title,
      state: session.state,
      players: rows.filter((r) => r.kind === 'player'),
      agencies: rows.filter((r) => r.kind === 'agency'),
      questions: rows.filter((r) => r.kind === 'question'),
    };
  }

  /** The results as an Excel workbook, with Vietnamese headers. */
  async excel(who: Principal, sessionId: number): Promise<Buffer> {
    const r = await this.results(who, sessionId);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'CCHC';
    const sheet = (name: string, headers: string[], data: (string | number | null)[][]): void => {
      const ws = wb.addWorksheet(name);
      ws.addRow(headers).font = { bold: true };
      for (const row of data) ws.addRow(row);
      ws.columns.forEach((c) => (c.width = 18));
    };
    sheet(
      'Cá nhân',
      ['Hạng', 'Họ và tên', 'Mã đơn vị', 'Điểm', 'Số câu đúng', 'Số câu đã trả lời', 'Tổng thời gian đúng (giây)'],
      r.players.map((p) => [
        p.rank,
        p.label,
        p.agencyId,
        p.score,
        p.correctCount,
        p.answerCount,
        p.correctTimeMs / 1000,
      ]),
    );
    sheet(
      'Đơn vị',
      ['Hạng', 'Đơn vị', 'Điểm', 'Số người dự thi', 'Số câu đúng', 'Số câu đã trả lời'],
      r.agencies.map((a) => [a.rank, a.label, a.score, a.participants, a.correctCount, a.answerCount]),
    );
    sheet(
      'Câu hỏi',
      ['Câu hỏi', 'Số người trả lời', 'Số người trả lời đúng', 'Tỷ lệ đúng (%)'],
      r.questions.map((q) => [q.label, q.answerCount, q.correctCount, q.score]),
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}
