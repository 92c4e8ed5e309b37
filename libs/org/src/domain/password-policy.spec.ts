import { passwordProblem } from './password-policy.js';

describe('passwordProblem', () => {
  it.each([
    ['a good one', 'song-4827-lua', undefined, null],
    ['Vietnamese letters count as letters', 'Đồngsen2025', undefined, null],
    ['too short', 'ab12', undefined, 'at least 8'],
    ['too long', 'a1'.repeat(65), undefined, 'at most 128'],
    ['digits only', '1234567890123', undefined, 'a letter and a digit'],
    ['letters only', 'abcdefghijk', undefined, 'a letter and a digit'],
    ['a common one', 'Matkhau123', undefined, 'too common'],
    ['contains the username', 'nguyenvana2024', 'NguyenVanA', 'username'],
    ['a short username is not checked', 'xy-2024-abc', 'xy', null],
  ])('%s', (_, password, username, expected) => {
    const problem = passwordProblem(password, username);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});
