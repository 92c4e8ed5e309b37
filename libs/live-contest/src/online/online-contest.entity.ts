import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OnlineTieBreak } from '../domain/online.js';

export type OnlineContestState = 'draft' | 'published';

/** How many questions an attempt draws from one reform area (a bank topic with its subtopics). */
export interface OnlineArea {
  topicId: number;
  count: number;
}

/**
 * A contest played online over days or weeks: each attempt draws its questions at random per reform
 * area; the best of `maxAttempts` counts; a prediction question breaks ties.
 */
@Entity('online_contests')
@Index('idx_online_contests_organizer', ['organizerId'])
@Index('idx_online_contests_window', ['state', 'closesAt'])
export class OnlineContest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'int', name: 'organizer_id' })
  organizerId: number;

  /** draft: the organizer may change it, officials do not see it; published: fixed and playable in its window. */
  @Column({ type: 'varchar', length: 16 })
  state: OnlineContestState;

  @Column({ type: 'datetime', precision: 3, name: 'opens_at' })
  opensAt: Date;

  @Column({ type: 'datetime', precision: 3, name: 'closes_at' })
  closesAt: Date;

  @Column({ type: 'simple-json' })
  areas: OnlineArea[];

  @Column({ type: 'int', name: 'max_attempts' })
  maxAttempts: number;

  @Column({ type: 'int', name: 'time_limit_sec' })
  timeLimitSec: number;

  @Column({ type: 'double', name: 'points_per_question' })
  pointsPerQuestion: number;

  @Column({ type: 'boolean', name: 'shuffle_options', default: true })
  shuffleOptions: boolean;

  /** E.g. "Bao nhiêu người trả lời đúng tất cả các câu hỏi?" */
  @Column({ type: 'varchar', length: 500, name: 'prediction_question' })
  predictionQuestion: string;

  /** Share of an agency's officials (0..1) below which the agency is left out of the ranking. */
  @Column({ type: 'double', name: 'min_participation' })
  minParticipation: number;

  /** Order of the tie-breakers after the score. */
  @Column({ type: 'simple-json', name: 'tie_break' })
  tieBreak: OnlineTieBreak[];

  @Column({ type: 'datetime', precision: 3, name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
