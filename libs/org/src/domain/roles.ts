import { Role } from '@app/platform';

/** Vietnamese names of the roles, as the import templates and the demo log write them. */
export const ROLE_LABELS_VI: Readonly<Record<Role, string>> = {
  [Role.Admin]: 'Quản trị hệ thống',
  [Role.Organizer]: 'Ban tổ chức',
  [Role.Inspector]: 'Kiểm tra viên',
  [Role.AgencyOfficer]: 'Cán bộ đầu mối',
  [Role.Official]: 'Công chức',
};

const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const BY_NAME = new Map<string, Role>([
  ...Object.values(Role).map((r) => [fold(r), r] as const),
  ...Object.entries(ROLE_LABELS_VI).map(([r, label]) => [fold(label), r as Role] as const),
  ['agency officer', Role.AgencyOfficer],
]);

/** The role a cell names, by code (agency_officer) or Vietnamese name (Cán bộ đầu mối); null if none. */
export function parseRole(text: string): Role | null {
  return BY_NAME.get(fold(text)) ?? null;
}

/** Agency officers and officials belong to an agency; province-wide roles may stand outside one. */
export function roleNeedsAgency(role: Role): boolean {
  return role === Role.AgencyOfficer || role === Role.Official;
}

/** Usernames: letters, digits, dot, dash and underscore, 3–64 characters. */
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;
