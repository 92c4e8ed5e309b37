import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionOption, QuestionType, ScoringMode } from './question.types.js';

/**
 * The exact text, options and key of a question at one time. Editing a question that any attempt
 * has used (`used`) makes a new version; attempts keep pointing at the version they showed.
 */
@Entity('question_versions')
@Index('uq_question_versions_number', ['questionId', 'version'], { unique: true })
export class QuestionVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'question_id' })
  questionId: number;

  /** 1, 2, 3 … per question. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'text' })
  stem: string;

  @Column({ type: 'simple-json' })
  options: QuestionOption[];

  @Column({ type: 'varchar', length: 16, name: 'scoring_mode' })
  scoringMode: ScoringMode;

  /** Default points when a template does not set its own. */
  @Column({ type: 'double', default: 1 })
  points: number;

  /** Keep the options in this order (options like "Cả A, B, C" refer to others by letter). */
  @Column({ type: 'boolean', name: 'fixed_order', default: false })
  fixedOrder: boolean;

  /** Shown at review time. */
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  /** Set when an attempt first shows this version; from then on edits make a new version. */
  @Column({ type: 'boolean', default: false })
  used: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
