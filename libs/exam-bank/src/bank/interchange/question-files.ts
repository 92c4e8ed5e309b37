import type { ExportedQuestion, ImportProblem, LocatedDraft } from '../domain/question-draft.js';
import { parseCsv, writeCsv } from './csv.js';
import { parseGift, writeGift } from './gift.js';
import { parseMoodleXml, writeMoodleXml } from './moodle-xml.js';
import { parseXlsx, writeXlsx } from './xlsx.js';

export const QUESTION_FILE_FORMATS = ['xlsx', 'csv', 'gift', 'xml'] as const;
export type QuestionFileFormat = (typeof QUESTION_FILE_FORMATS)[number];

export interface ParsedQuestionFile {
  drafts: LocatedDraft[];
  problems: ImportProblem[];
}

const BY_EXTENSION: Record<string, QuestionFileFormat> = {
  xlsx: 'xlsx',
  csv: 'csv',
  gift: 'gift',
  txt: 'gift',
  xml: 'xml',
};

/** The format named, or the one the file name's extension implies ("bank.gift.txt" → gift). */
export function formatOf(fileName: string, named?: string): QuestionFileFormat | null {
  if (named) return (QUESTION_FILE_FORMATS as readonly string[]).includes(named) ? (named as QuestionFileFormat) : null;
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[ext] ?? null;
}

/** Text files must be UTF-8 (with or without a byte-order mark). */
export function utf8(data: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

export async function readQuestionFile(format: QuestionFileFormat, data: Buffer): Promise<ParsedQuestionFile> {
  if (format === 'xlsx') return parseXlsx(data);
  const text = utf8(data);
  if (text === null) {
    return {
      drafts: [],
      problems: [
        { position: 1, unit: 'line', reason: 'The file is not UTF-8 text: save it as UTF-8 and import it again' },
      ],
    };
  }
  if (format === 'csv') return parseCsv(text);
  if (format === 'gift') return parseGift(text);
  return parseMoodleXml(text);
}

export interface QuestionFile {
  body: Buffer;
  contentType: string;
  extension: string;
}

export async function writeQuestionFile(
  format: QuestionFileFormat,
  questions: readonly ExportedQuestion[],
): Promise<QuestionFile> {
  switch (format) {
    case 'xlsx':
      return {
        body: await writeXlsx(questions),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
      };
    case 'csv':
      return {
        body: Buffer.from(writeCsv(questions), 'utf8'),
        contentType: 'text/csv; charset=utf-8',
        extension: 'csv',
      };
    case 'gift':
      return {
        body: Buffer.from(writeGift(questions), 'utf8'),
        contentType: 'text/plain; charset=utf-8',
        extension: 'gift.txt',
      };
    case 'xml':
      return {
        body: Buffer.from(writeMoodleXml(questions), 'utf8'),
        contentType: 'application/xml; charset=utf-8',
        extension: 'xml',
      };
  }
}
