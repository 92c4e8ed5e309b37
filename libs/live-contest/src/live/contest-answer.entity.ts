import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An acknowledged answer (or buzzer answer), written before the acknowledgement goes out. */
@Entity('contest_answers')
@Index('uq_contest_answers_player_question', ['playerId', 'questionId'], { unique: true })
@Index('idx_contest_answers_session', ['sessionId'])
export class ContestAnswer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'session_id' })
  sessionId: number;

  @Column({ type: 'int', name: 'player_id' })
  playerId: number;

  @Column({ type: 'int', name: 'question_id' })
  questionId: number;

  @Column({ type: 'varchar', length: 16 })
  choice: string;

  /** Server receive time (UTC). */
  @Column({ type: 'datetime', precision: 3, name: 'received_at' })
  receivedAt: Date;

  @Column({ type: 'int', name: 'response_ms' })
  responseMs: number;
}
