import {
  bestAttempt,
  completionMs,
  isRightChoice,
  onlineDeadline,
  participationRate,
  rankAgencies,
  rankOnlineEntrants,
  startRefusal,
  type OnlineAttempt,
} from './online.js';

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

describe('rankOnlineEntrants with time before the prediction', () => {
  it.each([
    ['faster wins over a closer guess', [1, 2], 'time', [2, 1]],
    ['closer guess wins over faster (default)', [1, 2], 'prediction', [1, 2]],
  ] as const)('%s', (_n, ids, first, expected) => {
    const entrants = [
      { id: ids[0], best: a(9, 500, 100) },
      { id: ids[1], best: a(9, 100, 50) },
    ];
    const order = first === 'time' ? (['time', 'prediction'] as const) : (['prediction', 'time'] as const);
    expect(rankOnlineEntrants(entrants, 100, order).map((e) => e.id)).toEqual(expected);
  });

  it('ranks an entrant without a prediction after every guess, and two without one by time', () => {
    const ranked = rankOnlineEntrants(
      [
        { id: 1, best: a(5, 100, null) },
        { id: 2, best: a(5, 900, 1000) },
        { id: 3, best: a(5, 50, null) },
      ],
      0,
    );
    expect(ranked.map((e) => [e.id, e.rank])).toEqual([
      [2, 1],
      [3, 2],
      [1, 3],
    ]);
  });
});

describe('isRightChoice', () => {
  const single = [
    { key: 'a', fraction: 0 },
    { key: 'b', fraction: 1 },
  ];
  const multiple = [
    { key: 'a', fraction: 0.5 },
    { key: 'b', fraction: 0.5 },
    { key: 'c', fraction: -1 },
  ];
  it.each([
    ['single right', single, ['b'], true],
    ['single wrong', single, ['a'], false],
    ['single, both picked', single, ['a', 'b'], false],
    ['multiple, exactly the right set', multiple, ['b', 'a'], true],
    ['multiple, one missing', multiple, ['a'], false],
    ['multiple, one too many', multiple, ['a', 'b', 'c'], false],
    ['nothing chosen', single, [], false],
  ])('%s', (_n, options, chosen, expected) => {
    expect(isRightChoice(options, chosen)).toBe(expected);
  });
});

describe('deadlines and completion time', () => {
  const t0 = new Date('2026-12-01T08:00:00Z');
  const at = (s: number): Date => new Date(t0.getTime() + s * 1000);
  it.each([
    ['the time limit', 600, at(3600), at(600)],
    ['never after the contest closes', 600, at(120), at(120)],
  ])('%s', (_n, limit, closes, expected) => {
    expect(onlineDeadline(t0, limit, closes)).toEqual(expected);
  });
  it.each([
    ['finished early', at(90), at(600), 90_000],
    ['closed late by the server counts up to the deadline', at(700), at(600), 600_000],
  ])('%s', (_n, finished, deadline, expected) => {
    expect(completionMs(t0, finished, deadline)).toBe(expected);
  });
});

describe('startRefusal', () => {
  const contest = {
    published: true,
    opensAt: new Date('2026-12-01T00:00:00Z'),
    closesAt: new Date('2026-12-21T00:00:00Z'),
    maxAttempts: 2,
  };
  const day = (d: number): Date => new Date(Date.UTC(2026, 11, d, 12));
  it.each([
    ['open, attempts left', contest, 1, day(10), null],
    ['a draft', { ...contest, published: false }, 0, day(10), 'CONTEST_NOT_PUBLISHED'],
    ['before it opens', contest, 0, new Date('2026-11-30T23:59:59Z'), 'CONTEST_NOT_OPEN'],
    ['at the closing moment', contest, 0, contest.closesAt, 'CONTEST_CLOSED'],
    ['every attempt used', contest, 2, day(10), 'NO_ATTEMPTS_LEFT'],
  ])('%s', (_n, c, used, now, expected) => {
    expect(startRefusal(c, used, now)).toBe(expected);
  });
});
