import type { QuestionContent, QuestionDraft } from './question-draft.js';
import {
  canonicalOptions,
  contentDiffers,
  contentProblems,
  decideEdit,
  draftProblems,
  mentionsOtherOptions,
  optionLetter,
  toStoredOptions,
} from './question-rules.js';

const single: QuestionContent = {
  type: 'single',
  stem: 'Cơ quan nào chủ trì công tác cải cách hành chính ở tỉnh?',
  options: [
    { text: 'Sở Nội vụ', fraction: 1 },
    { text: 'Sở Tài chính', fraction: 0 },
    { text: 'Văn phòng UBND tỉnh', fraction: 0 },
  ],
  scoringMode: 'all_or_nothing',
  points: 1,
  fixedOrder: false,
  explanation: null,
};
const opts = (...fractions: number[]) => fractions.map((f, i) => ({ text: `Phương án ${i + 1}`, fraction: f }));
const tf = (a: string, fa: number, b: string, fb: number) => ({
  ...single,
  type: 'true_false' as const,
  options: [
    { text: a, fraction: fa },
    { text: b, fraction: fb },
  ],
});

describe('contentProblems', () => {
  it.each<[string, QuestionContent, string | null]>([
    ['a valid single choice', single, null],
    ['single with two right options', { ...single, options: opts(1, 1, 0) }, 'exactly one right option'],
    ['single with no right option', { ...single, options: opts(0.5, 0, 0) }, 'exactly one right option'],
    [
      'single with a partial and a negative option (Moodle allows it)',
      { ...single, options: opts(1, 0.5, -0.5) },
      null,
    ],
    ['an empty stem', { ...single, stem: '   ' }, 'question text is empty'],
    ['one option only', { ...single, options: opts(1) }, 'at least 2 options'],
    ['an empty option', { ...single, options: [{ text: ' ', fraction: 0 }, ...opts(1)] }, 'Option A is empty'],
    ['a weight above 100 %', { ...single, options: opts(1.5, 0) }, 'weight outside'],
    ['zero points', { ...single, points: 0 }, 'Points must be'],
    ['multiple: halves', { ...single, type: 'multiple', options: opts(0.5, 0.5, -1, 0) }, null],
    [
      'multiple: thirds as Moodle writes them',
      { ...single, type: 'multiple', options: opts(0.3333333, 0.3333333, 0.3333333, -1) },
      null,
    ],
    [
      'multiple: weights adding to 80 %',
      { ...single, type: 'multiple', options: opts(0.5, 0.3, 0) },
      'add up to 100 %; they add up to 80',
    ],
    ['multiple: no right option', { ...single, type: 'multiple', options: opts(0, -1) }, 'at least one right option'],
    ['multiple: a single 100 % option', { ...single, type: 'multiple', options: opts(1, 0, 0) }, null],
    ['true/false in Vietnamese', tf('Đúng', 1, 'Sai', 0), null],
    ['true/false in English, false is right', tf('True', 0, 'False', 1), null],
    ['true/false labels in any case and spacing', tf(' đúng ', 0, 'SAI', 1), null],
    ['true/false mixing languages', tf('Đúng', 1, 'False', 0), 'exactly the two options'],
    ['true/false with other labels', tf('Có', 1, 'Không', 0), 'exactly the two options'],
    ['true/false with both right', tf('Đúng', 1, 'Sai', 1), 'exactly one right option'],
    ['true/false with a partial weight', tf('Đúng', 1, 'Sai', -0.5), 'the other at 0 %'],
    [
      'true/false with three options',
      { ...tf('Đúng', 1, 'Sai', 0), options: [...tf('Đúng', 1, 'Sai', 0).options, { text: 'Không rõ', fraction: 0 }] },
      'exactly the two options',
    ],
  ])('%s', (_name, content, expected) => {
    const problems = contentProblems(content);
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join(' | ')).toContain(expected);
  });
});

