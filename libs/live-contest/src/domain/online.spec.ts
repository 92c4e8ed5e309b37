import { bestAttempt, participationRate, rankAgencies, rankOnlineEntrants, type OnlineAttempt } from './online.js';

const a = (score: number, durationMs: number, prediction: number | null = null): OnlineAttempt => ({
  score,
  durationMs,
  prediction,
});

describe('bestAttempt', () => {
  it.each([
    ['highest score', [a(5, 100), a(8, 900), a(7, 50)], 3, a(8, 900)],
    ['equal score: faster', [a(8, 900), a(8, 300)], 3, a(8, 300)],
    ['attempts beyond the limit do not count', [a(5, 100), a(6, 100), a(10, 10)], 2, a(6, 100)],
    ['none', [], 3, null],
  ])('%s', (_n, attempts, max, expected) => {
    expect(bestAttempt(attempts, max)).toEqual(expected);
  });
});

describe('rankOnlineEntrants: score, then prediction, then time', () => {
  it.each([
    [
      'score first',
      [
        { id: 1, best: a(8, 10, 100) },
        { id: 2, best: a(9, 99, 0) },
      ],
      100,
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'closest prediction breaks a tie',
      [
        { id: 1, best: a(9, 10, 80) },
        { id: 2, best: a(9, 99, 110) },
      ],
      100,
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'no prediction ranks after any',
      [
        { id: 1, best: a(9, 10, null) },
        { id: 2, best: a(9, 99, 5000) },
      ],
      100,
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'then completion time',
      [
        { id: 1, best: a(9, 500, 90) },
        { id: 2, best: a(9, 300, 110) },
      ],
      100,
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'all equal: shared',
      [
        { id: 1, best: a(9, 300, 90) },
        { id: 2, best: a(9, 300, 110) },
      ],
      100,
      [
        [1, 1],
        [2, 1],
      ],
    ],
  ])('%s', (_n, entrants, actual, expected) => {
    expect(rankOnlineEntrants(entrants, actual).map((e) => [e.id, e.rank])).toEqual(expected);
  });
});

describe('participationRate', () => {
  it.each([
    [5, 10, 0.5],
    [12, 10, 1],
    [3, null, 0],
    [3, 0, 0],
  ])('%s of %s → %s', (p, staff, expected) => {
    expect(participationRate(p, staff)).toBe(expected);
  });
});

describe('rankAgencies', () => {
  it('ranks by participation then mean score, leaving out those under the minimum', () => {
    const rows = rankAgencies(
      [
        { agencyId: 1, participants: 8, staff: 10, scores: [5, 7] },
        { agencyId: 2, participants: 8, staff: 10, scores: [9, 9] },
        { agencyId: 3, participants: 9, staff: 10, scores: [1] },
        { agencyId: 4, participants: 4, staff: 10, scores: [10] },
        { agencyId: 5, participants: 8, staff: 10, scores: [6, 6] },
      ],
      0.5,
    );
    expect(rows.map((r) => [r.agencyId, r.rank, r.excluded])).toEqual([
      [3, 1, false],
      [2, 2, false],
      [1, 3, false],
      [5, 3, false],
      [4, null, true],
    ]);
  });
});
