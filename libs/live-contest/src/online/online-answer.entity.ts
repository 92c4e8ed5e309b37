import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The latest choice saved for one item of an attempt (a resend replaces it). */
@Entity('online_answers')
@Index('uq_online_answers_item', ['attemptId', 'itemIndex'], { unique: true })
export class OnlineAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'attempt_id' })
  attemptId: number;

  @Column({ type: 'int', name: 'item_index' })
  itemIndex: number;

  /** Chosen option keys, comma-separated, sorted. */
  @Column({ type: 'varchar', length: 64 })
  chosen: string;

  @Column({ type: 'datetime', precision: 3, name: 'saved_at' })
  savedAt: Date;
}
