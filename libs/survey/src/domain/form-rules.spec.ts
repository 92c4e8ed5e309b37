import { checkAnswers, formProblems, type FormDraft, type FormQuestion } from './form-rules.js';

const good = (): FormDraft => ({
  title: 'Phiếu khảo sát',
  sections: [
    {
      key: 'A',
      title: 'Tiếp cận dịch vụ',
      questions: [
        { key: 'A.1', type: 'scale_1_5', text: 'Nơi ngồi chờ có đủ chỗ?' },
        {
          key: 'A.2',
          type: 'single_choice',
          text: 'Biết thủ tục qua đâu?',
          options: [
            { key: 'web', label: 'Cổng thông tin' },
            { key: 'friend', label: 'Người quen' },
          ],
        },
        { key: 'A.3', type: 'comment', text: 'Góp ý', maxLength: 200 },
      ],
    },
  ],
});

describe('formProblems', () => {
  const cases: [string, (f: FormDraft) => void, string | null][] = [
    ['a complete form has none', () => {}, null],
    ['no title', (f) => (f.title = ' '), 'the form needs a title'],
    ['no sections', (f) => (f.sections = []), 'the form needs at least one section'],
    [
      'a duplicate question key across the form',
      (f) => (f.sections[0].questions[1].key = 'A.1'),
      'is used twice in the form',
    ],
    ['a key with spaces', (f) => (f.sections[0].key = 'A B'), 'the key may only use'],
    [
      'a single choice with one option',
      (f) => (f.sections[0].questions[1].options = [{ key: 'x', label: 'X' }]),
      'at least two options',
    ],
    [
      'options on a scale question',
      (f) => (f.sections[0].questions[0].options = [{ key: 'x', label: 'X' }]),
      'only a single choice has options',
    ],
    ['maxLength on a scale question', (f) => (f.sections[0].questions[0].maxLength = 10), 'maxLength is for comments'],
    [
      'a comment longer than allowed',
      (f) => (f.sections[0].questions[2].maxLength = 5000),
      'maxLength is for comments',
    ],
    [
      'no rating question at all',
      (f) => (f.sections[0].questions = f.sections[0].questions.slice(1)),
      'at least one scale_1_5',
    ],
    ['an unknown type', (f) => ((f.sections[0].questions[0] as { type: string }).type = 'stars'), 'the type must be'],
    ['satisfiedMin outside 2–5', (f) => (f.satisfiedMin = 6), 'satisfiedMin'],
    ['an empty section', (f) => f.sections.push({ key: 'B', title: 'Khác', questions: [] }), 'at least one question'],
  ];
  it.each(cases)('%s', (_n, change, expected) => {
    const f = good();
    change(f);
    const problems = formProblems(f);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join(' | ')).toContain(expected);
  });
});

describe('checkAnswers against a form version', () => {
  const qs: FormQuestion[] = [
    { id: 1, key: 'A.1', sectionKey: 'A', type: 'scale_1_5', options: [], required: true, maxLength: null },
    {
      id: 2,
      key: 'A.2',
      sectionKey: 'A',
      type: 'single_choice',
      options: [
        { key: 'web', label: 'Web' },
        { key: 'x', label: 'X' },
      ],
      required: false,
      maxLength: null,
    },
    { id: 3, key: 'B.1', sectionKey: 'B', type: 'comment', options: [], required: false, maxLength: 10 },
    { id: 4, key: 'B.2', sectionKey: 'B', type: 'scale_1_5', options: [], required: false, maxLength: null },
  ];
  const cases: [string, Parameters<typeof checkAnswers>[1], string | null][] = [
    [
      'a valid set',
      [
        { questionKey: 'A.1', value: 4 },
        { questionKey: 'A.2', choice: 'web' },
        { questionKey: 'B.1', text: 'Tốt' },
      ],
      null,
    ],
    ['the required question left out', [{ questionKey: 'B.2', value: 5 }], 'A.1: this question needs an answer'],
    ['a scale value of 6', [{ questionKey: 'A.1', value: 6 }], 'A.1: choose a value from 1 to 5'],
    ['a scale value of 2.5', [{ questionKey: 'A.1', value: 2.5 }], 'A.1: choose a value from 1 to 5'],
    ['a scale value of 0', [{ questionKey: 'A.1', value: 0 }], 'A.1: choose a value from 1 to 5'],
    [
      'an option not in the list',
      [
        { questionKey: 'A.1', value: 3 },
        { questionKey: 'A.2', choice: 'tv' },
      ],
      'A.2: choose one of the listed options',
    ],
    [
      'a question of another form',
      [
        { questionKey: 'A.1', value: 3 },
        { questionKey: 'Z.9', value: 3 },
      ],
      'Z.9: no such question',
    ],
    [
      'the same question twice',
      [
        { questionKey: 'A.1', value: 3 },
        { questionKey: 'A.1', value: 4 },
      ],
      'A.1: answered twice',
    ],
    [
      'a comment over its limit',
      [
        { questionKey: 'A.1', value: 3 },
        { questionKey: 'B.1', text: 'x'.repeat(11) },
      ],
      'B.1: the comment is longer than 10',
    ],
    [
      'a value and a text on a scale question',
      [{ questionKey: 'A.1', value: 3, text: 'hi' }],
      'A.1: a scale answer takes only a value',
    ],
  ];
  it.each(cases)('%s', (_n, answers, expected) => {
    const r = checkAnswers(qs, answers);
    if (expected === null) {
      expect(r.problems).toEqual([]);
      expect(r.answers.map((a) => [a.questionId, a.value, a.choice, a.text])).toEqual([
        [1, 4, null, null],
        [2, null, 'web', null],
        [3, null, null, 'Tốt'],
      ]);
    } else {
      expect(r.problems.join(' | ')).toContain(expected);
      expect(r.answers).toEqual([]);
    }
  });

  it('drops a blank comment instead of storing it', () => {
    const r = checkAnswers(qs, [
      { questionKey: 'A.1', value: 5 },
      { questionKey: 'B.1', text: '   ' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.answers.map((a) => a.questionKey)).toEqual(['A.1']);
  });

  it('refuses a response with no rating when nothing is required', () => {
    const optional = qs.map((q) => ({ ...q, required: false }));
    expect(checkAnswers(optional, [{ questionKey: 'A.2', choice: 'x' }]).problems).toEqual([
      'answer at least one rating question',
    ]);
  });
});
