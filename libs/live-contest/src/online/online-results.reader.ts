import { Injectable } from '@nestjs/common';
import type { AgencyContestParticipation } from '../results/live-contest-results.reader.js';
import { OnlineRankingService, entrantsOf } from './online-ranking.service.js';
import type { OnlineAgencyRow } from './online-views.js';
import { OnlineRepository } from './online.repository.js';

/**
 * What the online contests publish for the results lib, in the shape live contests publish
 * (LiveContestResultsReader): participation and scores by agency, from the contests that closed in
 * the period (their results are final). `sessions` counts the contests the agency took part in.
 */
@Injectable()
export class OnlineContestResultsReader {
  constructor(
    private readonly repo: OnlineRepository,
    private readonly ranking: OnlineRankingService,
  ) {}

  async participationByAgency(period: { from?: Date; to?: Date } = {}): Promise<AgencyContestParticipation[]> {
    const contests = await this.repo.closedContests(period, new Date());
    const attempts = await this.repo.finishedAttempts(contests.map((c) => c.id));
    const byAgency = new Map<number, { contests: Set<number>; scores: number[] }>();
    for (const c of contests) {
      const entrants = entrantsOf(
        attempts.filter((a) => a.contestId === c.id),
        c.maxAttempts,
      );
      for (const e of entrants) {
        if (e.agencyId === null) continue;
        const row = byAgency.get(e.agencyId) ?? { contests: new Set<number>(), scores: [] };
        row.contests.add(c.id);
        row.scores.push(e.best.score);
        byAgency.set(e.agencyId, row);
      }
    }
    return [...byAgency.entries()]
      .sort(([a], [b]) => a - b)
      .map(([agencyId, r]) => ({
        agencyId,
        sessions: r.contests.size,
        players: r.scores.length,
        meanScore: Math.round((r.scores.reduce((s, x) => s + x, 0) / r.scores.length) * 100) / 100,
        bestScore: Math.max(...r.scores),
      }));
  }

  /** One closed contest's agency ranking: participation rate, mean score, those left out. */
  async agencyRanking(contestId: number): Promise<OnlineAgencyRow[] | null> {
    const c = await this.repo.findContest(contestId);
    if (!c || c.state !== 'published') return null;
    return (await this.ranking.compute(c, new Date())).agencies;
  }
}
