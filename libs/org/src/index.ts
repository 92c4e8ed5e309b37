import { AgencyLevel } from './agencies/agency-level.entity.js';
import { Agency } from './agencies/agency.entity.js';
import { OrgAgenciesUsers1764201700000 } from './org.migration.js';
import { User } from './users/user.entity.js';

export { Agency, AgencyLevel, User };
export { OrgModule } from './org.module.js';
export { UsersRepository } from './users/users.repository.js';
export { hashPassword, verifyPassword } from './users/password.js';

export const orgEntities = [AgencyLevel, Agency, User];
export const orgMigrations = [OrgAgenciesUsers1764201700000];
