import { itemStatistics, median, testStatistics } from './item-analysis.js';

/*
 * Five attempts, three 0/1 items, worked by hand:
 *
 *            item1 item2 item3 | total
 *   A1         1     1     1   |   3
 *   A2         1     1     0   |   2
 *   A3         1     0     0   |   1
 *   A4         0     1     0   |   1
 *   A5         0     0     0   |   0
 *
 * Totals: mean 1.4, median 1, deviations 1.6 0.6 −0.4 −0.4 −1.4,
 *   Σd² = 5.2 → V(T) = 5.2/4 = 1.3, SD = √1.3 = 1.140175425
 *   m2 = 5.2/5 = 1.04, m3 = 1.44/5 = 0.288, m4 = 10.576/5 = 2.1152
 *   k2 = 5·1.04/4 = 1.3; k3 = 25·0.288/(4·3) = 0.6; k4 = 25·(6·2.1152 − 3·4·1.04²)/(4·3·2) = −0.3
 *   skewness = k3/k2^1.5 = 0.6/1.482228053 = 0.404796; kurtosis = k4/k2² = −0.3/1.69 = −0.177515
 * Item variances: 0.3, 0.3, 0.2 (Σ 0.8), k = 3
 *   CIC = 100·(3/2)·(1 − 0.8/1.3) = 57.692308; ER = 100·√(1 − 0.576923) = 65.044364
 *   SE = 0.65044364·1.140175425 = √(0.4230769·1.3) = √0.55 = 0.741620
 * Item 1: x = 1 1 1 0 0, rest X = 2 1 0 1 0
 *   facility 60, SD 100·√0.3 = 54.772256; C(x,X) = 0.6/4 = 0.15, V(X) = 2.8/4 = 0.7
 *   discrimination = 100·0.15/√(0.3·0.7) = 32.732684
 *   Cmax: sorted x 0 0 1 1 1 with sorted X 0 0 1 1 2 → Σ = 1.6, /4 = 0.4 → efficiency 37.5
 * Item 3: x = 1 0 0 0 0, rest X = 2 2 1 1 0
 *   facility 20, SD 100·√0.2 = 44.721360; C = 0.8/4 = 0.2, V(X) = 0.7
 *   discrimination = 100·0.2/√(0.2·0.7) = 53.452248; Cmax = 0.2 → efficiency 100
 */
const matrix = [
  [1, 1, 1],
  [1, 1, 0],
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 0],
];
const itemRows = (j: number) => matrix.map((row) => ({ score: row[j], rest: row.reduce((a, b) => a + b, 0) - row[j] }));

describe('testStatistics (hand-computed data set)', () => {
  const t = testStatistics(matrix);
  it.each([
    ['attempts', t.attempts, 5],
    ['mean', t.mean, 1.4],
    ['median', t.median, 1],
    ['sd', t.sd, 1.140175],
    ['skewness', t.skewness, 0.404796],
    ['kurtosis', t.kurtosis, -0.177515],
    ['cic (KR-20)', t.cic, 57.692308],
    ['error ratio', t.errorRatio, 65.044364],
    ['standard error', t.standardError, 0.74162],
  ])('%s', (_name, got, expected) => {
    expect(got).toBeCloseTo(expected, 5);
  });

  it('leaves out what too few attempts cannot tell', () => {
    expect(testStatistics([])).toMatchObject({ attempts: 0, mean: null, sd: null });
    expect(testStatistics([[1, 0]])).toMatchObject({ attempts: 1, mean: 1, sd: null, cic: null });
    expect(testStatistics([[1], [0], [1]])).toMatchObject({ cic: null, kurtosis: null });
  });
});

describe('itemStatistics (hand-computed data set)', () => {
  it.each([
    ['item 1', 0, { attempts: 5, facility: 60, sd: 54.772256, discrimination: 32.732684, efficiency: 37.5 }],
    ['item 3', 2, { attempts: 5, facility: 20, sd: 44.72136, discrimination: 53.452248, efficiency: 100 }],
  ])('%s', (_name, j, expected) => {
    const got = itemStatistics(itemRows(j), 1);
    expect(got.attempts).toBe(expected.attempts);
    for (const key of ['facility', 'sd', 'discrimination', 'efficiency'] as const) {
      expect(got[key]).toBeCloseTo(expected[key], 5);
    }
  });

  it('scales facility and SD to an item worth 2 points', () => {
    const got = itemStatistics(
      itemRows(0).map((r) => ({ score: r.score * 2, rest: r.rest })),
      2,
    );
    expect(got.facility).toBeCloseTo(60, 6);
    expect(got.sd).toBeCloseTo(54.772256, 5);
    expect(got.discrimination).toBeCloseTo(32.732684, 5);
  });

  it('has no discrimination when everyone scored the same', () => {
    const got = itemStatistics(
      [
        { score: 1, rest: 3 },
        { score: 1, rest: 1 },
      ],
      1,
    );
    expect(got).toMatchObject({ facility: 100, sd: 0, discrimination: null, efficiency: null });
  });

  it.each([
    [[], null],
    [[3], 3],
    [[3, 1], 2],
    [[5, 1, 3], 3],
  ])('median of %j is %s', (xs, m) => {
    expect(median(xs)).toBe(m);
  });
});
