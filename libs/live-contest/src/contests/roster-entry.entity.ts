import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A pre-registered player: once the lobby is locked, only the roster may join. */
@Entity('contest_roster')
@Index('idx_contest_roster_contest', ['contestId'])
export class RosterEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int', name: 'contest_id' })
  contestId: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  @Column({ type: 'int', name: 'agency_id' })
  agencyId: number;
}
