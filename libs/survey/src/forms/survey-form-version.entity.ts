import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The exact sections and questions of a form at one time. Once a survey uses a version (`used`),
 * it never changes: editing the form makes a new version, and responses keep pointing at theirs.
 */
@Entity('survey_form_versions')
@Index('uq_survey_form_versions_number', ['formId', 'version'], { unique: true })
export class SurveyFormVersion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'form_id' })
  formId: number;

  /** 1, 2, 3 … per form. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Scale answers at or above this count as satisfied. */
  @Column({ type: 'int', name: 'satisfied_min' })
  satisfiedMin: number;

  @Column({ type: 'boolean', default: false })
  used: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
