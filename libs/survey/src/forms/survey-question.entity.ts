import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ChoiceOption, SurveyQuestionType } from '../domain/form-rules.js';

/** One question of a form version. `key` is stable across versions; index criteria name questions by it. */
@Entity('survey_questions')
@Index('uq_survey_questions_key', ['formVersionId', 'key'], { unique: true })
export class SurveyQuestion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'form_version_id' })
  formVersionId: number;

  @Column({ type: 'int', name: 'section_id' })
  sectionId: number;

  @Column({ type: 'varchar', length: 64 })
  key: string;

  /** Order inside the section. */
  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 16 })
  type: SurveyQuestionType;

  @Column({ type: 'text' })
  text: string;

  /** single_choice options; [] otherwise. */
  @Column({ type: 'simple-json' })
  options: ChoiceOption[];

  @Column({ type: 'boolean', default: false })
  required: boolean;

  @Column({ type: 'int', name: 'max_length', nullable: true })
  maxLength: number | null;
}
