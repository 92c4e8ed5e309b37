import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SurveyDerivation } from '../domain/survey-criterion.js';
import type { Derivation } from '../domain/test-derived.js';

/** The evidence behind a test-derived leaf's points. */
export type TestDerivation = Derivation & {
  kind?: undefined;
  config: unknown;
  agencyIds: number[];
  computedAt: string;
};

/** A scorecard's scores on one leaf of the scheme, in hundredths of a point. */
@Entity('par_scorecard_items')
@Index('uq_par_scorecard_items_leaf', ['scorecardId', 'nodeId'], { unique: true })
export class ScorecardItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'scorecard_id' })
  scorecardId: number;

  @Column({ type: 'int', name: 'node_id' })
  nodeId: number;

  @Column({ type: 'int', name: 'self_centi', nullable: true })
  selfCenti: number | null;

  /** Why evidence is missing, or any comment of the agency. */
  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'int', name: 'appraised_centi', nullable: true })
  appraisedCenti: number | null;

  @Column({ type: 'text', name: 'appraisal_note', nullable: true })
  appraisalNote: string | null;

  /** Points computed from test results (test-derived leaves) or survey responses (computed survey leaves). */
  @Column({ type: 'int', name: 'derived_centi', nullable: true })
  derivedCenti: number | null;

  /** The evidence and figures behind derived_centi, as computed. */
  @Column({ type: 'simple-json', nullable: true })
  derivation: TestDerivation | SurveyDerivation | null;

  /** The computation asks the appraisal team to look (coverage shortfall, no attempts, too few survey responses). */
  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
