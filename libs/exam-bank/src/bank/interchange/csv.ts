import Papa from 'papaparse';
import type { ExportedQuestion } from '../domain/question-draft.js';
import { draftsToTable, rowsToDrafts, tableHeader, type TableParseResult } from './table-format.js';

/** CSV in UTF-8 (a byte-order mark is written so that Excel shows Vietnamese correctly). */
export function parseCsv(text: string): TableParseResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const fatal = parsed.errors.filter((e) => e.type === 'Quotes');
  if (fatal.length) {
    return {
      drafts: [],
      problems: fatal.map((e) => ({ position: (e.row ?? 0) + 1, unit: 'row' as const, reason: `CSV: ${e.message}` })),
    };
  }
  const [header = [], ...rows] = parsed.data;
  return rowsToDrafts(
    header,
    rows.map((cells, i) => ({ row: i + 2, cells })),
  );
}

export function writeCsv(questions: readonly ExportedQuestion[]): string {
  const { header, rows } = draftsToTable(questions);
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}

export function csvTemplate(): string {
  return `\uFEFF${Papa.unparse([tableHeader()], { newline: '\r\n' })}\r\n`;
}
