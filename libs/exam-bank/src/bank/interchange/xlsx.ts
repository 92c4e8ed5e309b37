import ExcelJS from 'exceljs';
import type { ExportedQuestion, QuestionDraft } from '../domain/question-draft.js';
import {
  ALLOWED_VALUES,
  COLUMN,
  draftsToTable,
  rowsToDrafts,
  tableHeader,
  type TableParseResult,
} from './table-format.js';

export const QUESTIONS_SHEET = 'Câu hỏi';
const GUIDE_SHEET = 'Hướng dẫn';

/** Reads the sheet "Câu hỏi" (or the first sheet) of an Excel workbook. */
export async function parseXlsx(data: Buffer): Promise<TableParseResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    return {
      drafts: [],
      problems: [{ position: 1, unit: 'row', reason: 'The file is not an Excel (.xlsx) workbook' }],
    };
  }
  const sheet = wb.getWorksheet(QUESTIONS_SHEET) ?? wb.worksheets[0];
  if (!sheet) return { drafts: [], problems: [{ position: 1, unit: 'row', reason: 'The workbook has no sheet' }] };
  const width = sheet.columnCount;
  const read = (row: ExcelJS.Row): string[] => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1)));
  const header = read(sheet.getRow(1));
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) rows.push({ row: n, cells: read(row) });
  });
  return rowsToDrafts(header, rows);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return cell.text;
}

function questionSheet(wb: ExcelJS.Workbook, header: string[], rows: string[][]): void {
  const sheet = wb.addWorksheet(QUESTIONS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header);
  // Text cells throughout, so that "1" or "01" stay as typed.
  for (const r of rows) sheet.addRow(r);
  sheet.getRow(1).font = { bold: true };
  header.forEach((h, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = h === COLUMN.stem ? 60 : h.startsWith('Phương án') || h === COLUMN.explanation ? 30 : 14;
    col.numFmt = '@';
    col.alignment = { wrapText: true, vertical: 'top' };
  });
}

export async function writeXlsx(questions: readonly ExportedQuestion[]): Promise<Buffer> {
  const { header, rows } = draftsToTable(questions);
  const wb = new ExcelJS.Workbook();
  questionSheet(wb, header, rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The empty template, with a guide sheet listing the columns, the accepted values and examples. */
export async function xlsxTemplate(examples: readonly QuestionDraft[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  questionSheet(wb, tableHeader(), []);
  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 22;
  guide.getColumn(2).width = 100;
  const lines: [string, string][] = [
    [COLUMN.topic, 'Đường dẫn chủ đề, các cấp cách nhau bởi ">", ví dụ: Cải cách hành chính > Thủ tục hành chính'],
    [COLUMN.type, ALLOWED_VALUES.type.join(' | ') + ' (bỏ trống: tự nhận theo đáp án)'],
    [COLUMN.stem, 'Nội dung câu hỏi (bắt buộc)'],
    ['Phương án A … F', 'Các phương án trả lời, ít nhất 2; có thể thêm cột Phương án G, H …'],
    [COLUMN.correct, 'Chữ cái của phương án đúng: "B"; nhiều đáp án: "A, C"; câu Đúng/Sai: "Đúng" hoặc "Sai"'],
    [COLUMN.weights, 'Tùy chọn, cho chấm điểm từng phần: "A: 50; B: -100; C: 50" (%)'],
    [COLUMN.scoring, ALLOWED_VALUES.scoring.join(' | ')],
    [COLUMN.points, 'Số điểm mặc định của câu (bỏ trống: 1)'],
    [COLUMN.fixedOrder, 'Có | Không: giữ nguyên thứ tự phương án khi trộn đề'],
    [COLUMN.difficulty, ALLOWED_VALUES.difficulty.join(' | ') + ' (bỏ trống: Trung bình)'],
    [COLUMN.level, ALLOWED_VALUES.level.join(' | ') + ' (bỏ trống: mọi cấp)'],
    [COLUMN.tags, 'Các thẻ cách nhau bởi dấu chấm phẩy'],
    [COLUMN.explanation, 'Giải thích hiện khi xem lại bài'],
    ['Phản hồi A … F', 'Phản hồi riêng cho từng phương án (tùy chọn)'],
  ];
  guide.addRow(['Cột', 'Cách điền']).font = { bold: true };
  for (const l of lines) guide.addRow(l);
  guide.addRow([]);
  guide.addRow(['Ví dụ']).font = { bold: true };
  const { header, rows } = draftsToTable(examples.map((draft, i) => ({ id: i + 1, draft })));
  guide.addRow(header).font = { bold: true };
  for (const r of rows) guide.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
