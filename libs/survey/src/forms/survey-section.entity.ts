import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A group of questions of one form version (access, procedure, conduct, result, feedback …). */
@Entity('survey_sections')
@Index('idx_survey_sections_version', ['formVersionId'])
export class SurveySection {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'form_version_id' })
  formVersionId: number;

  /** Stable across versions, e.g. "A". */
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;
}
