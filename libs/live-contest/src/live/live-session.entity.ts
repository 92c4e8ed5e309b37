import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SessionState = 'live' | 'ended';

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

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
