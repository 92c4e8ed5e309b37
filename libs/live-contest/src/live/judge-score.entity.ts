import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One judge's score for one team (agency) in a judge-scored round of a session. */
@Entity('contest_judge_scores')
@Index('uq_contest_judge_scores', ['sessionId', 'roundId', 'judge', 'agencyId'], { unique: true })
export class JudgeScore {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'int', name: 'round_id' })
  roundId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 128 })
  judge: string;

  @Column({ type: 'double' })
  score: number;
}
