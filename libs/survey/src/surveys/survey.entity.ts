import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A survey: one form version asked at chosen desks during a window [opensAt, closesAt). */
@Entity('surveys')
@Index('idx_surveys_form', ['formId'])
export class Survey {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'int', name: 'form_id' })
  formId: number;

  @Column({ type: 'int', name: 'form_version_id' })
  formVersionId: number;

  @Column({ type: 'datetime', precision: 3, name: 'opens_at' })
  opensAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'closes_at' })
  closesAt: Date;

  /** Paused surveys take no responses even inside their window. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Visits a desk may start per minute (QR and kiosks together). */
  @Column({ type: 'int', name: 'desk_rate_per_minute' })
  deskRatePerMinute: number;

  /** Visits one device (a kiosk, or one address for the QR link) may start or send per minute. */
  @Column({ type: 'int', name: 'device_rate_per_minute' })
  deviceRatePerMinute: number;

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
