/** The roles of the product. Fixed by the product, so an enum; agencies and levels are data. */
export enum Role {
  Admin = 'admin',
  Organizer = 'organizer',
  Inspector = 'inspector',
  AgencyOfficer = 'agency_officer',
  Official = 'official',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

/**
 * Who is calling, as the login token says. `userId` is null for a candidate who entered a
 * candidate number and one-time access code instead of an account (then `candidateId` is set).
 */
export interface Principal {
  userId: number | null;
  role: Role;
  agencyId: number | null;
  name: string;
  candidateId?: number;
  sessionId?: number;
}

/** Roles that see every agency; the others see only their own. */
const PROVINCE_WIDE: ReadonlySet<Role> = new Set([Role.Admin, Role.Organizer, Role.Inspector]);

/** Whether the principal may read or change data that belongs to the agency. */
export function canReachAgency(principal: Principal, agencyId: number | null | undefined): boolean {
  if (PROVINCE_WIDE.has(principal.role)) return true;
  return agencyId != null && principal.agencyId === agencyId;
}
