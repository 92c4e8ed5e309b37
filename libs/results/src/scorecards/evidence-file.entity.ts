import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A document (tài liệu kiểm chứng) uploaded for a scorecard item. */
@Entity('par_evidence_files')
@Index('idx_par_evidence_item', ['itemId'])
@Index('idx_par_evidence_scorecard', ['scorecardId'])
export class EvidenceFile {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'scorecard_id' })
  scorecardId: number;

  @Column({ type: 'int', name: 'item_id' })
  itemId: number;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;

  @Column({ type: 'varchar', length: 255, name: 'original_name' })
  originalName: string;

  /** Type recognised from the content: pdf, png, jpg, docx, xlsx. */
  @Column({ type: 'varchar', length: 16, name: 'file_type' })
  fileType: string;

  @Column({ type: 'int', name: 'size_bytes' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  /** Path under UPLOAD_DIR. */
  @Column({ type: 'varchar', length: 255, name: 'stored_path' })
  storedPath: string;

  @Column({ type: 'int', name: 'uploaded_by', nullable: true })
  uploadedBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;
}
