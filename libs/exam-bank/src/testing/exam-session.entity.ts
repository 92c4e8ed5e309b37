import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SessionViewShape } from '../published/bank-views.js';
import type { ReviewShows, ReviewWhen, SessionPurpose, SessionSettings, TieBreak } from './testing.types.js';

/** One sitting of a template: purpose, window, duration, review policy; candidates hang off it. */
@Entity('exam_sessions')
@Index('idx_exam_sessions_template', ['templateId'])
@Index('idx_exam_sessions_agency', ['agencyId'])
export class ExamSession implements SessionViewShape<Date> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'template_id' })
  templateId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  purpose: SessionPurpose;

  /** The agency inspected (purpose inspection). */
  @Column({ type: 'int', name: 'agency_id', nullable: true })
  agencyId: number | null;

  /** Job position recruited for (purpose recruitment), with its quota. */
  @Column({ type: 'varchar', length: 255, name: 'job_position', nullable: true })
  jobPosition: string | null;

  @Column({ type: 'int', nullable: true })
  quota: number | null;

  @Column({ type: 'datetime', precision: 3, name: 'opens_at' })
  opensAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'closes_at' })
  closesAt: Date;

  @Column({ type: 'int', name: 'duration_seconds' })
  durationSeconds: number;

  @Column({ type: 'varchar', length: 24, name: 'review_shows' })
  reviewShows: ReviewShows;

  @Column({ type: 'varchar', length: 16, name: 'review_when' })
  reviewWhen: ReviewWhen;

  /** Recruitment tie-break chain, applied after total score. */
  @Column({ type: 'simple-json', name: 'tie_break', nullable: true })
  tieBreak: TieBreak[] | null;

  /** The template's parts, thresholds and navigation as they were when the session was made. */
  @Column({ type: 'simple-json' })
  settings: SessionSettings;

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
