import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to something that matters (a score, a grade, a role): who, when, what, before → after, why. */
@Entity('audit_log')
@Index('idx_audit_entity', ['entityType', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  at: Date;

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 255, name: 'actor_name' })
  actorName: string;

  /** e.g. score.appraised, attempt.regraded, user.password_reset */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64, name: 'entity_type' })
  entityType: string;

  @Column({ type: 'varchar', length: 64, name: 'entity_id' })
  entityId: string;

  @Column({ type: 'int', name: 'agency_id', nullable: true })
  agencyId: number | null;

  @Column({ type: 'simple-json', nullable: true })
  before: unknown;

  @Column({ type: 'simple-json', nullable: true })
  after: unknown;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
