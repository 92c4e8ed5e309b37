import { gradeAttempt, scoreItem, type GradableItem } from './grading.js';

const single: GradableItem = {
  part: 0,
  type: 'single',
  scoringMode: 'all_or_nothing',
  points: 2,
  options: [
    { key: 'a', fraction: 0 },
    { key: 'b', fraction: 1 },
    { key: 'c', fraction: 0 },
  ],
};
const trueFalse: GradableItem = {
  part: 0,
  type: 'true_false',
  scoringMode: 'all_or_nothing',
  points: 1,
  options: [
    { key: 'true', fraction: 1 },
    { key: 'false', fraction: 0 },
  ],
};
const multiOptions = [
  { key: 'a', fraction: 0.5 },
  { key: 'b', fraction: 0.5 },
  { key: 'c', fraction: -0.5 },
  { key: 'd', fraction: 0 },
];
const allOrNothing: GradableItem = {
  part: 0,
  type: 'multiple',
  scoringMode: 'all_or_nothing',
  points: 1,
  options: multiOptions,
};
const proportional: GradableItem = {
  part: 0,
  type: 'multiple',
  scoringMode: 'proportional',
  points: 4,
  options: multiOptions,
};

describe('scoreItem', () => {
  it.each([
    ['single right', single, ['b'], 2],
    ['single wrong', single, ['a'], 0],
    ['single two picks', single, ['a', 'b'], 0],
    ['single unanswered', single, undefined, 0],
    ['single unknown key', single, ['z'], 0],
    ['true/false right', trueFalse, ['true'], 1],
    ['true/false wrong', trueFalse, ['false'], 0],
    ['all-or-nothing exact set', allOrNothing, ['b', 'a'], 1],
    ['all-or-nothing missing one', allOrNothing, ['a'], 0],
    ['all-or-nothing one too many', allOrNothing, ['a', 'b', 'd'], 0],
    ['proportional both right', proportional, ['a', 'b'], 4],
    ['proportional half', proportional, ['a'], 2],
    ['proportional right + neutral', proportional, ['a', 'd'], 2],
    ['proportional penalty', proportional, ['a', 'b', 'c'], 2],
    ['proportional floored at zero', proportional, ['c'], 0],
    ['proportional right cancelled by wrong', proportional, ['a', 'c'], 0],
    ['proportional repeated key counts once', proportional, ['a', 'a'], 2],
  ])('%s', (_name, item, chosen, expected) => {
    expect(scoreItem(item, chosen)).toBe(expected);
  });

  it('rounds away floating-point dust', () => {
    const thirds: GradableItem = {
      part: 0,
      type: 'multiple',
      scoringMode: 'proportional',
      points: 1,
      options: [
        { key: 'a', fraction: 0.1 },
        { key: 'b', fraction: 0.2 },
      ],
    };
    expect(scoreItem(thirds, ['a', 'b'])).toBe(0.3);
  });
});

describe('gradeAttempt', () => {
  const items: GradableItem[] = [
    { ...single, part: 0 }, // 2 pts
    { ...trueFalse, part: 0 }, // 1 pt
    { ...proportional, part: 1 }, // 4 pts
    { ...trueFalse, part: 1 }, // 1 pt
  ];

  it.each([
    ['everything right', [['b'], ['true'], ['a', 'b'], ['true']], 8, [3, 5], [true, true], true],
    ['part 1 failed sinks the attempt', [['a'], ['true'], ['a', 'b'], ['true']], 6, [1, 5], [false, true], false],
    ['part 2 at 40 % fails', [['b'], ['false'], ['a'], ['false']], 4, [2, 2], [true, false], false],
    ['nothing answered', [], 0, [0, 0], [false, false], false],
  ])('%s', (_name, answers, total, partScores, partPassed, passed) => {
    const g = gradeAttempt([{}, {}], items, answers as string[][]);
    expect(g.score).toBe(total);
    expect(g.maxScore).toBe(8);
    expect(g.parts.map((p) => p.score)).toEqual(partScores);
    expect(g.parts.map((p) => p.maxScore)).toEqual([3, 5]);
    expect(g.parts.map((p) => p.passed)).toEqual(partPassed);
    expect(g.passed).toBe(passed);
  });

  it.each([
    [[{ passPercent: 70 }, {}], 50, false],
    [[{ passPercent: 60 }, { passPercent: 40 }], 50, true],
    [[{}, {}], 90, false],
  ])('part thresholds %j and overall %s%% → passed %s', (parts, overall, passed) => {
    // part 0: 2/3 (66.7 %), part 1: 4/5 (80 %), total 6/8 (75 %)
    const g = gradeAttempt(parts, items, [['b'], ['false'], ['a', 'b'], ['false']], overall);
    expect(g.passed).toBe(passed);
  });

  it('passes a part at exactly half of its points', () => {
    const g = gradeAttempt([{}], [{ ...proportional, part: 0 }], [['a']]);
    expect(g).toMatchObject({ score: 2, maxScore: 4, passed: true });
    expect(gradeAttempt([{ passPercent: 51 }], [{ ...proportional, part: 0 }], [['a']]).passed).toBe(false);
  });

  it('returns the per-item scores in variant order', () => {
    expect(gradeAttempt([{}, {}], items, [['b'], undefined, ['a', 'c', 'b'], ['true']]).items).toEqual([2, 0, 2, 1]);
  });
});
