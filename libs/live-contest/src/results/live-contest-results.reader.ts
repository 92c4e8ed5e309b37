import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LiveSession } from '../live/live-session.entity.js';
import { ContestResult } from './contest-result.entity.js';

/** One agency's part in the live contests that ended in a period. */
export interface AgencyContestParticipation {
  agencyId: number;
  /** Sessions in which the agency had at least one player. */
  sessions: number;
  /** Player entries (one person playing two sessions counts twice). */
  players: number;
  meanScore: number;
  bestScore: number;
}

/**
 * What live-contest publishes for the results lib: participation and scores by agency, from the
 * stored results of ended sessions.
 */
@Injectable()
export class LiveContestResultsReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async participationByAgency(period: { from?: Date; to?: Date } = {}): Promise<AgencyContestParticipation[]> {
    const qb = this.db
      .getRepository(ContestResult)
      .createQueryBuilder('r')
      .innerJoin(LiveSession, 's', 's.id = r.sessionId')
      .select('r.agencyId', 'agencyId')
      .addSelect('COUNT(DISTINCT r.sessionId)', 'sessions')
      .addSelect('COUNT(*)', 'players')
      .addSelect('AVG(r.score)', 'meanScore')
      .addSelect('MAX(r.score)', 'bestScore')
      .where('r.kind = :kind', { kind: 'player' })
      .andWhere("s.state = 'ended'")
      .groupBy('r.agencyId')
      .orderBy('r.agencyId');
    if (period.from) qb.andWhere('s.endedAt >= :from', { from: period.from });
    if (period.to) qb.andWhere('s.endedAt < :to', { to: period.to });
    const rows = await qb.getRawMany<Record<string, string | number>>();
    return rows.map((r) => ({
      agencyId: Number(r.agencyId),
      sessions: Number(r.sessions),
      players: Number(r.players),
      meanScore: Math.round(Number(r.meanScore) * 100) / 100,
      bestScore: Number(r.bestScore),
    }));
  }
}
