import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A desk taking part in a survey. */
@Entity('survey_desk_links')
@Index('uq_survey_desk_links', ['surveyId', 'deskId'], { unique: true })
@Index('idx_survey_desk_links_desk', ['deskId'])
export class SurveyDeskLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'survey_id' })
  surveyId: number;

  @Column({ type: 'int', name: 'desk_id' })
  deskId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;
}
