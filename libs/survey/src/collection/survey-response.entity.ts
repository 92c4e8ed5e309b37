import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RespondentType } from '../domain/form-rules.js';
import type { VisitSource } from '../domain/visit-token.js';

/**
 * One respondent's visit. Nothing identifies the respondent (no address, device or account) unless
 * they chose to leave contact details.
 */
@Entity('survey_responses')
@Index('uq_survey_responses_token', ['visitTokenId'], { unique: true })
@Index('idx_survey_responses_form_time', ['formId', 'submittedAt'])
@Index('idx_survey_responses_survey', ['surveyId'])
export class SurveyResponse {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'survey_id' })
  surveyId: number;

  @Column({ type: 'int', name: 'form_id' })
  formId: number;

  @Column({ type: 'int', name: 'form_version_id' })
  formVersionId: number;

  @Column({ type: 'int', name: 'desk_id' })
  deskId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'int', name: 'visit_token_id' })
  visitTokenId: number;

  @Column({ type: 'varchar', length: 8 })
  source: VisitSource;

  @Column({ type: 'varchar', length: 16, name: 'respondent_type', nullable: true })
  respondentType: RespondentType | null;

  @Column({ type: 'int', name: 'procedure_id', nullable: true })
  procedureId: number | null;

  @Column({ type: 'varchar', length: 255, name: 'contact_name', nullable: true })
  contactName: string | null;

  @Column({ type: 'varchar', length: 32, name: 'contact_phone', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 255, name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'datetime', precision: 3, name: 'submitted_at' })
  submittedAt: Date;
}
