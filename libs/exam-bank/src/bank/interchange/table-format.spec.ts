import type { QuestionDraft } from '../domain/question-draft.js';
import { parseCsv, writeCsv } from './csv.js';
import { rowsToDrafts, tableHeader } from './table-format.js';

const header = tableHeader(4);
const row = (cells: Record<string, string>, n = 2) => ({ row: n, cells: header.map((h) => cells[h] ?? '') });
const base = { 'Câu hỏi': 'Hỏi?', 'Phương án A': 'Một', 'Phương án B': 'Hai', 'Phương án C': 'Ba' };

describe('rowsToDrafts', () => {
  it.each<[string, Record<string, string>, Partial<QuestionDraft>, number[]]>([
    ['one letter → single', { ...base, 'Đáp án đúng': 'B' }, { type: 'single' }, [0, 1, 0]],
    [
      'several letters → multiple, equal shares',
      { ...base, 'Đáp án đúng': 'a, c' },
      { type: 'multiple', scoringMode: 'proportional' },
      [0.5, 0, 0.5],
    ],
    [
      'explicit weights',
      { ...base, 'Đáp án đúng': 'A C', 'Trọng số (%)': 'A: 70; B: -100; C: 30' },
      { type: 'multiple' },
      [0.7, -1, 0.3],
    ],
    ['Đúng/Sai by word', { 'Câu hỏi': 'Hỏi?', Loại: 'Đúng/Sai', 'Đáp án đúng': 'Sai' }, { type: 'true_false' }, [0, 1]],
    [
      'Đúng/Sai options inferred',
      { 'Câu hỏi': 'Hỏi?', 'Phương án A': 'Đúng', 'Phương án B': 'Sai', 'Đáp án đúng': 'A' },
      { type: 'true_false' },
      [1, 0],
    ],
    [
      'labels without accents',
      { ...base, 'Đáp án đúng': 'A', 'Độ khó': 'kho', Cấp: 'cap xa', 'Chấm điểm': 'Tat ca hoac khong' },
      { difficulty: 'hard', targetLevel: 'commune', scoringMode: 'all_or_nothing' },
      [1, 0, 0],
    ],
    [
      'topic path and tags',
      { ...base, 'Đáp án đúng': 'A', 'Chủ đề': 'CCHC > Thể chế', Thẻ: 'a; b, c' },
      { topicPath: ['CCHC', 'Thể chế'], tags: ['a', 'b', 'c'] },
      [1, 0, 0],
    ],
    [
      'fixed order from "Cả A, B"',
      { ...base, 'Phương án C': 'Cả A, B', 'Đáp án đúng': 'C' },
      { fixedOrder: true },
      [0, 0, 1],
    ],
    ['points with a decimal comma', { ...base, 'Đáp án đúng': 'A', Điểm: '1,5' }, { points: 1.5 }, [1, 0, 0]],
  ])('%s', (_n, cells, expected, fr) => {
    const r = rowsToDrafts(header, [row(cells)]);
    expect(r.problems).toEqual([]);
    expect(r.drafts[0].draft).toMatchObject(expected);
    expect(r.drafts[0].draft.options.map((o) => o.fraction)).toEqual(fr);
  });

  it.each<[string, Record<string, string>, string]>([
    ['an empty answer key', { ...base }, 'is empty'],
    ['a key naming an empty option', { ...base, 'Đáp án đúng': 'D' }, 'names option D, which is not filled in'],
    [
      'an unknown difficulty',
      { ...base, 'Đáp án đúng': 'A', 'Độ khó': 'Rất khó' },
      '"Rất khó" is not a value of "Độ khó"',
    ],
    ['weights that disagree with the key', { ...base, 'Đáp án đúng': 'A', 'Trọng số (%)': 'B: 100' }, 'other options'],
    ['a malformed weight', { ...base, 'Đáp án đúng': 'A', 'Trọng số (%)': 'A là 100' }, 'is not like "A: 50"'],
    ['a bad fixed-order value', { ...base, 'Đáp án đúng': 'A', 'Giữ thứ tự': 'có lẽ' }, 'Có or Không'],
  ])('names the row of %s', (_n, cells, reason) => {
    const r = rowsToDrafts(header, [row(cells, 7)]);
    expect(r.drafts).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ position: 7, unit: 'row' });
    expect(r.problems[0].reason).toContain(reason);
  });

  it('refuses unknown and missing columns, and skips empty rows', () => {
    expect(rowsToDrafts(['Câu hỏi', 'Màu'], []).problems.map((p) => p.reason)).toEqual([
      'Unknown column "Màu"',
      'The column "Đáp án đúng" is missing',
    ]);
    expect(rowsToDrafts(header, [row({})]).drafts).toEqual([]);
  });

  it('accepts headers without accents or in English', () => {
    const r = rowsToDrafts(
      ['cau hoi', 'Option A', 'option b', 'correct'],
      [{ row: 2, cells: ['Hỏi?', 'x', 'y', 'B'] }],
    );
    expect(r.drafts[0].draft.options.map((o) => o.fraction)).toEqual([0, 1]);
  });
});

describe('CSV', () => {
  it('round-trips quotes, commas, line breaks and Vietnamese text', () => {
    const draft: QuestionDraft = {
      topicPath: ['Tài chính công'],
      title: 'Tiêu đề, có phẩy',
      externalId: 'X"1',
      type: 'single',
      stem: 'Dòng "một", dòng\nhai',
      options: [
        { text: 'A, b', fraction: 1, feedback: 'Đúng\nvì thế' },
        { text: 'Không', fraction: 0, feedback: null },
      ],
      scoringMode: 'all_or_nothing',
      points: 1,
      fixedOrder: false,
      explanation: null,
      difficulty: 'medium',
      targetLevel: 'province',
      tags: ['ngân sách'],
    };
    const csv = writeCsv([{ id: 1, draft }]);
    expect(csv.startsWith('\uFEFFMã,Tiêu đề,Chủ đề')).toBe(true);
    const back = parseCsv(csv);
    expect(back.problems).toEqual([]);
    expect(back.drafts.map((d) => d.draft)).toEqual([draft]);
  });
});
