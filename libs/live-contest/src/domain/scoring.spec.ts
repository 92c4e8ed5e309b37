import {
  buzzWinner,
  eliminatedBy,
  eliminationWinners,
  scoreBuzzerAnswer,
  scoreSpeedAnswer,
  speedPoints,
  type SpeedSettings,
} from './scoring.js';

describe('speedPoints: round(P × (1 − t / (2T)))', () => {
  it.each([
    [1000, 0, 20000, 1000],
    [1000, 20000, 20000, 500],
    [1000, 10000, 20000, 750],
    [1000, 5000, 20000, 875],
    [100, 3333, 10000, 83],
    [1000, 25000, 20000, 500], // late t is clamped to T
    [1000, -50, 20000, 1000], // clock skew never gives more than P
    [10, 0, 0, 10], // no time limit: full points
  ])('P=%s t=%s T=%s → %s', (p, t, T, expected) => {
    expect(speedPoints(p, t, T)).toBe(expected);
  });
});

describe('scoreSpeedAnswer', () => {
  const speed: SpeedSettings = { scoring: 'speed', streakBonus: 0, streakCap: 5 };
  const fixed: SpeedSettings = { scoring: 'fixed', streakBonus: 0, streakCap: 5 };
  const streak: SpeedSettings = { scoring: 'speed', streakBonus: 100, streakCap: 3 };
  const q = { points: 1000, timeLimitMs: 20000, correctKey: 'b' };
  it.each([
    ['right at once, speed', speed, { choice: 'b', responseMs: 0 }, 2, { correct: true, points: 1000, streak: 3 }],
    ['right at half time', speed, { choice: 'b', responseMs: 10000 }, 0, { correct: true, points: 750, streak: 1 }],
    ['wrong resets the streak', speed, { choice: 'a', responseMs: 10 }, 4, { correct: false, points: 0, streak: 0 }],
    ['no answer resets the streak', speed, null, 4, { correct: false, points: 0, streak: 0 }],
    ['fixed ignores time', fixed, { choice: 'b', responseMs: 19999 }, 0, { correct: true, points: 1000, streak: 1 }],
    [
      'streak bonus per earlier right answer',
      streak,
      { choice: 'b', responseMs: 0 },
      2,
      { correct: true, points: 1200, streak: 3 },
    ],
    ['streak bonus capped', streak, { choice: 'b', responseMs: 0 }, 9, { correct: true, points: 1300, streak: 10 }],
  ] as const)('%s', (_name, s, answer, before, expected) => {
    expect(scoreSpeedAnswer(s, q, answer, before)).toEqual(expected);
  });
});

describe('scoreBuzzerAnswer: +x right, −y wrong, never below zero', () => {
  const s = { answerSeconds: 3, plus: 10, minus: 5 };
  it.each([
    ['b', 0, true, 10],
    ['a', 20, false, -5],
    ['a', 3, false, -3],
    ['a', 0, false, 0],
    [null, 12, false, -5],
  ] as const)('choice %s with score %s → correct %s, %s points', (choice, before, correct, points) => {
    const r = scoreBuzzerAnswer(s, 'b', choice, before);
    expect(r.correct).toBe(correct);
    expect(r.points).toBe(points);
    expect(before + r.points).toBeGreaterThanOrEqual(0);
  });
});

describe('buzzWinner: the first press inside the window', () => {
  const w = { opensAt: 1000, closesAt: 5000 };
  it.each([
    [
      'earliest wins',
      [
        { playerId: 1, at: 1300 },
        { playerId: 2, at: 1200 },
      ],
      2,
    ],
    [
      'same millisecond: lower id',
      [
        { playerId: 9, at: 1200 },
        { playerId: 3, at: 1200 },
      ],
      3,
    ],
    [
      'press before the window ignored',
      [
        { playerId: 1, at: 999 },
        { playerId: 2, at: 4000 },
      ],
      2,
    ],
    ['press after the window ignored', [{ playerId: 1, at: 5001 }], null],
    ['no press', [], null],
  ])('%s', (_n, presses, expected) => {
    expect(buzzWinner(presses, w)).toBe(expected);
  });
});

describe('elimination', () => {
  it.each([
    [
      'wrong and silent fall',
      [1, 2, 3],
      [
        [1, 'a'],
        [2, 'b'],
      ],
      [2, 3],
    ],
    [
      'all right: nobody falls',
      [1, 2],
      [
        [1, 'a'],
        [2, 'a'],
      ],
      [],
    ],
    ['already out are not counted', [2], [[1, 'b']], [2]],
  ] as const)('%s', (_n, standing, choices, expected) => {
    expect(eliminatedBy([...standing], 'a', new Map(choices.map(([k, v]) => [k, v])))).toEqual(expected);
  });

  it.each([
    [
      'the last standing win',
      [
        { playerId: 1, eliminatedAt: 2 },
        { playerId: 2, eliminatedAt: null },
      ],
      [2],
    ],
    [
      'nobody standing: those who fell last share the win',
      [
        { playerId: 1, eliminatedAt: 2 },
        { playerId: 2, eliminatedAt: 4 },
        { playerId: 3, eliminatedAt: 4 },
      ],
      [2, 3],
    ],
    ['no players', [], []],
  ])('%s', (_n, players, expected) => {
    expect(eliminationWinners(players)).toEqual(expected);
  });
});
