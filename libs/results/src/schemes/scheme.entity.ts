import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SchemeStatus = 'draft' | 'active';

/** A PAR Index scheme for one year and one agency level (department, district, commune). */
@Entity('par_schemes')
@Index('uq_par_schemes_year_level_name', ['year', 'levelCode', 'name'], { unique: true })
export class Scheme {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  year: number;

  /** The org agency level code the scheme scores: department, district, commune. */
  @Column({ type: 'varchar', length: 32, name: 'level_code' })
  levelCode: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** The total the areas add up to, in hundredths of a point (100 points → 10000). */
  @Column({ type: 'int', name: 'scale_centi' })
  scaleCenti: number;

  /** Only a draft's tree may change; at most one active scheme per year and level. */
  @Column({ type: 'varchar', length: 16 })
  status: SchemeStatus;

  /** Ranking settings: { tieBreak, bands }. */
  @Column({ type: 'simple-json', nullable: true })
  ranking: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'datetime', precision: 6, name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'datetime', precision: 6, name: 'updated_at' })
  updatedAt: Date;
}
