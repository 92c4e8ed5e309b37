import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Difficulty, QuestionStatus } from './question.types.js';

/**
 * A question's identity across its versions: topic, difficulty, level, tags and status. What was
 * shown to candidates lives in QuestionVersion; `currentVersionId` is the version drawn from now on.
 */
@Entity('questions')
@Index('idx_questions_topic', ['topicId'])
@Index('idx_questions_status', ['status'])
@Index('idx_questions_normalized', ['normalizedText'])
export class Question {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'topic_id' })
  topicId: number;

  @Column({ type: 'int', name: 'current_version_id', nullable: true })
  currentVersionId: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: QuestionStatus;

  @Column({ type: 'varchar', length: 16 })
  difficulty: Difficulty;

  /** Agency level code the question is written for (province, district, commune); null = any. */
  @Column({ type: 'varchar', length: 32, name: 'target_level', nullable: true })
  targetLevel: string | null;

  /** Comma-free tags, stored as a JSON array. */
  @Column({ type: 'simple-json' })
  tags: string[];

  /** Lower-case stem without diacritics and extra spaces: search without accents, duplicates. */
  @Column({ type: 'varchar', length: 512, name: 'normalized_text' })
  normalizedText: string;

  /** Moodle idnumber or the importer's own id, kept for round trips. */
  @Column({ type: 'varchar', length: 100, name: 'external_id', nullable: true })
  externalId: string | null;

  /** Moodle's question name, or a short title; kept for round trips. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  title: string | null;

  /** "|tag one|tag two|": the normalised tags, so a tag filter matches exactly on every database. */
  @Column({ type: 'text', name: 'tag_index', nullable: true })
  tagIndex: string | null;

  @Column({ type: 'int', name: 'created_by', nullable: true })
  createdBy: number | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
