import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TeamScoring, TieBreakKey } from '../domain/ranking.js';

export type ContestMode = 'individual' | 'team';

/** A contest an organizer builds in rounds; played live in sessions. */
@Entity('contests')
@Index('idx_contests_organizer', ['organizerId'])
export class Contest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'int', name: 'organizer_id' })
  organizerId: number;

  /** individual: players rank alone; team: agencies are the teams. */
  @Column({ type: 'varchar', length: 16 })
  mode: ContestMode;

  @Column({ type: 'varchar', length: 8, name: 'team_scoring' })
  teamScoring: TeamScoring;

  @Column({ type: 'simple-json', name: 'tie_break' })
  tieBreak: TieBreakKey[];

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
