import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform';
import { Agency } from '../agencies/agency.entity.js';
import { DemoOrgSeeder, demoAccountsBlock, ensureStandardLevels } from '../demo/demo-org.seeder.js';
import { createAdmin, hasActiveAdmin } from './first-admin.js';

/**
 * What the organisation needs at start, after the migrations: the standard agency levels, the
 * first administrator from ADMIN_USERNAME/ADMIN_PASSWORD when no admin exists, and on the
 * embedded default (SEED_DEMO, no agencies yet) the demo province, its passwords printed once.
 *
 * This runs in onModuleInit, so every module's onApplicationBootstrap can build on the demo
 * province (DemoOrgSeeder.lastSeeded, DemoOrg.load).
 */
@Injectable()
export class OrgStartup implements OnModuleInit {
  private readonly logger = new Logger('OrgStartup');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly seeder: DemoOrgSeeder,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.db.transaction((m) => ensureStandardLevels(m));
    await this.firstAdmin();
    if (this.config.seedDemo && (await this.db.getRepository(Agency).count()) === 0) {
      const result = await this.seeder.seed();
      if (result) {
        this.logger.log(
          `Demo province seeded: ${result.org.agencyIds.size} agencies, ${result.accounts.length} accounts`,
        );
        process.stdout.write(demoAccountsBlock(result));
      }
    }
  }

  private async firstAdmin(): Promise<void> {
    const { ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = this.config;
    if (!username || !password || (await hasActiveAdmin(this.db))) return;
    const user = await createAdmin(this.db, { username, password }, 'first administrator from ADMIN_USERNAME');
    this.logger.log(`First administrator "${user.username}" created from ADMIN_USERNAME/ADMIN_PASSWORD`);
  }
}
