import {
  aggregateByPeriod,
  aggregateSatisfaction,
  figureOf,
  interval95,
  periodKey,
  type ScaleAnswerRow,
} from './satisfaction.js';

describe('figureOf: rate and 95 % margin', () => {
  const cases: [string, number, number, number, Partial<ReturnType<typeof figureOf>>][] = [
    // name, satisfied, answers, responses, expected
    [
      '80 of 100: normal approximation 1.96·√(.8·.2/100) = 7.84 points',
      80,
      100,
      100,
      { ratePercent: 80, margin95: 7.84, low: 72.16, high: 87.84, method: 'normal' },
    ],
    [
      '50 of 400: p = .125, √(.125·.875/400) = .016536 → 3.24',
      50,
      400,
      400,
      { ratePercent: 12.5, margin95: 3.24, method: 'normal' },
    ],
    [
      '8 of 10: small n uses Wilson, [49.02, 94.33]',
      8,
      10,
      10,
      { ratePercent: 80, low: 49.02, high: 94.33, margin95: 22.66, method: 'wilson' },
    ],
    [
      '5 of 5: Wilson keeps a margin at 100 %, [56.55, 100]',
      5,
      5,
      5,
      { ratePercent: 100, low: 56.55, high: 100, method: 'wilson' },
    ],
    ['58 of 60 (n·(1−p) = 2 < 5): Wilson even with n ≥ 30', 58, 60, 60, { method: 'wilson' }],
    [
      'pooled answers, margin on responses: 16 of 20 answers from 10 responses is Wilson n = 10',
      16,
      20,
      10,
      { ratePercent: 80, low: 49.02, high: 94.33, method: 'wilson' },
    ],
    ['no answers: no rate, no margin', 0, 0, 0, { rate: null, ratePercent: null, margin95: null, method: 'none' }],
    ['two-thirds rounds to 66.67', 2, 3, 3, { ratePercent: 66.67 }],
  ];
  it.each(cases)('%s', (_n, satisfied, answers, responses, expected) => {
    expect(figureOf(satisfied, answers, responses)).toMatchObject(expected);
  });

  it('keeps the interval inside 0..1', () => {
    for (const [p, n] of [
      [0, 3],
      [1, 3],
      [0.01, 1000],
      [0.99, 40],
    ] as const) {
      const i = interval95(p, n);
      expect(i.low).toBeGreaterThanOrEqual(0);
      expect(i.high).toBeLessThanOrEqual(1);
    }
  });
});

describe('periodKey: periods in Vietnam time (UTC+7)', () => {
  const cases: [string, string, 'month' | 'quarter' | 'year', string][] = [
    ['mid-month', '2026-11-15T03:00:00Z', 'month', '2026-11'],
    ['23:30 UTC on 31 Oct is already November in Vietnam', '2026-10-31T23:30:00Z', 'month', '2026-11'],
    ['16:59 UTC on 31 Oct is still October', '2026-10-31T16:59:59Z', 'month', '2026-10'],
    ['quarter 4', '2026-10-01T00:00:00Z', 'quarter', '2026-Q4'],
    ['quarter 1', '2026-03-31T10:00:00Z', 'quarter', '2026-Q1'],
    ['new year in Vietnam before UTC', '2026-12-31T17:00:00Z', 'year', '2027'],
  ];
  it.each(cases)('%s', (_n, iso, g, key) => expect(periodKey(new Date(iso), g)).toBe(key));
});

