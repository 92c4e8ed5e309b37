import { canOpen, navFor, ROLES } from './roles.js';

describe('navigation by role', () => {
  it.each([
    [
      'admin',
      [
        '/',
        '/admin/agencies',
        '/admin/users',
        '/bank',
        '/sessions',
        '/contests',
        '/dashboard',
        '/scorecards',
        '/schemes',
        '/ranking',
        '/online/manage',
        '/join',
        '/survey/results',
        '/survey/desks',
      ],
    ],
    [
      'organizer',
      [
        '/',
        '/admin/agencies',
        '/bank',
        '/sessions',
        '/contests',
        '/ranking',
        '/online/manage',
        '/join',
        '/survey/desks',
      ],
    ],
    [
      'inspector',
      [
        '/',
        '/admin/agencies',
        '/sessions',
        '/dashboard',
        '/scorecards',
        '/schemes',
        '/ranking',
        '/online/manage',
        '/join',
        '/survey/results',
      ],
    ],
    ['agency_officer', ['/', '/scorecards', '/ranking', '/my-tests', '/join', '/survey/results']],
    ['official', ['/', '/ranking', '/my-tests', '/online', '/join']],
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
