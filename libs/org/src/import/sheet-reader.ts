import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '@app/platform';
import type { RawSheet } from '../domain/import-rows.js';

/** Rows an import may hold: a province's officials fit many times over. */
export const MAX_IMPORT_ROWS = 5000;

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

const invalid = (code: string, message: string): DomainError => new DomainError(code, message, 'invalid');

/** The text a person sees in an Excel cell: numbers as typed, rich text joined, links by their text, formulas by result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

async function readXlsx(buffer: Buffer): Promise<RawSheet> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw invalid('IMPORT_UNREADABLE', 'The file is not a readable .xlsx workbook');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw invalid('IMPORT_UNREADABLE', 'The workbook has no sheet');
  const width = sheet.getRow(1).cellCount;
  const texts = (row: ExcelJS.Row): string[] =>
    Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const rows: RawSheet['rows'] = [];
  for (let line = 2; line <= sheet.rowCount; line++) rows.push({ line, values: texts(sheet.getRow(line)) });
  return { headers: texts(sheet.getRow(1)), rows };
}

/** The header line decides: Excel in a Vietnamese locale saves "CSV" with semicolons, elsewhere commas. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string): number => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

function readCsv(buffer: Buffer): RawSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw invalid('IMPORT_ENCODING', 'The CSV file is not UTF-8: save it again as "CSV UTF-8"');
  }
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: false, delimiter: delimiterOf(body) });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    throw new DomainError('IMPORT_INVALID', 'The CSV file has an unclosed quote', 'invalid', {
      problems: [{ line: (broken.row ?? 0) + 1, reason: 'an unclosed quote (")' }],
    });
  }
  const [headers = [], ...rest] = parsed.data;
  return { headers, rows: rest.map((values, i) => ({ line: i + 2, values })) };
}

/** Reads the first sheet of an .xlsx workbook, or a UTF-8 CSV (comma or semicolon), into text cells. */
export async function readSheet(file: UploadedFile): Promise<RawSheet> {
  const name = file.originalname.toLowerCase();
  const zip = file.buffer.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  let sheet: RawSheet;
  if (name.endsWith('.xlsx') || (zip && !name.endsWith('.csv'))) sheet = await readXlsx(file.buffer);
  else if (name.endsWith('.csv') || file.mimetype === 'text/csv') sheet = readCsv(file.buffer);
  else if (name.endsWith('.xls')) throw invalid('IMPORT_FORMAT', 'Old .xls files are not read: save the file as .xlsx');
  else throw invalid('IMPORT_FORMAT', 'Send an .xlsx or .csv file');
  if (sheet.rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('IMPORT_TOO_LARGE', `A file may hold at most ${MAX_IMPORT_ROWS} rows`, 'too_large');
  }
  return sheet;
}
