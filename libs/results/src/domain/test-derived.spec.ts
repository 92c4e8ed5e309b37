import {
  agenciesCounted,
  DEFAULT_TEST_DERIVED,
  deriveTestPoints,
  parseTestDerivedConfig,
  type AttemptInput,
  type TestDerivedConfig,
} from './test-derived.js';

let nextId = 1;
/** Attempts with these scores out of 60, one candidate each, in session 1. */
const attempts = (scores: number[], over: Partial<AttemptInput> = {}): AttemptInput[] =>
  scores.map((score) => {
    const id = nextId++;
    return {
      attemptId: id,
      sessionId: 1,
      sessionName: 'Sát hạch đợt 1',
      agencyId: 7,
      candidateId: id,
      candidateName: `Công chức ${id}`,
      candidateNumber: `SBD${id}`,
      score,
      maxScore: 60,
      submittedAt: new Date('2026-05-01T02:00:00Z'),
      ...over,
    };
  });

const cfg = (over: Partial<TestDerivedConfig>): TestDerivedConfig => ({ ...DEFAULT_TEST_DERIVED, ...over });
// 10 candidates: 7 pass at 50 % (≥ 30 of 60); mean = 372 / 600 = 62 %.
const ten = [60, 54, 48, 42, 36, 30, 30, 29, 24, 19];
const STEPS = [
  { minPercent: 90, sharePercent: 100 },
  { minPercent: 70, sharePercent: 75 },
  { minPercent: 50, sharePercent: 50 },
];

describe('deriveTestPoints: every mapping mode', () => {
  const cases: [string, TestDerivedConfig, number, number][] = [
    // name, config, max (centi), expected points (centi)
    ['proportional on the pass rate: 4 × 70 %', cfg({}), 400, 280],
    ['proportional on the mean score: 4 × 62 %', cfg({ figure: 'mean_score_percent' }), 400, 248],
    ['proportional rounds half up: 1.5 × 70 % = 1.05', cfg({}), 150, 105],
    ['proportional, 3.33 × 70 % = 2.331 → 2.33', cfg({}), 333, 233],
    ['a higher threshold (60 %): 5 of 10 pass', cfg({ passThresholdPercent: 60 }), 400, 200],
    ['a lower threshold (40 %): 9 of 10 pass', cfg({ passThresholdPercent: 40 }), 400, 360],
    [
      'step on the pass rate: 70 % reaches the 70 step → 75 %',
      cfg({ mapping: { mode: 'step', steps: STEPS } }),
      400,
      300,
    ],
    [
      'step on the mean: 62 % reaches the 50 step → 50 %',
      cfg({ figure: 'mean_score_percent', mapping: { mode: 'step', steps: STEPS } }),
      400,
      200,
    ],
    ['step: below every step → 0', cfg({ passThresholdPercent: 90, mapping: { mode: 'step', steps: STEPS } }), 400, 0],
    [
      'step: steps given low to high still pick the highest reached',
      cfg({ mapping: { mode: 'step', steps: [...STEPS].reverse() } }),
      400,
      300,
    ],
    [
      'step with a share that needs rounding: 3.33 × 75 % = 2.4975 → 2.5',
      cfg({ mapping: { mode: 'step', steps: STEPS } }),
      333,
      250,
    ],
    ['penalty: 4 − 3 failing × 0.5 = 2.5', cfg({ mapping: { mode: 'penalty', perFailing: 0.5, floor: 0 } }), 400, 250],
    ['penalty stops at the floor', cfg({ mapping: { mode: 'penalty', perFailing: 1.5, floor: 1 } }), 400, 100],
    ['penalty never below zero', cfg({ mapping: { mode: 'penalty', perFailing: 2, floor: 0 } }), 400, 0],
  ];
  it.each(cases)('%s', (_name, config, max, expected) => {
    const d = deriveTestPoints(attempts(ten), config, max, null);
    expect(d.pointsCenti).toBe(expected);
    expect(d.flagged).toBe(false);
    expect(d.reason).toBe('OK');
  });

  it('reports the figures behind the points', () => {
    const d = deriveTestPoints(attempts(ten), cfg({}), 400, 20);
    expect(d).toMatchObject({
      candidates: 10,
      passed: 7,
      failed: 3,
      passRateHundredths: 7000,
      meanScoreHundredths: 6200,
      coverageHundredths: 5000,
      staffCount: 20,
    });
    expect(d.sessions).toEqual([{ sessionId: 1, sessionName: 'Sát hạch đợt 1', candidates: 10, passed: 7 }]);
    expect(d.attempts).toHaveLength(10);
    expect(d.attempts.find((a) => a.score === 29)).toMatchObject({ passed: false, percentHundredths: 4833 });
  });

  it('passes exactly at the threshold and fails a hair below it', () => {
    const d = deriveTestPoints(attempts([30, 29.99], { maxScore: 60 }), cfg({}), 100, null);
    expect(d.attempts.map((a) => a.passed)).toEqual([true, false]);
  });

  it('handles threshold with decimals exactly (66.67 % of 3 points)', () => {
    const d = deriveTestPoints(attempts([2, 2.01], { maxScore: 3 }), cfg({ passThresholdPercent: 66.67 }), 100, null);
    expect(d.attempts.map((a) => a.passed)).toEqual([false, true]);
  });

  it('counts only the latest attempt of a candidate, whatever the row order', () => {
    const early = attempts([10], { candidateId: 999, submittedAt: new Date('2026-05-01T00:00:00Z') });
    const late = attempts([50], { candidateId: 999, submittedAt: new Date('2026-06-01T00:00:00Z') });
    const a = deriveTestPoints([...early, ...late], cfg({}), 400, null);
    const b = deriveTestPoints([...late, ...early], cfg({}), 400, null);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ candidates: 1, passed: 1, pointsCenti: 400 });
  });

  it('is identical on every run for the same rows (shuffled)', () => {
    const rows = attempts(ten.concat([33, 17, 58]), { sessionId: 2 }).concat(attempts(ten));
    const first = deriveTestPoints(rows, cfg({ figure: 'mean_score_percent' }), 450, 40);
    for (let i = 0; i < 5; i++) {
      const shuffled = [...rows].sort(() => Math.random() - 0.5);
      expect(deriveTestPoints(shuffled, cfg({ figure: 'mean_score_percent' }), 450, 40)).toEqual(first);
    }
  });

  it('keeps only the configured sessions', () => {
    const rows = [...attempts([60, 60], { sessionId: 1 }), ...attempts([0, 0], { sessionId: 2 })];
    expect(deriveTestPoints(rows, cfg({ sessionIds: [1] }), 400, null)).toMatchObject({
      candidates: 2,
      pointsCenti: 400,
    });
  });
});

