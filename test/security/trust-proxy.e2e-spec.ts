import { join as joinContest, type ContestClient } from '../contest/contest-support.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_DB } from '../support/test-database.js';
import { buildWorld, type World } from './security-world.js';

/**
 * Behind nginx every connection comes from nginx. With TRUST_PROXY=1 the limits per address count
 * the client nginx names in X-Forwarded-For, over HTTP and socket.io alike, so one guesser does not
 * lock out the hall; without it (the default) the header is ignored, so it cannot dodge a limit.
 */
describe(`rate limits per client address behind a proxy (${TEST_DB})`, () => {
  const login = (t: TestApp, forwardedFor: string, username: string, password: string) =>
    fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username, password }),
    }).then((r) => r.status);

  const PASSWORD = 'dung-mat-khau-2026';
  const makeTarget = async (t: TestApp, w: World) => {
    for (const [username, fullName] of [
      ['muc.tieu', 'Mục Tiêu'],
      ['dong.nghiep', 'Đồng Nghiệp'],
    ]) {
      const made = await t.api(
        'POST',
        '/api/users',
        { username, fullName, password: PASSWORD, role: 'inspector' },
        w.admin.token,
      );
      expect(made.status).toBe(201);
    }
  };

  const tryPin = async (t: TestApp, forwardedFor: string, pin: string, agencyId: number, open: ContestClient[]) => {
    try {
      open.push(
        await joinContest(
          t.url,
          { role: 'player', pin, name: 'Người chơi', agencyId },
          { 'x-forwarded-for': forwardedFor },
        ),
      );
      return 'joined';
    } catch (e) {
      return (e as Error).message.split(':')[0];
    }
  };

  describe('TRUST_PROXY=1 (one nginx in front)', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await startTestApp({ TRUST_PROXY: '1' });
      w = await buildWorld(t);
      await makeTarget(t, w);
    });
    afterAll(() => t.close());

    it('throttles logins per forwarded client: a guesser is stopped, a colleague behind the same nginx still logs in', async () => {
      const guesses: number[] = [];
      for (let i = 0; i < 10; i++) guesses.push(await login(t, '203.0.113.66', 'muc.tieu', `sai-${i}`));
      expect(guesses).toEqual(Array(10).fill(401));
      expect(await login(t, '203.0.113.66', 'muc.tieu', PASSWORD)).toBe(429);
      // (the guessed account is also limited on its own; a colleague's is not)
      expect(await login(t, '203.0.113.10', 'dong.nghiep', PASSWORD)).toBe(200);
    });

    it('throttles PIN guessing per forwarded client over socket.io, not for the whole hall', async () => {
      const open: ContestClient[] = [];
      const wrong = w.contest.pin === '000000' ? '000001' : '000000';
      for (let i = 0; i < 30; i++)
        expect(await tryPin(t, '198.51.100.66', wrong, w.own.agencyId, open)).toBe('PIN_NOT_FOUND');
      expect(await tryPin(t, '198.51.100.66', w.contest.pin, w.own.agencyId, open)).toBe('RATE_LIMITED');
      expect(await tryPin(t, '198.51.100.10', w.contest.pin, w.own.agencyId, open)).toBe('joined');
      open.forEach((c) => c.close());
    });
  });

  describe('default (no proxy trusted)', () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await startTestApp();
      w = await buildWorld(t);
      await makeTarget(t, w);
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For, so changing it does not escape the login limit', async () => {
      for (let i = 0; i < 10; i++) expect(await login(t, `203.0.113.${i}`, 'muc.tieu', `sai-${i}`)).toBe(401);
      expect(await login(t, '203.0.113.200', 'dong.nghiep', PASSWORD)).toBe(429);
    });
  });
});
