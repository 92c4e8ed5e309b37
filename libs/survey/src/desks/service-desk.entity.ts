import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A one-stop desk (Bộ phận Tiếp nhận và Trả kết quả) of an agency, where respondents are asked. */
@Entity('survey_desks')
@Index('idx_survey_desks_agency', ['agencyId'])
@Index('uq_survey_desks_public_code', ['publicCode'], { unique: true })
export class ServiceDesk {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Random code in the desk's public link and QR code; it stays the same from survey to survey. */
  @Column({ type: 'varchar', length: 32, name: 'public_code' })
  publicCode: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