describe('deriveTestPoints: the coverage guard', () => {
  const cases: [
    string,
    TestDerivedConfig['coverage'],
    number[],
    number | null,
    { pointsCenti: number; flagged: boolean; reason: string },
  ][] = [
    ['no guard, no attempts → 0 and flagged', null, [], null, { pointsCenti: 0, flagged: true, reason: 'NO_ATTEMPTS' }],
    [
      'zero guard, no attempts → 0 not flagged',
      { onShortfall: 'zero' },
      [],
      null,
      { pointsCenti: 0, flagged: false, reason: 'NO_ATTEMPTS' },
    ],
    [
      'too few candidates, zero',
      { minCandidates: 11, onShortfall: 'zero' },
      ten,
      null,
      { pointsCenti: 0, flagged: false, reason: 'TOO_FEW_CANDIDATES' },
    ],
    [
      'too few candidates, flag keeps the points',
      { minCandidates: 11, onShortfall: 'flag' },
      ten,
      null,
      { pointsCenti: 280, flagged: true, reason: 'TOO_FEW_CANDIDATES' },
    ],
    [
      'exactly enough candidates',
      { minCandidates: 10, onShortfall: 'zero' },
      ten,
      null,
      { pointsCenti: 280, flagged: false, reason: 'OK' },
    ],
    [
      'below the staff share (10 of 21 < 50 %), zero',
      { minStaffPercent: 50, onShortfall: 'zero' },
      ten,
      21,
      { pointsCenti: 0, flagged: false, reason: 'LOW_COVERAGE' },
    ],
    [
      'below the staff share, flag',
      { minStaffPercent: 50, onShortfall: 'flag' },
      ten,
      21,
      { pointsCenti: 280, flagged: true, reason: 'LOW_COVERAGE' },
    ],
    [
      'exactly the staff share (10 of 20 = 50 %)',
      { minStaffPercent: 50, onShortfall: 'zero' },
      ten,
      20,
      { pointsCenti: 280, flagged: false, reason: 'OK' },
    ],
    [
      'staff unknown: flagged, never zeroed',
      { minStaffPercent: 50, onShortfall: 'zero' },
      ten,
      null,
      { pointsCenti: 280, flagged: true, reason: 'STAFF_COUNT_UNKNOWN' },
    ],
    [
      'both rules, the count fails first',
      { minCandidates: 20, minStaffPercent: 10, onShortfall: 'zero' },
      ten,
      20,
      { pointsCenti: 0, flagged: false, reason: 'TOO_FEW_CANDIDATES' },
    ],
  ];
  it.each(cases)('%s', (_name, coverage, scores, staff, expected) => {
    expect(deriveTestPoints(attempts(scores), cfg({ coverage }), 400, staff)).toMatchObject(expected);
  });
});

