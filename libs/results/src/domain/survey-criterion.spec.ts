import { DEFAULT_SURVEY_CRITERION } from '@app/survey';
import { deriveSurveyPoints, isComputedSurveyLeaf, parseSurveyLeafConfig, surveyWindow } from './survey-criterion.js';

describe('parseSurveyLeafConfig', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['a form code alone', { form: 'mac-dinh' }, []],
    [
      'every setting',
      {
        form: 'mac-dinh',
        questionKeys: ['C.1', 'C.2'],
        from: '2026-01-01',
        to: '2026-06-30',
        mapping: { mode: 'step', steps: [{ minPercent: 80, sharePercent: 100 }] },
        minResponses: 50,
        onShortfall: 'zero',
      },
      [],
    ],
    ['no form', { minResponses: 3 }, ['form must name a survey form by its code, e.g. "mac-dinh"']],
    [
      'empty question list',
      { form: 'f', questionKeys: [] },
      ['questionKeys must list 1–100 question keys such as "C.1"'],
    ],
    ['a key twice', { form: 'f', questionKeys: ['C.1', 'C.1'] }, ['questionKeys lists a key twice']],
    ['a bad date', { form: 'f', from: '2026-02-30' }, ['from must be a date YYYY-MM-DD']],
    ['from after to', { form: 'f', from: '2026-05-01', to: '2026-04-30' }, ['from must not be after to']],
    ['a mapping problem from the survey', { form: 'f', onShortfall: 'maybe' }, ['onShortfall must be zero or flag']],
    ['an unknown setting', { form: 'f', colour: 'red' }, ['unknown setting "colour"']],
  ];
  it.each(cases)('%s', (_name, raw, problems) => {
    expect(parseSurveyLeafConfig(raw).problems).toEqual(problems);
  });

  it('fills the survey defaults', () => {
    expect(parseSurveyLeafConfig({ form: 'mac-dinh' }).config).toEqual({
      ...DEFAULT_SURVEY_CRITERION,
      form: 'mac-dinh',
      questionKeys: null,
      from: null,
      to: null,
    });
  });

  it('computes only a leaf that is configured', () => {
    expect([isComputedSurveyLeaf(null), isComputedSurveyLeaf({}), isComputedSurveyLeaf({ form: 'x' })]).toEqual([
      false,
      false,
      true,
    ]);
  });
});

describe('surveyWindow: Vietnam days', () => {
  const cases: [string, { from: string | null; to: string | null }, string, string][] = [
    ['the scheme year by default', { from: null, to: null }, '2025-12-31T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
    [
      'the days given, the last one included',
      { from: '2026-03-01', to: '2026-03-31' },
      '2026-02-28T17:00:00.000Z',
      '2026-03-31T17:00:00.000Z',
    ],
    ['a start only', { from: '2026-07-01', to: null }, '2026-06-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
  ];
  it.each(cases)('%s', (_name, config, from, to) => {
    const w = surveyWindow(config, 2026);
    expect([w.from.toISOString(), w.to.toISOString()]).toEqual([from, to]);
  });
});

describe('deriveSurveyPoints', () => {
  const config = { ...DEFAULT_SURVEY_CRITERION, minResponses: 3 };
  const cases: [
    string,
    { agencyId: number; responses: number; answers: number; satisfied: number }[],
    number,
    number | null,
    string,
    boolean,
  ][] = [
    // 9 of 12 answers satisfied = 75 % of 2 points = 1.50
    ['one agency', [{ agencyId: 1, responses: 4, answers: 12, satisfied: 9 }], 150, 7500, 'OK', false],
    // (9 + 1) / (12 + 3) = 66.67 % → 2 × 10 / 15 = 1.333… → 1.33
    [
      'two agencies add up',
      [
        { agencyId: 2, responses: 1, answers: 3, satisfied: 1 },
        { agencyId: 1, responses: 4, answers: 12, satisfied: 9 },
      ],
      133,
      6667,
      'OK',
      false,
    ],
    [
      'too few responses: flagged, points stand',
      [{ agencyId: 1, responses: 2, answers: 6, satisfied: 6 }],
      200,
      10000,
      'TOO_FEW_RESPONSES',
      true,
    ],
    ['nobody answered', [{ agencyId: 1, responses: 0, answers: 0, satisfied: 0 }], 0, null, 'NO_RESPONSES', true],
  ];
  it.each(cases)('%s', (_name, rows, points, rate, reason, flagged) => {
    const d = deriveSurveyPoints(rows, config, 200);
    expect([d.pointsCenti, d.rateHundredths, d.reason, d.flagged]).toEqual([points, rate, reason, flagged]);
  });

  it('gives the margin of error on the pooled responses and lists the agencies in id order', () => {
    const d = deriveSurveyPoints(
      [
        { agencyId: 9, responses: 2, answers: 2, satisfied: 1 },
        { agencyId: 3, responses: 4, answers: 4, satisfied: 3 },
      ],
      config,
      100,
    );
    // 4 of 6 = 66.67 %, n = 6: Wilson [30.00, 90.32] → half-width 30.16
    expect([d.marginMethod, d.low, d.high, d.margin95]).toEqual(['wilson', 30, 90.32, 30.16]);
    expect(d.perAgency.map((a) => a.agencyId)).toEqual([3, 9]);
  });
});
