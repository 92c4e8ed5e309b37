import { rankWithinQuota, type RankEntry, type TieBreak } from './ranking.js';

const e = (id: number, total: number, keys: RankEntry['keys'] = {}, passed = true): RankEntry => ({
  id,
  total,
  passed,
  keys,
});

const view = (r: ReturnType<typeof rankWithinQuota>): string =>
  r.map((x) => `${x.id}:${x.rank ?? '-'}${x.withinQuota ? '*' : ''}${x.tiedAtEdge ? '!' : ''}`).join(' ');

describe('rankWithinQuota', () => {
  it.each<[string, RankEntry[], number, TieBreak[], string]>([
    ['plain order', [e(1, 50), e(2, 80), e(3, 65)], 2, [], '2:1* 3:2* 1:3'],
    ['shared ranks 1, 2, 2, 4', [e(1, 90), e(2, 80), e(3, 80), e(4, 70)], 4, [], '1:1* 2:2* 3:2* 4:4*'],
    [
      'a tie at the quota edge takes both in and flags them',
      [e(1, 90), e(2, 80), e(3, 80), e(4, 70)],
      2,
      [],
      '1:1* 2:2*! 3:2*! 4:4',
    ],
    [
      'tie broken by part 1 score, higher first',
      [e(1, 80, { 'part:0': 40 }), e(2, 80, { 'part:0': 45 }), e(3, 70)],
      1,
      [{ key: 'part:0', order: 'desc' }],
      '2:1* 1:2 3:3',
    ],
    [
      'chain falls through to the second key',
      [e(1, 80, { 'part:0': 40, submittedAt: 200 }), e(2, 80, { 'part:0': 40, submittedAt: 100 })],
      1,
      [
        { key: 'part:0', order: 'desc' },
        { key: 'submittedAt', order: 'asc' },
      ],
      '2:1* 1:2',
    ],
    [
      'a missing tie value ranks last',
      [e(1, 80, {}), e(2, 80, { priority: 0 })],
      1,
      [{ key: 'priority', order: 'desc' }],
      '2:1* 1:2',
    ],
    ['failed candidates are not ranked', [e(1, 95, {}, false), e(2, 60), e(3, 55)], 1, [], '2:1* 3:2 1:-'],
    ['quota 0 admits nobody', [e(1, 90)], 0, [], '1:1'],
  ])('%s', (_name, entries, quota, chain, expected) => {
    expect(view(rankWithinQuota(entries, quota, chain))).toBe(expected);
  });
});
