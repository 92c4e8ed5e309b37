import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A node of the topic tree (default: the reform areas). Paths like "CCHC/Thủ tục hành chính". */
@Entity('question_topics')
@Index('idx_question_topics_parent', ['parentId'])
export class QuestionTopic {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'parent_id', nullable: true })
  parentId: number | null;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'int', default: 0 })
  position: number;
}
