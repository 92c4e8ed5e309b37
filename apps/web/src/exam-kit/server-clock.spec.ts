import { sampleOffset, ServerClock } from './server-clock.js';

describe('server clock', () => {
  it.each([
    // sentAt, receivedAt, serverTime, offset
    [1000, 1000, 1000, 0],
    [1000, 1200, 1100, 0],
    [1000, 1200, 181_100, 180_000], // client 3 minutes slow
    [1000, 1200, -178_900, -180_000], // client 3 minutes fast
  ])('estimates the offset from the midpoint of the round trip (%i, %i, %i → %i)', (s, r, t, offset) => {
    expect(sampleOffset({ sentAt: s, receivedAt: r, serverTime: t })).toBe(offset);
  });

  it('trusts the sample with the shortest round trip', () => {
    let now = 10_000;
    const clock = new ServerClock(() => now);
    clock.add({ sentAt: 9000, receivedAt: 10_000, serverTime: 69_900 }); // rtt 1000 → offset 60_400
    clock.add({ sentAt: 9950, receivedAt: 10_000, serverTime: 69_975 }); // rtt 50 → offset 60_000
    clock.add({ sentAt: 9500, receivedAt: 10_000, serverTime: 70_500 }); // rtt 500 → offset 60_750
    expect(clock.offset).toBe(60_000);
    now = 20_000;
    expect(clock.serverNow()).toBe(80_000);
  });

  it('counts down to a server deadline whatever the client clock says', () => {
    const clientNow = Date.parse('2026-05-01T08:00:00Z'); // client 3 minutes fast
    const clock = new ServerClock(() => clientNow);
    clock.addServerTime('2026-05-01T07:57:00Z', clientNow, clientNow);
    expect(clock.remainingMs('2026-05-01T08:57:00Z')).toBe(60 * 60_000);
    expect(clock.remainingMs('2026-05-01T07:00:00Z')).toBe(0);
  });

  it('starts unsynced with no offset, and ignores impossible samples', () => {
    const clock = new ServerClock(() => 0);
    expect(clock.synced).toBe(false);
    expect(clock.offset).toBe(0);
    clock.add({ sentAt: 100, receivedAt: 50, serverTime: 1e9 });
    clock.addServerTime('not a date', 0, 0);
    expect(clock.synced).toBe(false);
  });

  it('forgets samples older than its window, following a corrected clock', () => {
    let now = 0;
    const clock = new ServerClock(() => now, 1000);
    clock.add({ sentAt: 0, receivedAt: 0, serverTime: 5000 });
    expect(clock.offset).toBe(5000);
    now = 5000;
    clock.add({ sentAt: 4000, receivedAt: 5000, serverTime: 4500 }); // slower sample, but the old one expired
    expect(clock.offset).toBe(0);
  });
});
