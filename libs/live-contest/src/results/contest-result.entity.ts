import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ResultKind = 'player' | 'agency' | 'question';

/**
 * Final results of a session, stored when it ends: one row per player, per agency (the team in team
 * mode) and per question.
 */
@Entity('contest_results')
@Index('idx_contest_results_session', ['sessionId', 'kind'])
export class ContestResult {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: ResultKind;

  /** Player, agency or question id. */
  @Column({ type: 'int', name: 'subject_id' })
  subjectId: number;

  @Column({ type: 'int', name: 'agency_id', nullable: true })
  agencyId: number | null;

  @Column({ type: 'varchar', length: 255 })
  label: string;

  @Column({ type: 'double' })
  score: number;

  @Column({ type: 'int', nullable: true })
  rank: number | null;

  @Column({ type: 'int', name: 'correct_count' })
  correctCount: number;

  @Column({ type: 'int', name: 'answer_count' })
  answerCount: number;

  @Column({ type: 'int', name: 'correct_time_ms' })
  correctTimeMs: number;

  /** Players (agency rows), or players who saw the question (question rows). */
  @Column({ type: 'int' })
  participants: number;
}
