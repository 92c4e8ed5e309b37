import { answerListProblems } from './answer-list.js';

describe('answerListProblems: the shape of a response’s answers', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'ratings, a choice and a comment',
      [
        { questionKey: 'A.1', value: 5 },
        { questionKey: 'E.1', choice: 'co' },
        { questionKey: 'E.4', text: 'Tốt' },
      ],
      [],
    ],
    ['not an array', { questionKey: 'A.1' }, ['answers must be an array']],
    ['empty', [], ['answers must hold 1 to 200 answers']],
    [
      'too many',
      Array.from({ length: 201 }, () => ({ questionKey: 'A.1', value: 1 })),
      ['answers must hold 1 to 200 answers'],
    ],
    ['not an object', ['A.1'], ['answers.0 must be an object']],
    ['no key', [{ value: 3 }], ['answers.0.questionKey is required']],
    ['a value with decimals', [{ questionKey: 'A.1', value: 4.5 }], ['answers.0.value must be an integer number']],
    ['a value as text', [{ questionKey: 'A.1', value: '4' }], ['answers.0.value must be an integer number']],
    [
      'a long comment',
      [{ questionKey: 'E.4', text: 'x'.repeat(4001) }],
      ['answers.0.text must be a string of at most 4000 characters'],
    ],
    ['an unknown field', [{ questionKey: 'A.1', value: 4, ip: '1.2.3.4' }], ['answers.0.ip should not exist']],
  ];
  it.each(cases)('%s', (_name, value, problems) => expect(answerListProblems(value)).toEqual(problems));
});
