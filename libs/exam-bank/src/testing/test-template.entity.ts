import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TemplateViewShape } from '../published/bank-views.js';
import type { Navigation, TemplatePart } from './testing.types.js';

/** A reusable test design: parts with draw rules and thresholds, shuffling, navigation. */
@Entity('exam_templates')
export class TestTemplate implements TemplateViewShape<Date> {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 16 })
  navigation: Navigation;

  /** Percent of all points needed to pass overall (besides every part passing). */
  @Column({ type: 'double', name: 'pass_percent', default: 50 })
  passPercent: number;

  @Column({ type: 'simple-json' })
  parts: TemplatePart[];

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
