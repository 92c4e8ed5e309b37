import {
  DEFAULT_SURVEY_CRITERION,
  parseSurveyCriterionConfig,
  surveyPoints,
  type SurveyCriterionConfig,
} from './criterion-mapping.js';

const STEPS = [
  { minPercent: 90, sharePercent: 100 },
  { minPercent: 80, sharePercent: 75 },
  { minPercent: 60, sharePercent: 50 },
];
const cfg = (over: Partial<SurveyCriterionConfig>): SurveyCriterionConfig => ({
  ...DEFAULT_SURVEY_CRITERION,
  minResponses: 0,
  ...over,
});

describe('surveyPoints: rate → points', () => {
  const cases: [string, [number, number, number], SurveyCriterionConfig, number, number, string, boolean][] = [
    // name, [responses, answers, satisfied], config, max (centi), points (centi), reason, flagged
    ['proportional: 2 × 170/200 = 1.70', [40, 200, 170], cfg({}), 200, 170, 'OK', false],
    ['proportional rounds half up: 1.5 × 7/10 = 1.05', [10, 10, 7], cfg({}), 150, 105, 'OK', false],
    ['proportional: 3.33 × 2/3 = 2.22', [3, 3, 2], cfg({}), 333, 222, 'OK', false],
    ['proportional: 1 × 1/8 = 0.125 → 0.13', [8, 8, 1], cfg({}), 100, 13, 'OK', false],
    [
      'step: 85 % reaches the 80 step → 75 % of 2 = 1.5',
      [20, 20, 17],
      cfg({ mapping: { mode: 'step', steps: STEPS } }),
      200,
      150,
      'OK',
      false,
    ],
    [
      'step: exactly 90 % is full marks',
      [10, 10, 9],
      cfg({ mapping: { mode: 'step', steps: STEPS } }),
      200,
      200,
      'OK',
      false,
    ],
    [
      'step: 89.99… % is not 90',
      [10000, 10000, 8999],
      cfg({ mapping: { mode: 'step', steps: STEPS } }),
      200,
      150,
      'OK',
      false,
    ],
    ['step: below every step → 0', [10, 10, 5], cfg({ mapping: { mode: 'step', steps: STEPS } }), 200, 0, 'OK', false],
    [
      'step given low to high still picks the highest reached',
      [20, 20, 17],
      cfg({ mapping: { mode: 'step', steps: [...STEPS].reverse() } }),
      200,
      150,
      'OK',
      false,
    ],
    [
      'too few responses, zero',
      [5, 25, 25],
      cfg({ minResponses: 30, onShortfall: 'zero' }),
      200,
      0,
      'TOO_FEW_RESPONSES',
      false,
    ],
    [
      'too few responses, flag: points stand',
      [5, 25, 25],
      cfg({ minResponses: 30, onShortfall: 'flag' }),
      200,
      200,
      'TOO_FEW_RESPONSES',
      true,
    ],
    [
      'exactly the minimum is enough',
      [30, 30, 15],
      cfg({ minResponses: 30, onShortfall: 'zero' }),
      200,
      100,
      'OK',
      false,
    ],
    ['no responses, flag', [0, 0, 0], cfg({ onShortfall: 'flag' }), 200, 0, 'NO_RESPONSES', true],
    ['no responses, zero', [0, 0, 0], cfg({ onShortfall: 'zero' }), 200, 0, 'NO_RESPONSES', false],
  ];
  it.each(cases)('%s', (_n, [responses, answers, satisfied], config, max, points, reason, flagged) => {
    const r = surveyPoints({ responses, answers, satisfied }, config, max);
    expect([r.pointsCenti, r.reason, r.flagged]).toEqual([points, reason, flagged]);
  });

  it('reports the rate in hundredths of a percent', () => {
    expect(surveyPoints({ responses: 3, answers: 3, satisfied: 2 }, cfg({}), 100).rateHundredths).toBe(6667);
  });
});

describe('parseSurveyCriterionConfig', () => {
  const cases: [string, Record<string, unknown> | null, string[]][] = [
    ['nothing: the defaults', null, []],
    ['a step table', { mapping: { mode: 'step', steps: STEPS }, minResponses: 50, onShortfall: 'zero' }, []],
    ['an unknown mode', { mapping: { mode: 'penalty' } }, ['mapping.mode must be proportional or step']],
    [
      'a step above 100 %',
      { mapping: { mode: 'step', steps: [{ minPercent: 120, sharePercent: 50 }] } },
      ['a step mapping needs steps [{ minPercent, sharePercent }] with percentages 0–100, two decimals at most'],
    ],
    [
      'two equal thresholds',
      {
        mapping: {
          mode: 'step',
          steps: [
            { minPercent: 50, sharePercent: 50 },
            { minPercent: 50, sharePercent: 60 },
          ],
        },
      },
      ['step thresholds must differ'],
    ],
    ['a negative minimum', { minResponses: -1 }, ['minResponses must be a whole number ≥ 0']],
    ['a typo', { minResponse: 30 }, ['unknown setting "minResponse"']],
  ];
  it.each(cases)('%s', (_n, raw, problems) => expect(parseSurveyCriterionConfig(raw).problems).toEqual(problems));

  it('sorts steps from the highest threshold', () => {
    const { config } = parseSurveyCriterionConfig({ mapping: { mode: 'step', steps: [...STEPS].reverse() } });
    expect(config.mapping).toEqual({ mode: 'step', steps: STEPS });
  });
});
