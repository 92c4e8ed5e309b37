import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An administrative procedure (thủ tục hành chính) a respondent may say they came for. */
@Entity('survey_procedures')
@Index('uq_survey_procedures_code', ['code'], { unique: true })
export class SurveyProcedure {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  /** Field (lĩnh vực), e.g. Hộ tịch. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  field: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}