describe('parseTestDerivedConfig', () => {
  it('fills the defaults', () => {
    expect(parseTestDerivedConfig({}, 4)).toEqual({ config: DEFAULT_TEST_DERIVED, problems: [] });
  });

  it('reads a full configuration', () => {
    const { config, problems } = parseTestDerivedConfig(
      {
        passThresholdPercent: 60,
        figure: 'mean_score_percent',
        mapping: {
          mode: 'step',
          steps: [
            { minPercent: 50, sharePercent: 50 },
            { minPercent: 90, sharePercent: 100 },
          ],
        },
        coverage: { minCandidates: 5, minStaffPercent: 30, onShortfall: 'zero' },
        rollUpCommunes: true,
        sessionIds: [3, 4],
      },
      4,
    );
    expect(problems).toEqual([]);
    expect(config.mapping).toEqual({
      mode: 'step',
      steps: [
        { minPercent: 90, sharePercent: 100 },
        { minPercent: 50, sharePercent: 50 },
      ],
    });
    expect(config.coverage).toEqual({ minCandidates: 5, minStaffPercent: 30, onShortfall: 'zero' });
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['an unknown key', { colour: 'red' }, 'unknown setting "colour"'],
    ['a threshold over 100', { passThresholdPercent: 120 }, 'passThresholdPercent'],
    ['an unknown figure', { figure: 'median' }, 'figure must be'],
    ['an unknown mapping', { mapping: { mode: 'curve' } }, 'mapping.mode'],
    ['a step table without steps', { mapping: { mode: 'step', steps: [] } }, 'step mapping needs'],
    [
      'a step share over 100',
      { mapping: { mode: 'step', steps: [{ minPercent: 50, sharePercent: 150 }] } },
      'step mapping needs',
    ],
    [
      'repeated steps',
      {
        mapping: {
          mode: 'step',
          steps: [
            { minPercent: 50, sharePercent: 50 },
            { minPercent: 50, sharePercent: 60 },
          ],
        },
      },
      'must differ',
    ],
    ['a negative penalty', { mapping: { mode: 'penalty', perFailing: -1 } }, 'penalty mapping needs'],
    ['a floor above the maximum', { mapping: { mode: 'penalty', perFailing: 1, floor: 5 } }, 'above the criterion'],
    ['a coverage guard without its action', { coverage: { minCandidates: 3 } }, 'onShortfall'],
    ['a fractional minimum of candidates', { coverage: { minCandidates: 2.5, onShortfall: 'zero' } }, 'minCandidates'],
    ['roll-up not a boolean', { rollUpCommunes: 'yes' }, 'rollUpCommunes'],
    ['session ids not ids', { sessionIds: ['a'] }, 'sessionIds'],
  ];
  it.each(bad)('refuses %s', (_name, raw, message) => {
    expect(parseTestDerivedConfig(raw, 4).problems.join(' | ')).toContain(message);
  });
});

describe('agenciesCounted: commune roll-up to the parent district', () => {
  const tree = [
    { id: 1, parentId: null, levelCode: 'district', staffCount: 40 },
    { id: 2, parentId: 1, levelCode: 'commune', staffCount: 20 },
    { id: 3, parentId: 1, levelCode: 'commune', staffCount: 25 },
    { id: 4, parentId: 1, levelCode: 'department', staffCount: 99 },
    { id: 5, parentId: null, levelCode: 'district', staffCount: null },
    { id: 6, parentId: 5, levelCode: 'commune', staffCount: 10 },
  ];
  it.each([
    ['a district alone', 1, false, { agencyIds: [1], staffCount: 40 }],
    ['a district with its communes (not other children)', 1, true, { agencyIds: [1, 2, 3], staffCount: 85 }],
    ['a commune alone', 2, true, { agencyIds: [2], staffCount: 20 }],
    ['a staff count unknown somewhere → unknown', 5, true, { agencyIds: [5, 6], staffCount: null }],
    ['an agency missing from the list', 42, true, { agencyIds: [42], staffCount: null }],
  ])('%s', (_name, id, rollUp, expected) => {
    expect(agenciesCounted(id as number, tree, rollUp as boolean)).toEqual(expected);
  });
});
