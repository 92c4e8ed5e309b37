import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ContestOption {
  key: string;
  text: string;
}

/** A question of a round: the organizer's own, or copied from a bank question version. */
@Entity('contest_questions')
@Index('idx_contest_questions_round', ['roundId'])
export class ContestQuestion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'contest_id' })
  contestId: number;

  @Column({ type: 'int', name: 'round_id' })
  roundId: number;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'simple-json' })
  options: ContestOption[];

  /** Never sent to a player before the reveal. */
  @Column({ type: 'varchar', length: 16, name: 'correct_key' })
  correctKey: string;

  @Column({ type: 'int' })
  points: number;

  @Column({ type: 'int', name: 'time_limit_sec' })
  timeLimitSec: number;

  @Column({ type: 'int', name: 'bank_version_id', nullable: true })
  bankVersionId: number | null;
}
