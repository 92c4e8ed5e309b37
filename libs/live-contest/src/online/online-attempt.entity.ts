import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OnlineAttemptState = 'in_progress' | 'submitted' | 'expired';

/** One question of an attempt: the bank version shown and the order of its options. */
export interface OnlineItem {
  topicId: number;
  questionId: number;
  versionId: number;
  options: string[];
}

/** One try of an official at an online contest: its variant (drawn from `seed`), deadline and result. */
@Entity('online_attempts')
@Index('uq_online_attempts_number', ['contestId', 'userId', 'number'], { unique: true })
@Index('idx_online_attempts_state', ['state', 'deadline'])
export class OnlineAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'contest_id' })
  contestId: number;

  @Column({ type: 'int', name: 'user_id' })
  userId: number;

  @Column({ type: 'int', name: 'agency_id', nullable: true })
  agencyId: number | null;

  /** 1, 2, … per official and contest; unique, so two starts at once cannot pass the limit. */
  @Column({ type: 'int' })
  number: number;

  /** 31-bit seed the variant was drawn from. */
  @Column({ type: 'int' })
  seed: number;

  @Column({ type: 'simple-json' })
  variant: OnlineItem[];

  @Column({ type: 'varchar', length: 16 })
  state: OnlineAttemptState;

  @Column({ type: 'datetime', precision: 3, name: 'started_at' })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  deadline: Date;

  /** Submitted, or closed by the server at the deadline. */
  @Column({ type: 'datetime', precision: 3, name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'double', nullable: true })
  score: number | null;

  @Column({ type: 'int', name: 'correct_count', nullable: true })
  correctCount: number | null;

  /** Completion time: finish (never later than the deadline) minus start. */
  @Column({ type: 'int', name: 'duration_ms', nullable: true })
  durationMs: number | null;

  @Column({ type: 'int', nullable: true })
  prediction: number | null;
}
