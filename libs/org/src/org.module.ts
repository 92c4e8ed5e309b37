import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies/agencies.controller.js';
import { AgenciesRepository } from './agencies/agencies.repository.js';
import { AgenciesService } from './agencies/agencies.service.js';
import { AgencyLevelsController } from './agencies/agency-levels.controller.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { DemoOrgSeeder } from './demo/demo-org.seeder.js';
import { OrgImportController } from './import/org-import.controller.js';
import { OrgImportService } from './import/org-import.service.js';
import { OrgStartup } from './startup/org-startup.js';
import { UsersController } from './users/users.controller.js';
import { UsersRepository } from './users/users.repository.js';
import { UsersService } from './users/users.service.js';

@Module({
  controllers: [AuthController, AgencyLevelsController, AgenciesController, UsersController, OrgImportController],
  providers: [
    AuthService,
    UsersRepository,
    UsersService,
    AgenciesRepository,
    AgenciesService,
    OrgImportService,
    DemoOrgSeeder,
    OrgStartup,
  ],
  exports: [UsersRepository, AgenciesRepository, DemoOrgSeeder],
})
export class OrgModule {}
