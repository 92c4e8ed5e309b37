import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan, type EntityManager } from 'typeorm';
import { ContestAnswer } from './contest-answer.entity.js';
import { ContestPlayer } from './contest-player.entity.js';
import { JudgeScore } from './judge-score.entity.js';
import { LiveSession } from './live-session.entity.js';

/** Sessions, players, acknowledged answers and judge scores in the database. */
@Injectable()
export class LiveRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** PINs that still admit players: live sessions whose PIN has not expired. */
  async pinsInUse(now: Date): Promise<Set<string>> {
    const rows = await this.db
      .getRepository(LiveSession)
      .find({ select: { pin: true }, where: { state: 'live', pinExpiresAt: MoreThan(now) } });
    return new Set(rows.map((r) => r.pin));
  }

  createSession(s: Omit<LiveSession, 'id' | 'createdAt' | 'endedAt'>): Promise<LiveSession> {
    return this.db.getRepository(LiveSession).save({ ...s, endedAt: null });
  }

  session(id: number, m: EntityManager = this.db.manager): Promise<LiveSession | null> {
    return m.getRepository(LiveSession).findOneBy({ id });
  }

  /** The live session a PIN opens now, if any. */
  sessionByPin(pin: string, now: Date): Promise<LiveSession | null> {
    return this.db
      .getRepository(LiveSession)
      .findOne({ where: { pin, state: 'live', pinExpiresAt: MoreThan(now) }, order: { id: 'DESC' } });
  }

  async endSession(id: number, at: Date, m: EntityManager): Promise<void> {
    await m.getRepository(LiveSession).update({ id }, { state: 'ended', endedAt: at });
  }

  /** Inserts a player and returns the new id (a plain INSERT: joins come in bursts). */
  async createPlayer(p: { sessionId: number; name: string; agencyId: number; tokenHash: string }): Promise<number> {
    const r = await this.db
      .createQueryBuilder()
      .insert()
      .into(ContestPlayer)
      .values({ ...p, kicked: false })
      .callListeners(false)
      .execute();
    return Number(r.identifiers[0].id);
  }

  playerByTokenHash(tokenHash: string): Promise<ContestPlayer | null> {
    return this.db.getRepository(ContestPlayer).findOneBy({ tokenHash });
  }

  players(sessionId: number, m: EntityManager = this.db.manager): Promise<ContestPlayer[]> {
    return m.getRepository(ContestPlayer).find({ where: { sessionId }, order: { id: 'ASC' } });
  }

  async kick(sessionId: number, playerId: number): Promise<boolean> {
    const r = await this.db.getRepository(ContestPlayer).update({ id: playerId, sessionId }, { kicked: true });
    return (r.affected ?? 0) > 0;
  }

  /** Writes acknowledged answers in one statement; a second copy of an answer is ignored. */
  async insertAnswers(rows: Omit<ContestAnswer, 'id'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .createQueryBuilder()
      .insert()
      .into(ContestAnswer)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .callListeners(false)
      .execute();
  }

  answers(sessionId: number, m: EntityManager = this.db.manager): Promise<ContestAnswer[]> {
    return m.getRepository(ContestAnswer).findBy({ sessionId });
  }

  /** Sets one judge's score for a team, replacing an earlier one. */
  async putJudgeScore(s: Omit<JudgeScore, 'id'>): Promise<JudgeScore> {
    const repo = this.db.getRepository(JudgeScore);
    const existing = await repo.findOneBy({
      sessionId: s.sessionId,
      roundId: s.roundId,
      judge: s.judge,
      agencyId: s.agencyId,
    });
    return repo.save({ ...(existing ?? {}), ...s });
  }

  judgeScores(sessionId: number, m: EntityManager = this.db.manager): Promise<JudgeScore[]> {
    return m.getRepository(JudgeScore).findBy({ sessionId });
  }
}
