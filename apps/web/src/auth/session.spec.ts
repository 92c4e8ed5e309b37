import { candidateSession, readSession, SESSION_STORAGE_KEY, writeSession, type Session } from './session.js';

const store = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  };
};
const session = (expiresAt: string, role = 'admin'): Session =>
  ({
    accessToken: 'tok',
    expiresAt,
    user: { id: 1, username: 'a', fullName: 'A', role, agencyId: null },
  }) as Session;

describe('stored session', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads back what was written while the token is valid', () => {
    const s = store();
    writeSession(s, session('2026-01-01T08:00:00Z'));
    expect(readSession(s, now)?.user.username).toBe('a');
  });

  it.each([
    ['an expired token', JSON.stringify(session('2025-12-31T23:59:59Z'))],
    ['an unknown role', JSON.stringify(session('2026-01-02T00:00:00Z', 'superuser'))],
    ['damaged JSON', '{"accessToken":'],
    ['a bad date', JSON.stringify(session('soon'))],
  ])('ignores %s', (_what, raw) => {
    const s = store();
    s.setItem(SESSION_STORAGE_KEY, raw);
    expect(readSession(s, now)).toBeNull();
  });

  it('logs out by removing the session', () => {
    const s = store();
    writeSession(s, session('2026-01-01T08:00:00Z'));
    writeSession(s, null);
    expect(s.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });
});

describe('candidate session', () => {
  it('stands the candidate in as an official of their agency, keeping the candidate record', () => {
    const s = candidateSession({
      accessToken: 't',
      expiresAt: '2026-01-01T01:00:00Z',
      candidate: { id: 7, sessionId: 3, candidateNumber: 'SB-0007', fullName: 'Lê Văn Cường', agencyId: 12 },
    });
    expect(s.user).toEqual({ id: 0, username: 'SB-0007', fullName: 'Lê Văn Cường', role: 'official', agencyId: 12 });
    expect(s.candidate?.sessionId).toBe(3);
  });
});
