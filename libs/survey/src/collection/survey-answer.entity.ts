import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SurveyQuestionType } from '../domain/form-rules.js';

/** One answer of a response; where, when and on which form are copied from the response so results read one table. */
@Entity('survey_answers')
@Index('idx_survey_answers_response', ['responseId'])
@Index('idx_survey_answers_form_time', ['formId', 'submittedAt'])
export class SurveyAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'response_id' })
  responseId: number;

  @Column({ type: 'int', name: 'form_id' })
  formId: number;

  @Column({ type: 'int', name: 'form_version_id' })
  formVersionId: number;

  @Column({ type: 'int', name: 'question_id' })
  questionId: number;

  @Column({ type: 'varchar', length: 64, name: 'question_key' })
  questionKey: string;

  @Column({ type: 'varchar', length: 64, name: 'section_key' })
  sectionKey: string;

  @Column({ type: 'int', name: 'desk_id' })
  deskId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'datetime', precision: 3, name: 'submitted_at' })
  submittedAt: Date;

  @Column({ type: 'varchar', length: 16 })
  type: SurveyQuestionType;

  /** scale_1_5: 1..5 */
  @Column({ type: 'int', nullable: true })
  value: number | null;

  /** single_choice: the option key */
  @Column({ type: 'varchar', length: 64, nullable: true })
  choice: string | null;

  /** comment */
  @Column({ type: 'text', nullable: true })
  text: string | null;
}
