import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A player of a live session; the server-issued player token is kept only as a hash. */
@Entity('contest_players')
@Index('idx_contest_players_session', ['sessionId'])
@Index('uq_contest_players_token', ['tokenHash'], { unique: true })
export class ContestPlayer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'boolean', default: false })
  kicked: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
