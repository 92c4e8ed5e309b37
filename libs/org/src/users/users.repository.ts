import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { User } from './user.entity.js';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(m: EntityManager = this.db.manager) {
    return m.getRepository(User);
  }

  findActiveByUsername(username: string): Promise<User | null> {
    return this.repo().findOneBy({ username, active: true });
  }

  findById(id: number): Promise<User | null> {
    return this.repo().findOneBy({ id });
  }

  async existsWithRole(role: User['role']): Promise<boolean> {
    return this.repo().exists({ where: { role } });
  }

  save(user: Partial<User>, m?: EntityManager): Promise<User> {
    return this.repo(m).save(user);
  }
}
