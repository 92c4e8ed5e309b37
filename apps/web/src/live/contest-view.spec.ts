import type { LeaderboardRow } from '@protocol';
import {
  distribution,
  fractionLeft,
  groupByAgency,
  leaderboardMoves,
  localDeadline,
  mergeLobby,
  podium,
  secondsLeft,
} from './contest-view.js';

const row = (playerId: number, rank: number, score: number, name = `P${playerId}`): LeaderboardRow => ({
  playerId,
  rank,
  name,
  agencyId: 1,
  score,
});

describe('countdown on the server clock', () => {
  it.each([
    // deadline, serverTime, receivedAt (device clock), now (device clock), seconds left
    [20_000, 0, 1_000_000, 1_000_000, 20],
    [20_000, 0, 1_000_000, 1_000_001, 20],
    [20_000, 0, 1_000_000, 1_019_000, 1],
    [20_000, 0, 1_000_000, 1_019_999, 1],
    [20_000, 0, 1_000_000, 1_020_000, 0],
    [20_000, 0, 1_000_000, 1_030_000, 0],
    // a phone whose clock is 5 minutes behind the server still shows 10 s
    [500_000 + 10_000, 500_000, 200_000, 200_000, 10],
    // a message that arrived after 2 s paused in a queue: the deadline is still counted from receipt
    [5_000, 3_000, 50, 50, 2],
  ])('deadline %i sent at %i, received at %i, now %i: %i s left', (deadline, serverTime, receivedAt, now, left) => {
    expect(secondsLeft(localDeadline(deadline, serverTime, receivedAt), now)).toBe(left);
  });

  it.each([
    [10_000, 20_000, 0, 0.5],
    [10_000, 20_000, 10_000, 0],
    [10_000, 20_000, 15_000, 0],
    [30_000, 20_000, 0, 1],
    [10_000, 0, 0, 0],
  ])('deadline %i of a %i ms limit at %i leaves %f of the bar', (deadline, limit, now, f) => {
    expect(fractionLeft(deadline, limit, now)).toBe(f);
  });
});

describe('answer distribution', () => {
  const options = [
    { key: 'a', text: 'A' },
    { key: 'b', text: 'B' },
    { key: 'c', text: 'C' },
  ];

  it('gives each option its count, share, relative height and whether it is right, in option order', () => {
    expect(distribution(options, { a: 1, b: 2, c: 1 }, 'b')).toEqual([
      { key: 'a', text: 'A', count: 1, percent: 25, height: 0.5, correct: false },
      { key: 'b', text: 'B', count: 2, percent: 50, height: 1, correct: true },
      { key: 'c', text: 'C', count: 1, percent: 25, height: 0.5, correct: false },
    ]);
  });

  it('shows empty bars when nobody answered and treats a missing count as zero', () => {
    expect(distribution(options, { a: 0 }, 'a').map((b) => [b.count, b.percent, b.height])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

describe('leaderboard moves', () => {
  it.each([
    {
      name: 'an overtake: the second climbs one place, the first drops one',
      prev: [row(1, 1, 900), row(2, 2, 800)],
      next: [row(2, 1, 1700), row(1, 2, 900)],
      moves: [
        [2, 1, 1, 900],
        [1, 0, -1, 0],
      ],
    },
    {
      name: 'a newcomer has no previous place and counts as no move',
      prev: [row(1, 1, 900)],
      next: [row(3, 1, 1000), row(1, 2, 900)],
      moves: [
        [3, null, 0, 0],
        [1, 0, -1, 0],
      ],
    },
    {
      name: 'the first board: every row is new',
      prev: [],
      next: [row(1, 1, 100), row(2, 2, 50)],
      moves: [
        [1, null, 0, 0],
        [2, null, 0, 0],
      ],
    },
    {
      name: 'nothing changed',
      prev: [row(1, 1, 100), row(2, 2, 50)],
      next: [row(1, 1, 100), row(2, 2, 50)],
      moves: [
        [1, 0, 0, 0],
        [2, 1, 0, 0],
      ],
    },
  ])('$name', ({ prev, next, moves }) => {
    expect(leaderboardMoves(prev, next).map((r) => [r.playerId, r.from, r.moved, r.gained])).toEqual(moves);
  });

  it('tells two players with the same name apart by player id', () => {
    const prev = [row(1, 1, 10, 'Lan'), row(2, 2, 5, 'Lan')];
    const next = [row(2, 1, 20, 'Lan'), row(1, 2, 10, 'Lan')];
    expect(leaderboardMoves(prev, next).map((r) => r.moved)).toEqual([1, -1]);
  });

  it('falls back to name and agency for rows without a player id', () => {
    const old = { rank: 1, name: 'Lan', agencyId: 4, score: 5 };
    expect(leaderboardMoves([old], [{ ...old, score: 9 }])[0]).toMatchObject({ from: 0, gained: 4 });
  });
});

describe('podium', () => {
  it.each([
    [
      'three players: 2nd left, 1st middle, 3rd right',
      [row(1, 1, 30), row(2, 2, 20), row(3, 3, 10), row(4, 4, 5)],
      [
        [2, 2],
        [1, 1],
        [3, 3],
      ],
    ],
    [
      'two players',
      [row(1, 1, 30), row(2, 2, 20)],
      [
        [2, 2],
        [1, 1],
      ],
    ],
    ['one player', [row(1, 1, 30)], [[1, 1]]],
    [
      'a tie for first shares the top step',
      [row(1, 1, 30), row(2, 1, 30), row(3, 3, 10)],
      [
        [2, 1],
        [1, 1],
        [3, 3],
      ],
    ],
    ['nobody', [], []],
  ] as const)('%s', (_name, rows, expected) => {
    expect(podium(rows).map((p) => [p.row.playerId, p.step])).toEqual(expected);
  });
});

describe('lobby', () => {
  const names: Record<number, string> = { 1: 'Sở Tư pháp', 2: 'Sở Nội vụ' };
  it('groups players by agency, agencies and players in Vietnamese order', () => {
    const groups = groupByAgency(
      [
        { playerId: 1, name: 'Đào', agencyId: 1 },
        { playerId: 2, name: 'Bình', agencyId: 2 },
        { playerId: 3, name: 'An', agencyId: 1 },
      ],
      (id) => names[id],
    );
    expect(groups.map((g) => [g.name, g.players.map((p) => p.name)])).toEqual([
      ['Sở Nội vụ', ['Bình']],
      ['Sở Tư pháp', ['An', 'Đào']],
    ]);
  });

  it('adds newcomers once, replaces a rejoin and drops the kicked', () => {
    const now = mergeLobby(
      [
        { playerId: 1, name: 'A', agencyId: 1 },
        { playerId: 2, name: 'B', agencyId: 1 },
      ],
      [
        { playerId: 2, name: 'B', agencyId: 1 },
        { playerId: 3, name: 'C', agencyId: 2 },
      ],
      [1],
    );
    expect(now.map((p) => p.playerId)).toEqual([2, 3]);
  });
});
