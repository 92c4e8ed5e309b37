import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The saved answer to one item of an attempt: one row per attempt × item, upserted. */
@Entity('exam_answers')
@Index('uq_exam_answers_item', ['attemptId', 'itemIndex'], { unique: true })
export class ExamAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'attempt_id' })
  attemptId: number;

  /** Position in the attempt's variant. */
  @Column({ type: 'int', name: 'item_index' })
  itemIndex: number;

  /** Chosen option keys. */
  @Column({ type: 'simple-json' })
  chosen: string[];

  @Column({ type: 'boolean', default: false })
  flagged: boolean;

  @Column({ type: 'datetime', precision: 3, name: 'saved_at' })
  savedAt: Date;

  /** How many times the row was written (each accepted save adds one). */
  @Column({ type: 'int', default: 1 })
  revision: number;
}
