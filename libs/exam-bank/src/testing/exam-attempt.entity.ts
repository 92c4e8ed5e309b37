import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PartGrade } from './domain/grading.js';
import type { AttemptState, Variant } from './testing.types.js';

/** A candidate's one attempt at a session: the seed and variant drawn at start, the deadline, the grade. */
@Entity('exam_attempts')
@Index('uq_exam_attempts_candidate', ['sessionId', 'candidateId'], { unique: true })
@Index('idx_exam_attempts_due', ['state', 'deadline'])
export class ExamAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'int', name: 'candidate_id' })
  candidateId: number;

  @Column({ type: 'int' })
  seed: number;

  @Column({ type: 'simple-json' })
  variant: Variant;

  @Column({ type: 'datetime', precision: 3, name: 'started_at' })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  deadline: Date;

  @Column({ type: 'varchar', length: 20 })
  state: AttemptState;

  /** Furthest item reached, for sequential navigation. */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'datetime', precision: 3, name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'graded_at', nullable: true })
  gradedAt: Date | null;

  @Column({ type: 'double', nullable: true })
  score: number | null;

  @Column({ type: 'double', name: 'max_score', nullable: true })
  maxScore: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'simple-json', name: 'part_scores', nullable: true })
  partScores: PartGrade[] | null;

  /** Points per variant item, in variant order. */
  @Column({ type: 'simple-json', name: 'item_scores', nullable: true })
  itemScores: number[] | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
