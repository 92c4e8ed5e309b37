import { canReachAgency, Role, type Principal } from './principal.js';

const who = (role: Role, agencyId: number | null = 7): Principal => ({ userId: 1, role, agencyId, name: 'x' });

describe('canReachAgency', () => {
  it.each([
    [Role.Admin, 7, 99, true],
    [Role.Inspector, 7, 99, true],
    [Role.Organizer, 7, 99, true],
    [Role.AgencyOfficer, 7, 7, true],
    [Role.AgencyOfficer, 7, 99, false],
    [Role.Official, 7, 7, true],
    [Role.Official, 7, 99, false],
    [Role.AgencyOfficer, null, null, false],
    [Role.Official, 7, null, false],
  ])('%s of agency %s reaching agency %s: %s', (role, own, target, expected) => {
    expect(canReachAgency(who(role, own), target)).toBe(expected);
  });
});
