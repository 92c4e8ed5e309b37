import type { QuestionDraft } from '../domain/question-draft.js';
import { escapeGift, parseGift, writeGift } from './gift.js';

const one = (gift: string) => {
  const r = parseGift(gift);
  expect(r.problems).toEqual([]);
  expect(r.drafts).toHaveLength(1);
  return r.drafts[0].draft;
};
const fractions = (d: QuestionDraft) => d.options.map((o) => o.fraction);

describe('parseGift', () => {
  it.each<[string, string, Partial<QuestionDraft>, number[]]>([
    ['one right answer', '::T1::Hỏi?{=Đúng ~Sai ~Khác}', { type: 'single', title: 'T1', stem: 'Hỏi?' }, [1, 0, 0]],
    [
      'weights %50% and %-100%',
      'Hỏi?{~%50%A ~%50%B ~%-100%C}',
      { type: 'multiple', scoringMode: 'proportional' },
      [0.5, 0.5, -1],
    ],
    [
      'decimal weights',
      'Hỏi?{~%33.33333%A ~%33.33333%B ~%33.33333%C ~%-100%D}',
      { type: 'multiple' },
      [0.3333333, 0.3333333, 0.3333333, -1],
    ],
    ['a partial weight beside the right answer', 'Hỏi?{=A ~%50%B ~C}', { type: 'single' }, [1, 0.5, 0]],
    ['{T}', 'Trời xanh.{T}', { type: 'true_false' }, [1, 0]],
    ['{TRUE}', 'Trời xanh.{TRUE}', { type: 'true_false' }, [1, 0]],
    ['{F}', 'Trời đỏ.{F}', { type: 'true_false' }, [0, 1]],
    ['{FALSE} with feedback', 'Trời đỏ.{FALSE#sai rồi#đúng rồi}', { type: 'true_false' }, [0, 1]],
  ])('reads %s', (_n, gift, expected, fr) => {
    const d = one(gift);
    expect(d).toMatchObject(expected);
    expect(fractions(d)).toEqual(fr);
  });

  it.each([
    ['\\:', ':'],
    ['\\=', '='],
    ['\\#', '#'],
    ['\\{', '{'],
    ['\\}', '}'],
    ['\\~', '~'],
    ['\\\\', '\\'],
    ['a\\nb', 'a\nb'],
    ['\\\\n', '\\n'],
  ])('unescapes %s in the stem and the options', (escaped, plain) => {
    const d = one(`Hỏi ${escaped}?{=X ${escaped} ~Y}`);
    expect(d.stem).toBe(`Hỏi ${plain}?`);
    expect(d.options[0].text).toBe(`X ${plain}`);
  });

  it('reads feedback per answer and general feedback as the explanation', () => {
    const d = one('Hỏi?{\n  =A#Chính xác\n  ~B#Chưa đúng\n  ####Giải thích chung\n}');
    expect(d.options.map((o) => o.feedback)).toEqual(['Chính xác', 'Chưa đúng']);
    expect(d.explanation).toBe('Giải thích chung');
  });

  it('maps true/false feedback: the first is for a wrong answer, the second for the right one', () => {
    const d = one('Trời đỏ.{F#phản hồi khi sai#phản hồi khi đúng####vì trời xanh}');
    expect(d.options).toEqual([
      { text: 'Đúng', fraction: 0, feedback: 'phản hồi khi sai' },
      { text: 'Sai', fraction: 1, feedback: 'phản hồi khi đúng' },
    ]);
    expect(d.explanation).toBe('vì trời xanh');
  });

  it('honours [html] (tags dropped, entities decoded), keeps [plain] and [markdown] text as written', () => {
    expect(one('[html]<p>A &amp; <b>B</b></p>{=x ~y}').stem).toBe('A & B');
    expect(one('[markdown]**đậm**{=x ~y}').stem).toBe('**đậm**');
    expect(one('Hỏi?{=[plain]<b> ~[html]<i>y</i>}').options.map((o) => o.text)).toEqual(['<b>', 'y']);
  });

  it('applies $CATEGORY paths (Moodle rule, "//" = "/"), ignores // comments, reads [id:] and [tag:]', () => {
    const r = parseGift(
      [
        '// chú thích đầu tệp',
        '$CATEGORY: $course$/top/CCHC/Chính phủ số // hiện đại hóa',
        '',
        '// [id:MS-1] [tag:số hóa] [tag:cấp xã]',
        '::A::Hỏi?{=x ~y}',
        '',
        '$CATEGORY: Khác',
        '',
        '::B::Hỏi khác?{=x ~y}',
      ].join('\n'),
    );
    expect(r.drafts.map((d) => [d.draft.topicPath, d.source.position])).toEqual([
      [['CCHC', 'Chính phủ số / hiện đại hóa'], 5],
      [['Khác'], 9],
    ]);
    expect(r.drafts[0].draft).toMatchObject({ externalId: 'MS-1', tags: ['số hóa', 'cấp xã'] });
  });

  it.each([
    ['::E::Tự luận?{}', 'Essay'],
    ['::N::Số?{#3:1}', 'Numerical'],
    ['::M::Ghép?{=a -> b =c -> d}', 'Matching'],
    ['::S::Ngắn?{=một =1}', 'Short-answer'],
    ['::D::Chỉ là mô tả', 'descriptions'],
    ['::U::Thiếu ngoặc {=a ~b', 'not closed'],
  ])('refuses %s, naming it', (gift, reason) => {
    const r = parseGift(`\n${gift}\n`);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ position: 2, unit: 'line', label: gift.split('::')[1] });
    expect(r.problems[0].reason).toContain(reason);
  });

  it('keeps a block together when its answers span blank lines', () => {
    const d = one('Hỏi?{\n=A\n\n~B\n}');
    expect(d.options.map((o) => o.text)).toEqual(['A', 'B']);
  });
});

describe('writeGift', () => {
  it('escapes like Moodle: backslash first, then # = ~ { } :, newlines as \\n', () => {
    expect(escapeGift('a\\b #=~{}: c\nd')).toBe('a\\\\b \\#\\=\\~\\{\\}\\: c\\nd');
  });

  it('writes what parseGift reads back unchanged', () => {
    const draft: QuestionDraft = {
      topicPath: ['CCHC', 'Chính phủ số / hiện đại hóa'],
      title: 'Mã: 1',
      externalId: 'X-1',
      type: 'multiple',
      stem: 'Dòng một: {a}\nDòng hai #2 = ~ \\',
      options: [
        { text: 'A=1', fraction: 0.5, feedback: 'vì #' },
        { text: 'B', fraction: 0.5, feedback: null },
        { text: 'C', fraction: -1, feedback: null },
      ],
      scoringMode: 'all_or_nothing',
      points: 2.5,
      fixedOrder: true,
      explanation: 'Giải thích: có {ngoặc}',
      difficulty: 'hard',
      targetLevel: 'commune',
      tags: ['a b', 'c'],
    };
    const back = parseGift(writeGift([{ id: 1, draft }]));
    expect(back.problems).toEqual([]);
    expect(back.drafts.map((d) => d.draft)).toEqual([draft]);
  });
});