describe('draftProblems', () => {
  const draft: QuestionDraft = {
    ...single,
    topicPath: ['Thủ tục hành chính'],
    title: null,
    externalId: null,
    difficulty: 'easy',
    targetLevel: 'commune',
    tags: ['cấp xã'],
  };
  it.each<[string, Partial<QuestionDraft>, string | null]>([
    ['a valid draft', {}, null],
    ['an unknown difficulty', { difficulty: 'extreme' as never }, 'Unknown difficulty'],
    ['an unknown level', { targetLevel: 'village' as never }, 'Unknown target level'],
    ['an empty tag', { tags: [' '] }, 'A tag is empty'],
    ['an empty topic part', { topicPath: ['CCHC', ''] }, 'empty part'],
  ])('%s', (_name, change, expected) => {
    const problems = draftProblems({ ...draft, ...change });
    if (expected === null) expect(problems).toEqual([]);
    else expect(problems.join(' | ')).toContain(expected);
  });
});

describe('decideEdit (the versioning rule)', () => {
  it.each([
    [false, false, 'unchanged'],
    [true, false, 'unchanged'],
    [false, true, 'in_place'],
    [true, true, 'new_version'],
  ])('used=%s, changed=%s → %s', (used, changed, expected) => {
    expect(decideEdit(used, changed)).toBe(expected);
  });
});

describe('contentDiffers', () => {
  it.each<[string, Partial<QuestionContent>, boolean]>([
    ['the same content', {}, false],
    ['only surrounding spaces in the stem', { stem: `  ${single.stem} ` }, false],
    ['a changed stem', { stem: 'Khác' }, true],
    ['a moved right option', { options: opts(0, 1, 0) }, true],
    ['a new explanation', { explanation: 'Vì …' }, true],
    ['another scoring mode', { scoringMode: 'proportional' }, true],
    ['fixed order', { fixedOrder: true }, true],
  ])('%s → %s', (_n, change, expected) => {
    expect(contentDiffers(single, { ...single, ...change })).toBe(expected);
  });
});

describe('options', () => {
  it.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
  ])('letter %i → %s', (i, l) => expect(optionLetter(i)).toBe(l));

  it('keys options a, b, c by position and drops empty feedback', () => {
    expect(
      toStoredOptions([
        { text: ' x ', fraction: 1, feedback: ' ' },
        { text: 'y', fraction: 0, feedback: 'vì' },
      ]),
    ).toEqual([
      { key: 'a', text: 'x', fraction: 1 },
      { key: 'b', text: 'y', fraction: 0, feedback: 'vì' },
    ]);
  });
});

describe('mentionsOtherOptions', () => {
  it.each([
    ['Cả A, B, C đều đúng', true],
    ['A và B đúng', true],
    ['Chỉ A, B', true],
    ['Tất cả các phương án trên', true],
    ['Cả hai nguyên tắc nêu trên (A, B)', true],
    ['Cả ba ý trên', true],
    ['Sở Nội vụ', false],
    ['Luật Cán bộ, công chức', false],
    ['Bộ Nội vụ và Bộ Tư pháp', false],
  ])('%j → %s', (text, expected) => {
    expect(
      mentionsOtherOptions([
        { text: 'Phương án khác', fraction: 0 },
        { text, fraction: 1 },
      ]),
    ).toBe(expected);
  });
});

describe('canonicalOptions', () => {
  const o = (text: string, fraction: number) => ({ text, fraction });
  it.each([
    ['true_false', [o('Sai', 1), o('Đúng', 0)], ['Đúng', 'Sai']],
    ['true_false', [o('Đúng', 1), o('Sai', 0)], ['Đúng', 'Sai']],
    ['true_false', [o('false', 0), o('true', 1)], ['true', 'false']],
    ['single', [o('Sai', 1), o('Đúng', 0)], ['Sai', 'Đúng']],
  ] as const)('%s %j → %j', (type, options, texts) => {
    expect(canonicalOptions(type, options).map((x) => x.text)).toEqual(texts);
  });
});
