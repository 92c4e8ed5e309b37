import { canOpen, navFor, ROLES } from './roles.js';

describe('navigation by role', () => {
  it.each([
    ['admin', ['/', '/admin/agencies', '/admin/users', '/online/manage']],
    ['organizer', ['/', '/admin/agencies', '/online/manage']],
    ['inspector', ['/', '/admin/agencies', '/online/manage']],
    ['agency_officer', ['/', '/my-tests']],
    ['official', ['/', '/my-tests', '/online']],
  ] as const)('%s sees exactly its ready screens', (role, paths) => {
    expect(
      navFor(role)
        .filter((n) => n.ready)
        .map((n) => n.path),
    ).toEqual(paths);
  });

  it('keeps user administration to admins only', () => {
    for (const role of ROLES) expect(canOpen(role, ['admin'])).toBe(role === 'admin');
  });

  it('gives every role a home', () => {
    for (const role of ROLES) expect(navFor(role)[0].path).toBe('/');
  });
});
