import { rankStandings, teamScore, type Standing, type TieBreakKey } from './ranking.js';

const s = (id: number, score: number, correctTimeMs = 0, suddenDeath = 0, correctCount = 0): Standing => ({
  id,
  score,
  correctTimeMs,
  suddenDeath,
  correctCount,
});

describe('rankStandings', () => {
  it.each<[string, Standing[], TieBreakKey[], [number, number][]]>([
    [
      'by score',
      [s(1, 10), s(2, 30), s(3, 20)],
      [],
      [
        [2, 1],
        [3, 2],
        [1, 3],
      ],
    ],
    [
      'ties share a rank, next rank skips',
      [s(1, 10), s(2, 10), s(3, 5)],
      [],
      [
        [1, 1],
        [2, 1],
        [3, 3],
      ],
    ],
    [
      'faster right answers break a tie',
      [s(1, 10, 5000), s(2, 10, 3000)],
      ['correct_time'],
      [
        [2, 1],
        [1, 2],
      ],
    ],
    [
      'then sudden death',
      [s(1, 10, 3000, 0), s(2, 10, 3000, 1), s(3, 10, 2000, 0)],
      ['correct_time', 'sudden_death'],
      [
        [3, 1],
        [2, 2],
        [1, 3],
      ],
    ],
    [
      'equal on the whole chain: shared',
      [s(1, 10, 3000), s(2, 10, 3000)],
      ['correct_time'],
      [
        [1, 1],
        [2, 1],
      ],
    ],
    [
      'chain not configured: time ignored',
      [s(1, 10, 5000), s(2, 10, 3000)],
      [],
      [
        [1, 1],
        [2, 1],
      ],
    ],
  ])('%s', (_n, rows, chain, expected) => {
    expect(rankStandings(rows, chain).map((r) => [r.id, r.rank])).toEqual(expected);
  });
});

describe('teamScore', () => {
  it.each([
    [[10, 20, 30], 'sum', 60],
    [[10, 20, 30], 'mean', 20],
    [[10, 20], 'mean', 15],
    [[1, 1, 2], 'mean', 1.33],
    [[], 'sum', 0],
    [[], 'mean', 0],
  ] as const)('%j by %s → %s', (scores, how, expected) => {
    expect(teamScore([...scores], how)).toBe(expected);
  });
});
