/** What a password must be, for accounts made by hand, by import, by the CLI and at start alike. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords people pick first; refused whatever their length. */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '12345678',
  '123456789',
  '1234567890',
  'abc12345',
  'qwerty123',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'admin123',
  'admin1234',
  'iloveyou1',
]);

/**
 * Why the password is too weak, or null when it is acceptable: at least 8 characters (at most 128),
 * a letter and a digit, not a well-known password and not containing the username.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `the password must have at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `the password must have at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'the password must contain a letter and a digit';
  if (COMMON.has(password.toLowerCase())) return 'the password is too common';
  const user = username?.trim().toLowerCase();
  if (user && user.length >= 3 && password.toLowerCase().includes(user)) {
    return 'the password must not contain the username';
  }
  return null;
}
