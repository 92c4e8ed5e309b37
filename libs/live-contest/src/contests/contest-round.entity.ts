import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RoundType } from '../protocol.js';

/** Settings of a round; each type reads its own fields, defaults filled by the service. */
export interface RoundSettings {
  /** speed rounds: 'speed' = round(P × (1 − t/(2T))), 'fixed' = P */
  scoring?: 'speed' | 'fixed';
  streakBonus?: number;
  streakCap?: number;
  /** buzzer rounds */
  answerSeconds?: number;
  plus?: number;
  minus?: number;
  /** judged rounds */
  judgeMethod?: 'mean' | 'trimmed_mean';
  trim?: number;
  /** points of this round count for the sudden-death tie-break, not the total */
  suddenDeath?: boolean;
}

@Entity('contest_rounds')
@Index('idx_contest_rounds_contest', ['contestId'])
export class ContestRound {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'contest_id' })
  contestId: number;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  type: RoundType;

  @Column({ type: 'simple-json' })
  settings: RoundSettings;
}
