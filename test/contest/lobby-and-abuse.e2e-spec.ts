import { jest } from '@jest/globals';
import type { WelcomePlayer } from '@app/live-contest';
import { LiveContestLimits } from '../../libs/live-contest/src/live/live.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ContestClient, join, makeCast, makeContest, sleep, startSession, type Cast } from './contest-support.js';

jest.setTimeout(30_000);

describe('live contest lobby control and bad input', () => {
  let t: TestApp;
  let cast: Cast;
  let contestId: number;
  let session: { sessionId: number; pin: string; viewToken: string };
  let host: ContestClient;
  const open: ContestClient[] = [];
  const player = async (name: string, agency = 0): Promise<ContestClient> => {
    const c = await join(t.url, { role: 'player', pin: session.pin, name, agencyId: cast.agencies[agency] });
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(LiveContestLimits).joinsPerPinPerSecond = 20;
    cast = await makeCast(t, 2);
    ({ contestId } = await makeContest(t, cast.organizer.token, {
      rounds: [{ title: 'Vòng 1', type: 'speed', questions: [{ text: 'Câu hỏi', correct: 'a' }] }],
    }));
    const roster = await t.api(
      'PUT',
      `/api/contests/${contestId}/roster`,
      { entries: [{ name: 'Phạm Thị Dung', agencyId: cast.agencies[1] }] },
      cast.organizer.token,
    );
    expect(roster.status).toBe(200);
    session = await startSession(t, cast.organizer.token, contestId);
    host = await join(t.url, { role: 'host', sessionId: session.sessionId, token: cast.organizer.token });
    open.push(host);
  });

  afterAll(async () => {
    for (const c of open) c.close();
    await t.close();
  });

  it('a locked lobby admits only the pre-registered roster', async () => {
    await player('Người đến sớm');
    expect(await host.send('host:lock', { locked: true })).toEqual({ ok: true, locked: true });
    await expect(player('Người lạ')).rejects.toThrow(/LOBBY_LOCKED/);
    await expect(player('Phạm Thị Dung', 0)).rejects.toThrow(/LOBBY_LOCKED/); // wrong agency
    const listed = await player('phạm thị  dung', 1);
    expect(((await listed.next('welcome')) as WelcomePlayer).self.name).toBe('phạm thị dung');
    expect(await host.send('host:lock', { locked: false })).toEqual({ ok: true, locked: false });
    await player('Người đến muộn');
  });

  it('the host kicks a player, who cannot come back with the token', async () => {
    const p = await player('Người bị mời ra');
    const w = (await p.next('welcome')) as WelcomePlayer;
    const gone = p.disconnected();
    expect(await host.send('host:kick', { playerId: w.self.playerId })).toEqual({ ok: true });
    expect(await p.next('kicked')).toHaveProperty('reason');
    await gone;
    await expect(join(t.url, { role: 'player', playerToken: w.playerToken })).rejects.toThrow(/KICKED/);
    expect(await host.send('host:kick', { playerId: 999999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('answers a malformed message with the reason and keeps the player connected; unknown events are ignored', async () => {
    const p = await player('Người gửi sai');
    const bad = await p.send('answer', { index: 'x', choice: 5, extra: true } as never);
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(bad.ok === false && bad.message).toMatch(/index/);
    expect(bad.ok === false && bad.message).toMatch(/extra/);
    expect(await p.send('answer', 'just a string' as never)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    p.socket.emit('no-such-event', { hello: 1 });
    p.socket.emit('answer', { index: -1 }); // no callback: the refusal comes as an error event
    expect(await p.next('error', (e) => e.code === 'VALIDATION_FAILED')).toHaveProperty('message');
    expect(p.socket.connected).toBe(true);
    expect(await p.send('answer', { index: 0, choice: 'a' })).toMatchObject({ ok: false, code: 'QUESTION_CLOSED' });
  });

  it('refuses an oversized message by closing that connection only', async () => {
    const big = await player('Người gửi lớn');
    const other = await player('Người bình thường');
    const gone = big.disconnected();
    big.socket.emit('answer', { index: 0, choice: 'x'.repeat(20_000) });
    await gone;
    expect(big.socket.connected).toBe(false);
    expect(await other.send('answer', { index: 0, choice: 'a' })).toMatchObject({ ok: false, code: 'QUESTION_CLOSED' });
  });

  it('rate-limits answers per socket', async () => {
    const p = await player('Người bấm liên tục');
    await sleep(1100);
    const acks = await Promise.all(Array.from({ length: 12 }, () => p.send('answer', { index: 0, choice: 'a' })));
    const limited = acks.filter((a) => a.ok === false && a.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThanOrEqual(12 - 5);
    expect(p.socket.connected).toBe(true);
  });

  it('throttles a flood of joins on one PIN', async () => {
    await sleep(1100);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        player(`Khách ${i}`).then(
          () => 'joined',
          (e: Error) => e.message.split(':')[0],
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'joined').length).toBeLessThanOrEqual(20);
    expect(outcomes.filter((o) => o === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(20);
    expect(outcomes.every((o) => o === 'joined' || o === 'RATE_LIMITED')).toBe(true);
    expect(await host.send('host:lock', { locked: false })).toEqual({ ok: true, locked: false });
  });
});
