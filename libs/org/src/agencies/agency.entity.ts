import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AgencyLevel } from './agency-level.entity.js';

/** A province, department (sở, ban, ngành), district (huyện, thị xã, thành phố) or commune (xã, phường, thị trấn). */
@Entity('agencies')
@Index('idx_agencies_parent', ['parentId'])
@Index('uq_agencies_code', ['code'], { unique: true })
export class Agency {
  @PrimaryGeneratedColumn()
  id: number;

  /** Short stable code, e.g. SNV, H-CAOLANH, X-MYTRA. */
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'int', name: 'level_id' })
  levelId: number;

  @ManyToOne(() => AgencyLevel, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'level_id', foreignKeyConstraintName: 'fk_agencies_level' })
  level?: Relation<AgencyLevel>;

  @Column({ type: 'int', name: 'parent_id', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_agencies_parent' })
  parent?: Relation<Agency> | null;

  /** Agencies with history are deactivated, never deleted. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Officials on the payroll: the denominator of coverage and participation rates. */
  @Column({ type: 'int', name: 'staff_count', nullable: true })
  staffCount: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
