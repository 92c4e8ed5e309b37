import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { Principal } from '@app/platform';
import { bestAttempt, predictionMiss, rankAgencies, rankOnlineEntrants } from '../domain/online.js';
import type { OnlineAttempt } from './online-attempt.entity.js';
import type { OnlineContest } from './online-contest.entity.js';
import type { OnlineAgencyRow, OnlineEntrantRow, OnlineRankings } from './online-views.js';
import { OnlineContestService } from './online.service.js';
import { OnlineRepository, type AgencyHeadcount } from './online.repository.js';

/** An entrant's attempt that counts, with what the rows show. */
interface Entrant {
  id: number;
  agencyId: number | null;
  attempts: number;
  correctCount: number;
  best: { score: number; durationMs: number; prediction: number | null };
}

/** Officials an agency's participation rate is measured against: its recorded staff, else its accounts. */
export const agencyOfficials = (h: AgencyHeadcount): number => h.staffCount ?? h.officialAccounts;

/**
 * Rankings of an online contest: entrants by their best attempt (score, then the contest's
 * tie-breakers), agencies by participation rate then mean score, those under the minimum left out.
 */
@Injectable()
export class OnlineRankingService {
  constructor(
    private readonly repo: OnlineRepository,
    private readonly contests: OnlineContestService,
  ) {}

  async rankings(who: Principal, contestId: number): Promise<OnlineRankings> {
    const c = await this.contests.readable(who, contestId);
    await this.contests.closeExpired();
    return this.compute(c, new Date());
  }

  /** The rankings of a contest from its finished attempts; no permission check. */
  async compute(c: OnlineContest, now: Date): Promise<OnlineRankings> {
    const attempts = await this.repo.finishedAttempts([c.id]);
    const questionCount = c.areas.reduce((s, a) => s + a.count, 0);
    const entrants = entrantsOf(attempts, c.maxAttempts);
    const allCorrect = entrants.filter((e) => e.correctCount >= questionCount && questionCount > 0).length;
    const names = await this.repo.entrantNames(c.id);
    const headcounts = await this.repo.agencyHeadcounts();
    const agencyName = new Map(headcounts.map((h) => [h.agencyId, h.name]));
    const rows: OnlineEntrantRow[] = rankOnlineEntrants(entrants, allCorrect, c.tieBreak).map((e) => ({
      rank: e.rank,
      userId: e.id,
      fullName: names.get(e.id) ?? `#${e.id}`,
      agencyId: e.agencyId,
      agencyName: e.agencyId === null ? null : (agencyName.get(e.agencyId) ?? null),
      score: e.best.score,
      correctCount: e.correctCount,
      allCorrect: questionCount > 0 && e.correctCount >= questionCount,
      durationMs: e.best.durationMs,
      prediction: e.best.prediction,
      predictionMiss: e.best.prediction === null ? null : predictionMiss(e.best.prediction, allCorrect),
      attempts: e.attempts,
    }));
    return {
      contestId: c.id,
      contestTitle: c.title,
      final: now.getTime() >= c.closesAt.getTime(),
      actualAllCorrect: allCorrect,
      minParticipation: c.minParticipation,
      tieBreak: c.tieBreak,
      entrants: rows,
      agencies: agencyRows(entrants, headcounts, c.minParticipation),
    };
  }

  async excel(who: Principal, contestId: number): Promise<Buffer> {
    const r = await this.rankings(who, contestId);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'CCHC';
    const sheet = (name: string, headers: string[], data: (string | number | null)[][]): void => {
      const ws = wb.addWorksheet(name);
      ws.addRow(headers).font = { bold: true };
      for (const row of data) ws.addRow(row);
      ws.columns.forEach((col) => (col.width = 20));
    };
    sheet(
      'Cá nhân',
      [
        'Hạng',
        'Họ và tên',
        'Đơn vị',
        'Điểm',
        'Số câu đúng',
        'Thời gian (giây)',
        'Dự đoán',
        'Chênh lệch dự đoán',
        'Số lượt thi',
      ],
      r.entrants.map((e) => [
        e.rank,
        e.fullName,
        e.agencyName,
        e.score,
        e.correctCount,
        Math.round(e.durationMs / 100) / 10,
        e.prediction,
        e.predictionMiss,
        e.attempts,
      ]),
    );
    sheet(
      'Đơn vị',
      ['Hạng', 'Đơn vị', 'Số người dự thi', 'Số công chức', 'Tỷ lệ tham gia (%)', 'Điểm trung bình', 'Ghi chú'],
      r.agencies.map((a) => [
        a.rank,
        a.agencyName,
        a.participants,
        a.officials,
        Math.round(a.participationRate * 10000) / 100,
        a.meanScore,
        a.excluded ? `Không xếp hạng: dưới ${Math.round(r.minParticipation * 100)} % tham gia` : '',
      ]),
    );
    const info = wb.addWorksheet('Thông tin');
    info.addRow(['Cuộc thi', r.contestTitle]);
    info.addRow(['Số người trả lời đúng tất cả', r.actualAllCorrect]);
    info.addRow(['Kết quả', r.final ? 'Chính thức (đã kết thúc)' : 'Tạm thời (đang diễn ra)']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

/** One entrant per official: the best of their finished attempts within the limit. */
export function entrantsOf(attempts: OnlineAttempt[], maxAttempts: number): Entrant[] {
  const byUser = new Map<number, OnlineAttempt[]>();
  for (const a of attempts) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
  const out: Entrant[] = [];
  for (const [userId, list] of byUser) {
    const sorted = [...list].sort((x, y) => x.number - y.number);
    const shaped = sorted.map((a) => ({
      score: a.score ?? 0,
      durationMs: a.durationMs ?? 0,
      prediction: a.prediction,
      correctCount: a.correctCount ?? 0,
    }));
    const best = bestAttempt(shaped, maxAttempts) as (typeof shaped)[number] | null;
    if (!best) continue;
    out.push({
      id: userId,
      agencyId: sorted[sorted.length - 1].agencyId,
      attempts: sorted.length,
      correctCount: best.correctCount,
      best: { score: best.score, durationMs: best.durationMs, prediction: best.prediction },
    });
  }
  return out;
}

/** Agencies with officials or participants, ranked by the domain's rankAgencies. */
function agencyRows(entrants: Entrant[], headcounts: AgencyHeadcount[], minRate: number): OnlineAgencyRow[] {
  const scores = new Map<number, number[]>();
  for (const e of entrants) {
    if (e.agencyId !== null) scores.set(e.agencyId, [...(scores.get(e.agencyId) ?? []), e.best.score]);
  }
  const known = headcounts.filter((h) => agencyOfficials(h) > 0 || scores.has(h.agencyId));
  const byId = new Map(known.map((h) => [h.agencyId, h]));
  return rankAgencies(
    known.map((h) => ({
      agencyId: h.agencyId,
      participants: scores.get(h.agencyId)?.length ?? 0,
      staff: agencyOfficials(h),
      scores: scores.get(h.agencyId) ?? [],
    })),
    minRate,
  ).map((r) => ({
    rank: r.rank,
    agencyId: r.agencyId,
    agencyName: byId.get(r.agencyId)!.name,
    participants: scores.get(r.agencyId)?.length ?? 0,
    officials: agencyOfficials(byId.get(r.agencyId)!),
    participationRate: r.participationRate,
    meanScore: r.meanScore,
    excluded: r.excluded,
  }));
}
