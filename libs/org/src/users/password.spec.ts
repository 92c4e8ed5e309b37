import argon2 from 'argon2';
import { hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('stores argon2id at the OWASP baseline and verifies only the right password', async () => {
    const hash = await hashPassword('Đồng-sen-2026');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await verifyPassword(hash, 'Đồng-sen-2026')).toBe(true);
    expect(await verifyPassword(hash, 'Dong-sen-2026')).toBe(false);
  });

  it('still verifies hashes made with other parameters, and refuses garbage without throwing', async () => {
    const old = await argon2.hash('cu-1234-cu', { type: argon2.argon2id });
    expect(await verifyPassword(old, 'cu-1234-cu')).toBe(true);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});
