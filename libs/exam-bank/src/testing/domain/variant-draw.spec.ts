import { drawQuestions, drawRuleProblem, DrawShortage, orderOptions, type DrawPart } from './variant-draw.js';

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const twoParts: DrawPart[] = [
  {
    pools: [
      { questionIds: range(1, 20), count: 5, fixed: false },
      { questionIds: range(15, 30), count: 5, fixed: false },
    ],
    shuffleQuestions: true,
  },
  { pools: [{ questionIds: [100, 101, 102], count: 3, fixed: true }], shuffleQuestions: false },
];

describe('drawQuestions', () => {
  it('reproduces the same variant from the same seed', () => {
    expect(drawQuestions(777, twoParts)).toEqual(drawQuestions(777, twoParts));
  });

  it('gives another variant for another seed', () => {
    const a = drawQuestions(1, twoParts).map((q) => q.questionId);
    const b = drawQuestions(2, twoParts).map((q) => q.questionId);
    expect(a).not.toEqual(b);
  });

  it('does not depend on the order the pool was read in', () => {
    const reversed: DrawPart[] = [
      { ...twoParts[0], pools: twoParts[0].pools.map((p) => ({ ...p, questionIds: [...p.questionIds].reverse() })) },
      twoParts[1],
    ];
    expect(drawQuestions(5, reversed)).toEqual(drawQuestions(5, twoParts));
  });

  it.each([[1], [2], [3], [4], [5], [6], [7], [8]])(
    'seed %s: counts per rule, no repeats, fixed list in order',
    (seed) => {
      const v = drawQuestions(seed, twoParts);
      expect(v).toHaveLength(13);
      const ids = v.map((q) => q.questionId);
      expect(new Set(ids).size).toBe(13);
      const part0 = v.filter((q) => q.part === 0);
      expect(part0.filter((q) => q.slot < 5).every((q) => q.questionId <= 20)).toBe(true);
      expect(part0.filter((q) => q.slot >= 5).every((q) => q.questionId >= 15)).toBe(true);
      expect(v.filter((q) => q.part === 1).map((q) => q.questionId)).toEqual([100, 101, 102]);
      expect(v.filter((q) => q.part === 1).map((q) => q.slot)).toEqual([10, 11, 12]);
    },
  );

  it('keeps the draw order when the part does not shuffle', () => {
    const v = drawQuestions(3, [{ ...twoParts[0], shuffleQuestions: false }]);
    expect(v.map((q) => q.slot)).toEqual(range(0, 9));
  });

  it('refuses a rule the bank cannot fill, naming part and rule', () => {
    const short: DrawPart[] = [{ pools: [{ questionIds: [1, 2], count: 3, fixed: false }], shuffleQuestions: true }];
    expect(() => drawQuestions(1, short)).toThrow(DrawShortage);
    expect(() => drawQuestions(1, short)).toThrow('Part 1, rule 1 needs 3 questions but only 2 are available');
  });
});

describe('orderOptions', () => {
  it.each([
    [['a', 'b', 'c', 'd'], false],
    [['a', 'b'], false],
  ])('keeps %j in order when not shuffling', (keys, shuffle) => {
    expect(orderOptions(9, 0, keys, shuffle)).toEqual(keys);
  });

  it('shuffles reproducibly per seed and slot, always a permutation', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'];
    expect(orderOptions(9, 3, keys, true)).toEqual(orderOptions(9, 3, keys, true));
    const orders = new Set(range(0, 20).map((slot) => orderOptions(9, slot, keys, true).join('')));
    expect(orders.size).toBeGreaterThan(5);
    for (const o of orders) expect([...o].sort().join('')).toBe('abcde');
  });
});

describe('drawRuleProblem', () => {
  it.each([
    [{ topicIds: [1], count: 5 }, null],
    [{ topicIds: [1], difficulty: 'easy' as const, count: 5 }, null],
    [{ questionIds: [3, 4] }, null],
    [{ questionIds: [] }, 'a fixed list needs at least one question'],
    [{ topicIds: [1], count: 0 }, 'a draw needs a count of at least 1'],
    [{ count: 2 }, 'a draw needs at least one topic'],
    [
      { questionIds: [1], count: 2 },
      'a rule is either a fixed list (questionIds) or a draw (topicIds × difficulty × count)',
    ],
  ])('%j → %s', (rule, problem) => {
    expect(drawRuleProblem(rule)).toBe(problem);
  });
});
