import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person admitted to a session: an existing account (userId) or a candidate number (số báo danh)
 * with a one-time access code, of which only a hash is kept.
 */
@Entity('exam_candidates')
@Index('uq_exam_candidates_user', ['sessionId', 'userId'], { unique: true })
@Index('uq_exam_candidates_number', ['sessionId', 'candidateNumber'], { unique: true })
@Index('idx_exam_candidates_number', ['candidateNumber'])
@Index('idx_exam_candidates_user', ['userId'])
export class ExamCandidate {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'int', name: 'user_id', nullable: true })
  userId: number | null;

  @Column({ type: 'varchar', length: 32, name: 'candidate_number', nullable: true })
  candidateNumber: string | null;

  @Column({ type: 'varchar', length: 255, name: 'full_name' })
  fullName: string;

  /** The agency the candidate works for: what results and weakest topics group by. */
  @Column({ type: 'int', name: 'agency_id', nullable: true })
  agencyId: number | null;

  /** sha256 of "candidateId:code"; the code itself is shown once, when generated. */
  @Column({ type: 'varchar', length: 128, name: 'access_code_hash', nullable: true })
  accessCodeHash: string | null;

  @Column({ type: 'int', name: 'extra_seconds', default: 0 })
  extraSeconds: number;

  /** Recruitment priority points (điểm ưu tiên), added to the score for ranking. */
  @Column({ type: 'double', name: 'priority_points', default: 0 })
  priorityPoints: number;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
