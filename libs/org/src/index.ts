import { AgencyLevel } from './agencies/agency-level.entity.js';
import { Agency } from './agencies/agency.entity.js';
import { OrgAgenciesUsers1764201700000 } from './org.migration.js';
import { User } from './users/user.entity.js';

/**
 * Agencies (province → departments and districts → communes, levels as data) and people (users,
 * roles, passwords), with login, imports and the demo province.
 */
export { Agency, AgencyLevel, User };
export { OrgModule } from './org.module.js';
export { UsersRepository } from './users/users.repository.js';
export { AgenciesRepository } from './agencies/agencies.repository.js';
export { hashPassword, verifyPassword } from './users/password.js';
export { passwordProblem } from './domain/password-policy.js';
export { roleNeedsAgency, ROLE_LABELS_VI } from './domain/roles.js';
export { buildTree, descendantIds } from './domain/agency-tree.js';
export { createAdmin, hasActiveAdmin, type AdminAccount } from './startup/first-admin.js';
export { DemoOrg } from './demo/demo-org.js';
export {
  DemoOrgSeeder,
  demoAccountsBlock,
  ensureStandardLevels,
  type DemoAccount,
  type DemoSeedResult,
} from './demo/demo-org.seeder.js';
export {
  DEMO_AGENCIES,
  DEMO_COMMUNE_CODE,
  DEMO_PROVINCE_CODE,
  DEMO_PROVINCE_NAME,
  DEMO_USERS,
  STANDARD_LEVELS,
} from './demo/demo-province.js';

export const orgEntities = [AgencyLevel, Agency, User];
export const orgMigrations = [OrgAgenciesUsers1764201700000];
