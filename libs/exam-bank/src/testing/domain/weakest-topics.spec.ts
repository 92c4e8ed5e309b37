import { weakestTopics } from './weakest-topics.js';

describe('weakestTopics', () => {
  it.each([
    ['empty', [], []],
    [
      'orders by share of points earned',
      [
        { topicId: 1, earned: 1, max: 1 },
        { topicId: 1, earned: 0, max: 1 },
        { topicId: 2, earned: 0, max: 1 },
        { topicId: 2, earned: 0.5, max: 2 },
        { topicId: 3, earned: 3, max: 3 },
      ],
      [
        { topicId: 2, facility: 0.166667, answers: 2 },
        { topicId: 1, facility: 0.5, answers: 2 },
        { topicId: 3, facility: 1, answers: 1 },
      ],
    ],
    [
      'equal shares: more answers first, then topic id',
      [
        { topicId: 5, earned: 0, max: 1 },
        { topicId: 4, earned: 0, max: 1 },
        { topicId: 9, earned: 0, max: 1 },
        { topicId: 9, earned: 0, max: 1 },
      ],
      [
        { topicId: 9, facility: 0, answers: 2 },
        { topicId: 4, facility: 0, answers: 1 },
        { topicId: 5, facility: 0, answers: 1 },
      ],
    ],
    ['drops topics with nothing at stake', [{ topicId: 1, earned: 0, max: 0 }], []],
  ])('%s', (_name, rows, expected) => {
    expect(weakestTopics(rows)).toEqual(expected);
  });
});
