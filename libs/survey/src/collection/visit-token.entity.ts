import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { VisitSource } from '../domain/visit-token.js';

/** A one-visit token: issued per QR page load or kiosk reset, spent by one response. Only its SHA-256 is kept. */
@Entity('survey_visit_tokens')
@Index('uq_survey_visit_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_survey_visit_tokens_survey', ['surveyId'])
export class VisitToken {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'int', name: 'survey_id' })
  surveyId: number;

  @Column({ type: 'int', name: 'desk_id' })
  deskId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 8 })
  source: VisitSource;

  @Column({ type: 'int', name: 'kiosk_id', nullable: true })
  kioskId: number | null;

  @Column({ type: 'datetime', precision: 3, name: 'issued_at' })
  issuedAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'expires_at' })
  expiresAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'used_at', nullable: true })
  usedAt: Date | null;
}
