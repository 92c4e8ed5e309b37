import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LeafSource } from '../domain/scheme-tree.js';

/** An area, criterion or sub-criterion of a scheme. */
@Entity('par_scheme_nodes')
@Index('uq_par_scheme_nodes_code', ['schemeId', 'code'], { unique: true })
export class SchemeNode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'scheme_id' })
  schemeId: number;

  @Column({ type: 'int', name: 'parent_id', nullable: true })
  parentId: number | null;

  /** 1 area, 2 criterion, 3 sub-criterion. */
  @Column({ type: 'int' })
  depth: number;

  /** Order among siblings. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'int', name: 'max_centi' })
  maxCenti: number;

  /** Leaves only. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  source: LeafSource | null;

  @Column({ type: 'simple-json', nullable: true })
  config: Record<string, unknown> | null;
}
