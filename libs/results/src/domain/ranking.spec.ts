import {
  bandFor,
  DEFAULT_BANDS,
  largestDifferences,
  parseRankingConfig,
  rankEntries,
  type RankEntry,
  type TieBreakKey,
} from './ranking.js';

const e = (
  agencyId: number,
  index: number,
  appraised = 0,
  areas: Record<string, number> = {},
  total = index,
): RankEntry => ({
  agencyId,
  indexHundredths: index,
  totalCenti: total,
  appraisedCenti: appraised,
  areas,
});
const ranks = (entries: RankEntry[], tieBreak: TieBreakKey[] = []): string[] =>
  rankEntries(entries, { tieBreak, bands: DEFAULT_BANDS }).map((r) => `${r.agencyId}:${r.rank}`);

describe('rankEntries: ties share a rank and the next rank skips', () => {
  const cases: [string, RankEntry[], TieBreakKey[], string[]][] = [
    ['no ties', [e(1, 8000), e(2, 9100), e(3, 8500)], [], ['2:1', '3:2', '1:3']],
    [
      'two tied in second place → 1, 2, 2, 4',
      [e(1, 9100), e(2, 8500), e(3, 8500), e(4, 7000)],
      [],
      ['1:1', '2:2', '3:2', '4:4'],
    ],
    ['three tied first → 1, 1, 1, 4', [e(3, 9000), e(1, 9000), e(2, 9000), e(4, 1)], [], ['1:1', '2:1', '3:1', '4:4']],
    ['all tied', [e(2, 5000), e(1, 5000)], [], ['1:1', '2:1']],
    [
      'tie broken by appraised points',
      [e(1, 8500, 4000), e(2, 8500, 4500), e(3, 8500, 4000)],
      ['appraised_points'],
      ['2:1', '1:2', '3:2'],
    ],
    [
      'tie broken by an area after equal appraised points',
      [e(1, 8500, 4000, { CCCV: 1200 }), e(2, 8500, 4000, { CCCV: 1300 })],
      ['appraised_points', 'area:CCCV'],
      ['2:1', '1:2'],
    ],
    [
      'chain exhausted: still shared',
      [e(1, 8500, 4000, { X: 1 }), e(2, 8500, 4000, { X: 1 }), e(3, 100)],
      ['appraised_points', 'area:X'],
      ['1:1', '2:1', '3:3'],
    ],
    [
      'a tie-breaker never lifts a lower index',
      [e(1, 8501, 0), e(2, 8500, 9999)],
      ['appraised_points'],
      ['1:1', '2:2'],
    ],
    [
      'total points separate equal rounded indexes',
      [e(1, 6667, 0, {}, 3333), e(2, 6667, 0, {}, 3334)],
      ['total_points'],
      ['2:1', '1:2'],
    ],
    ['an area missing counts as zero', [e(1, 8500, 0, {}), e(2, 8500, 0, { Y: 5 })], ['area:Y'], ['2:1', '1:2']],
    ['empty', [], [], []],
  ];
  it.each(cases)('%s', (_name, entries, chain, expected) => {
    expect(ranks(entries, chain)).toEqual(expected);
  });

  it('attaches the band of each index', () => {
    const r = rankEntries([e(1, 9000), e(2, 8999)], { tieBreak: [], bands: DEFAULT_BANDS });
    expect(r.map((x) => x.band)).toEqual(['Tốt', 'Khá']);
  });
});

describe('bandFor', () => {
  const cases: [number, string | null][] = [
    [10000, 'Tốt'],
    [9000, 'Tốt'],
    [8999, 'Khá'],
    [8000, 'Khá'],
    [7999, 'Trung bình'],
    [7000, 'Trung bình'],
    [6999, 'Yếu'],
    [0, 'Yếu'],
  ];
  it.each(cases)('default bands: %p hundredths → %p', (index, band) => {
    expect(bandFor(index, DEFAULT_BANDS)).toBe(band);
  });

  const ministry = [
    { name: 'A', minPercent: 90 },
    { name: 'C', minPercent: 70 },
    { name: 'B', minPercent: 80 },
  ];
  it.each([
    [9500, 'A'],
    [8500, 'B'],
    [7050, 'C'],
    [6999, null],
  ])('configured A/B/C bands given in any order: %p → %p', (index, band) => {
    expect(bandFor(index, ministry)).toBe(band);
  });

  it('honours a band boundary with decimals', () => {
    const bands = [
      { name: 'Xuất sắc', minPercent: 95.5 },
      { name: 'Còn lại', minPercent: 0 },
    ];
    expect([bandFor(9550, bands), bandFor(9549, bands)]).toEqual(['Xuất sắc', 'Còn lại']);
  });
});

describe('parseRankingConfig', () => {
  it('defaults to appraised points first and the four bands', () => {
    expect(parseRankingConfig(undefined, [])).toEqual({
      config: { tieBreak: ['appraised_points'], bands: DEFAULT_BANDS },
      problems: [],
    });
  });
  it.each([
    [{ tieBreak: ['area:NOPE'] }, 'tie-breaker "area:NOPE"'],
    [{ tieBreak: 'appraised_points' }, 'tieBreak must be a list'],
    [{ bands: [{ name: 'A', minPercent: 120 }] }, 'bands must be'],
    [
      {
        bands: [
          { name: 'A', minPercent: 50 },
          { name: 'B', minPercent: 50 },
        ],
      },
      'same percentage',
    ],
    [{ colours: [] }, 'unknown ranking setting'],
  ])('refuses %p', (raw, message) => {
    expect(parseRankingConfig(raw, ['CCCV']).problems.join(' | ')).toContain(message);
  });
  it('accepts an area that exists', () => {
    expect(parseRankingConfig({ tieBreak: ['area:CCCV'] }, ['CCCV']).problems).toEqual([]);
  });
});

describe('largestDifferences', () => {
  it('orders agencies by the total gap between self-scores and appraisals', () => {
    const r = largestDifferences(
      [
        {
          agencyId: 1,
          items: [
            { selfCenti: 500, appraisedCenti: 400 },
            { selfCenti: 200, appraisedCenti: 300 },
          ],
        },
        {
          agencyId: 2,
          items: [
            { selfCenti: 500, appraisedCenti: 250 },
            { selfCenti: 100, appraisedCenti: null },
          ],
        },
        { agencyId: 3, items: [{ selfCenti: 100, appraisedCenti: 100 }] },
        { agencyId: 4, items: [{ selfCenti: 0, appraisedCenti: 250 }] },
      ],
      3,
    );
    expect(r).toEqual([
      { agencyId: 2, absoluteCenti: 250, netCenti: 250, itemsChanged: 1 },
      { agencyId: 4, absoluteCenti: 250, netCenti: -250, itemsChanged: 1 },
      { agencyId: 1, absoluteCenti: 200, netCenti: 0, itemsChanged: 2 },
    ]);
  });
});