describe('aggregateSatisfaction', () => {
  const row = (
    responseId: number,
    questionKey: string,
    value: number,
    over: Partial<ScaleAnswerRow> = {},
  ): ScaleAnswerRow => ({
    responseId,
    questionKey,
    sectionKey: questionKey.split('.')[0],
    deskId: 1,
    agencyId: 10,
    submittedAt: new Date('2026-11-10T02:00:00Z'),
    value,
    satisfiedMin: 4,
    ...over,
  });
  // 3 responses × 2 questions; desk 2 / agency 20 for response 3, in December.
  const rows = [
    row(1, 'A.1', 5),
    row(1, 'B.1', 4),
    row(2, 'A.1', 3),
    row(2, 'B.1', 4),
    row(3, 'A.1', 2, { deskId: 2, agencyId: 20, submittedAt: new Date('2026-12-02T02:00:00Z') }),
    row(3, 'B.1', 5, { deskId: 2, agencyId: 20, submittedAt: new Date('2026-12-02T02:00:00Z') }),
  ];
  const pick = (gs: ReturnType<typeof aggregateSatisfaction>) =>
    gs.map((g) => [g.key, g.satisfied, g.answers, g.responses]);

  const cases: [string, Parameters<typeof aggregateSatisfaction>[1], (string | number)[][]][] = [
    ['overall: 4 of 6 answers, 3 responses', 'overall', [['all', 4, 6, 3]]],
    [
      'per question',
      'question',
      [
        ['A.1', 1, 3, 3],
        ['B.1', 3, 3, 3],
      ],
    ],
    [
      'per section',
      'section',
      [
        ['A', 1, 3, 3],
        ['B', 3, 3, 3],
      ],
    ],
    [
      'per desk',
      'desk',
      [
        ['1', 3, 4, 2],
        ['2', 1, 2, 1],
      ],
    ],
    [
      'per agency',
      'agency',
      [
        ['10', 3, 4, 2],
        ['20', 1, 2, 1],
      ],
    ],
    [
      'per month',
      'period',
      [
        ['2026-11', 3, 4, 2],
        ['2026-12', 1, 2, 1],
      ],
    ],
  ];
  it.each(cases)('%s', (_n, by, expected) => expect(pick(aggregateSatisfaction(rows, by))).toEqual(expected));

  it('uses each answer’s own satisfied minimum (a version that counts 3 as satisfied)', () => {
    const lenient = rows.map((r) => ({ ...r, satisfiedMin: 3 }));
    expect(aggregateSatisfaction(lenient, 'overall')[0].satisfied).toBe(5);
  });

  it('orders numeric keys numerically', () => {
    const many = [row(1, 'A.1', 5, { deskId: 10 }), row(2, 'A.1', 5, { deskId: 9 })];
    expect(aggregateSatisfaction(many, 'desk').map((g) => g.key)).toEqual(['9', '10']);
  });
});

describe('aggregateByPeriod: per-response counts give the same figures as the answers', () => {
  const answer = (responseId: number, value: number, iso: string): ScaleAnswerRow => ({
    responseId,
    questionKey: `Q${value}`,
    sectionKey: 'A',
    deskId: 1,
    agencyId: 1,
    submittedAt: new Date(iso),
    value,
    satisfiedMin: 4,
  });
  const answers = [
    answer(1, 5, '2026-01-10T00:00:00Z'),
    answer(1, 2, '2026-01-10T00:00:00Z'),
    answer(2, 4, '2026-02-10T00:00:00Z'),
    answer(3, 1, '2026-04-01T00:00:00Z'),
    answer(3, 5, '2026-04-01T00:00:00Z'),
    answer(3, 4, '2026-04-01T00:00:00Z'),
  ];
  const perResponse = [
    { submittedAt: new Date('2026-01-10T00:00:00Z'), answers: 2, satisfied: 1 },
    { submittedAt: new Date('2026-02-10T00:00:00Z'), answers: 1, satisfied: 1 },
    { submittedAt: new Date('2026-04-01T00:00:00Z'), answers: 3, satisfied: 2 },
    { submittedAt: new Date('2026-05-01T00:00:00Z'), answers: 0, satisfied: 0 },
  ];
  it.each(['month', 'quarter', 'year'] as const)('by %s', (g) => {
    expect(aggregateByPeriod(perResponse, g)).toEqual(aggregateSatisfaction(answers, 'period', g));
  });
});
