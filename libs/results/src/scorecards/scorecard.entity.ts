import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ScorecardState } from '../domain/workflow.js';

/** One agency's scores under one scheme. */
@Entity('par_scorecards')
@Index('uq_par_scorecards_scheme_agency', ['schemeId', 'agencyId'], { unique: true })
@Index('idx_par_scorecards_agency', ['agencyId'])
export class Scorecard {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'scheme_id' })
  schemeId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 24 })
  state: ScorecardState;

  @Column({ type: 'datetime', precision: 3, name: 'submitted_at', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'appraised_at', nullable: true })
  appraisedAt: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'text', name: 'reopen_reason', nullable: true })
  reopenReason: string | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
