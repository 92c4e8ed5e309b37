// The readers' own sentences, from the server code itself, so a reworded server reason shows here.
import { contentProblems } from '../../../../../libs/exam-bank/src/bank/domain/question-rules.js';
import { parseCsv } from '../../../../../libs/exam-bank/src/bank/interchange/csv.js';
import { parseGift } from '../../../../../libs/exam-bank/src/bank/interchange/gift.js';
import { parseMoodleXml } from '../../../../../libs/exam-bank/src/bank/interchange/moodle-xml.js';
import { importReason } from './import-reasons.js';

const GIFT = [
  '::Tự luận:: Trình bày kế hoạch. {}',
  '',
  '::Số:: Bao nhiêu thủ tục? {#110:5}',
  '',
  '::Ghép:: Ghép cặp. { =A -> 1 =B -> 2 =C -> 3 }',
  '',
  '::Ngắn:: Thủ đô là gì? { =Hà Nội }',
  '',
  '::Mô tả:: Phần này chỉ là lời dẫn.',
  '',
  '::Chữ:: Câu hỏi { chữ lạc =Đúng ~Sai }',
  '',
  '::Mở:: Câu chưa đóng { =A ~B',
].join('\n');

const CSV_HEADER = 'Câu hỏi,Phương án A,Phương án B,Đáp án đúng,Điểm,Trọng số (%),Giữ thứ tự,Độ khó';
const CSV_ROWS = [
  'Thiếu đáp án,Một,Hai,,1,,,',
  'Đáp án trống,Một,,B,1,,,',
  'Điểm sai,Một,Hai,A,một,,,',
  'Trọng số sai,Một,Hai,A,1,A năm mươi,,',
  'Giữ thứ tự sai,Một,Hai,A,1,,Có lẽ,',
  'Độ khó sai,Một,Hai,A,1,,,Rất khó',
];

const serverReasons = (): string[] => [
  ...parseGift(GIFT).problems.map((p) => p.reason),
  ...parseCsv([CSV_HEADER, ...CSV_ROWS].join('\n')).problems.map((p) => p.reason),
  ...parseCsv('Câu hỏi,Cột lạ\nA,B').problems.map((p) => p.reason),
  ...parseCsv('Phương án A,Phương án B\nA,B').problems.map((p) => p.reason),
  ...parseMoodleXml('<quiz><question type="essay"><name><text>Tự luận</text></name></question></quiz>').problems.map(
    (p) => p.reason,
  ),
  ...parseMoodleXml('<other/>').problems.map((p) => p.reason),
  ...contentProblems({
    type: 'single',
    stem: ' ',
    options: [
      { text: 'Một', fraction: 1 },
      { text: '', fraction: 1 },
      { text: 'Ba', fraction: 2 },
    ],
    scoringMode: 'all_or_nothing',
    points: 0,
    fixedOrder: false,
    explanation: null,
  }),
  ...contentProblems({
    type: 'multiple',
    stem: 'Câu',
    options: [{ text: 'Một', fraction: 0 }],
    scoringMode: 'proportional',
    points: 1,
    fixedOrder: false,
    explanation: null,
  }),
  ...contentProblems({
    type: 'true_false',
    stem: 'Câu',
    options: [
      { text: 'Có', fraction: 1 },
      { text: 'Không', fraction: 1 },
    ],
    scoringMode: 'all_or_nothing',
    points: 1,
    fixedOrder: false,
    explanation: null,
  }),
];

describe('import reasons for Vietnamese readers', () => {
  it('has every refusal the readers and rules give today in Vietnamese', () => {
    const reasons = serverReasons();
    expect(reasons.length).toBeGreaterThanOrEqual(20);
    const untranslated = reasons.filter((r) => importReason(r, 'vi') === r);
    expect(untranslated).toEqual([]);
  });

  it.each([
    [
      'Essay questions ({}) are not supported: only multiple choice and true/false',
      'Câu tự luận ({}) không được hỗ trợ',
    ],
    ['Unknown column "Ghi chú"', 'Cột không có trong mẫu: "Ghi chú"'],
    ['"Đáp án đúng" names option C, which is not filled in', 'Cột "Đáp án đúng" chỉ phương án C'],
    ['A single-choice question needs exactly one right option (100 %); it has 2', 'câu này có 2'],
    ['Moodle question type "essay" is not supported: only multichoice and truefalse', '"essay"'],
  ])('keeps what %p quotes', (reason, part) => {
    expect(importReason(reason, 'vi')).toContain(part);
  });

  it('leaves a sentence it does not know, and every sentence in English, as the server wrote it', () => {
    expect(importReason('Something new went wrong', 'vi')).toBe('Something new went wrong');
    expect(importReason('The question text is empty', 'en')).toBe('The question text is empty');
  });
});
