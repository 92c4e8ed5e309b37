import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { ContestMode } from '../contests/contest.entity.js';
import type { TeamScoring, TieBreakKey } from '../domain/ranking.js';

export type SessionState = 'live' | 'ended';

/**
 * What a session plays, fixed when it opens: the contest's settings and the rounds and questions
 * that existed then, in play order. Rounds and questions are never changed in place (the API only
 * adds them), so their ids pin their content; rounds or questions added later belong to later
 * sessions.
 */
export interface SessionSnapshot {
  contest: { title: string; mode: ContestMode; teamScoring: TeamScoring; tieBreak: TieBreakKey[] };
  roundIds: number[];
  questionIds: number[];
}

/** One live play of a contest, joined by PIN. */
@Entity('contest_sessions')
@Index('idx_contest_sessions_pin', ['pin'])
@Index('idx_contest_sessions_contest', ['contestId'])
export class LiveSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'contest_id' })
  contestId: number;

  @Column({ type: 'varchar', length: 6 })
  pin: string;

  @Column({ type: 'varchar', length: 16 })
  state: SessionState;

  @Column({ type: 'int', name: 'host_user_id' })
  hostUserId: number;

  /** sha256 of the projector's view-only token. */
  @Column({ type: 'varchar', length: 64, name: 'view_token_hash' })
  viewTokenHash: string;

  @Column({ type: 'datetime', precision: 3, name: 'pin_expires_at' })
  pinExpiresAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'ended_at', nullable: true })
  endedAt: Date | null;

  /** Null only for sessions opened before snapshots existed: they read the contest as it is now. */
  @Column({ type: 'simple-json', nullable: true })
  snapshot: SessionSnapshot | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
