import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A level of the agency tree (province, department, district, commune …). Levels are data: the
 * district level was abolished in 2025 but old years keep it, so a level is deactivated, not removed.
 */
@Entity('agency_levels')
@Index('uq_agency_levels_code', ['code'], { unique: true })
export class AgencyLevel {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable code used by imports and index schemes: province, department, district, commune. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Depth in the tree: 0 for the province, larger below it. */
  @Column({ type: 'int' })
  depth: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
