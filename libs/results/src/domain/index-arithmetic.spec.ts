import { computeIndex, finalCenti, type IndexLeaf, type LeafScores } from './index-arithmetic.js';

describe('finalCenti: which score a leaf counts with', () => {
  const cases: [string, LeafScores, number][] = [
    [
      'self-assessed, not yet appraised',
      { source: 'self_assessed', selfCenti: 300, appraisedCenti: null, derivedCenti: null },
      300,
    ],
    [
      'self-assessed, appraised lower',
      { source: 'self_assessed', selfCenti: 300, appraisedCenti: 250, derivedCenti: null },
      250,
    ],
    [
      'self-assessed, appraised to zero',
      { source: 'self_assessed', selfCenti: 300, appraisedCenti: 0, derivedCenti: null },
      0,
    ],
    [
      'self-assessed, nothing entered',
      { source: 'self_assessed', selfCenti: null, appraisedCenti: null, derivedCenti: null },
      0,
    ],
    [
      'test-derived, computed',
      { source: 'test_derived', selfCenti: null, appraisedCenti: null, derivedCenti: 175 },
      175,
    ],
    [
      'test-derived, overridden',
      { source: 'test_derived', selfCenti: 400, appraisedCenti: 200, derivedCenti: 175 },
      200,
    ],
    [
      'test-derived, a self-score ignored',
      { source: 'test_derived', selfCenti: 400, appraisedCenti: null, derivedCenti: 175 },
      175,
    ],
    [
      'survey entered by the appraisal team',
      { source: 'survey', selfCenti: null, appraisedCenti: 812, derivedCenti: null },
      812,
    ],
    ['survey, a self-score ignored', { source: 'survey', selfCenti: 900, appraisedCenti: null, derivedCenti: null }, 0],
    [
      'survey computed from responses',
      { source: 'survey', selfCenti: null, appraisedCenti: null, derivedCenti: 150 },
      150,
    ],
    [
      'survey computed, then overridden',
      { source: 'survey', selfCenti: null, appraisedCenti: 100, derivedCenti: 150 },
      100,
    ],
    ['a penalty', { source: 'bonus_penalty', selfCenti: null, appraisedCenti: -100, derivedCenti: null }, -100],
  ];
  it.each(cases)('%s', (_name, leaf, expected) => {
    expect(finalCenti(leaf)).toBe(expected);
  });
});

describe('computeIndex', () => {
  const areas = [
    { code: 'A', maxCenti: 1450 },
    { code: 'B', maxCenti: 8550 },
  ];
  const l = (
    areaCode: string,
    source: IndexLeaf['source'],
    self: number | null,
    appraised: number | null,
    derived: number | null = null,
  ): IndexLeaf => ({
    areaCode,
    source,
    selfCenti: self,
    appraisedCenti: appraised,
    derivedCenti: derived,
  });

  it('adds leaves into areas and the total, with component indexes to two decimals', () => {
    const r = computeIndex(
      areas,
      [
        l('A', 'self_assessed', 1000, null),
        l('B', 'self_assessed', 5000, 4000),
        l('B', 'test_derived', null, null, 3333),
      ],
      10000,
    );
    expect(r.totalCenti).toBe(8333);
    expect(r.indexHundredths).toBe(8333);
    expect(r.areas).toEqual([
      { code: 'A', maxCenti: 1450, achievedCenti: 1000, indexHundredths: 6897 },
      { code: 'B', maxCenti: 8550, achievedCenti: 7333, indexHundredths: 8577 },
    ]);
    expect(r.appraisedCenti).toBe(5000);
    expect(r.selfCenti).toBe(6000);
  });

  it('adds tenths without float drift (0.1 × 10 = 1)', () => {
    const leaves = Array.from({ length: 10 }, () => l('A', 'self_assessed', 10, null));
    expect(computeIndex([{ code: 'A', maxCenti: 100 }], leaves, 100)).toMatchObject({
      totalCenti: 100,
      indexHundredths: 10000,
    });
  });

  it('scales the index to a scale other than 100', () => {
    expect(
      computeIndex([{ code: 'A', maxCenti: 5000 }], [l('A', 'self_assessed', 3333, null)], 5000).indexHundredths,
    ).toBe(6666);
  });

  it('counts an area with no leaves scored as zero', () => {
    expect(computeIndex(areas, [], 10000).areas.map((a) => a.indexHundredths)).toEqual([0, 0]);
  });
});
