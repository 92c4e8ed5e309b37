import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A tablet at a desk. It holds a kiosk token (only its SHA-256 is kept) and asks for one visit token per respondent. */
@Entity('survey_kiosks')
@Index('uq_survey_kiosks_token', ['tokenHash'], { unique: true })
@Index('idx_survey_kiosks_desk', ['deskId'])
export class KioskDevice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'desk_id' })
  deskId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
