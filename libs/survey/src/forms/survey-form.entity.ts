import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A survey form's identity across its versions. What respondents saw lives in SurveyFormVersion. */
@Entity('survey_forms')
@Index('uq_survey_forms_code', ['code'], { unique: true })
export class SurveyForm {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stable code, e.g. "mac-dinh" for the seeded default form. */
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The version new surveys use. */
  @Column({ type: 'int', name: 'current_version_id', nullable: true })
  currentVersionId: number | null;

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
