import ExcelJS from 'exceljs';
import { DomainError } from '@app/platform';
import { LEAF_SOURCES, type LeafSource, type SchemeNodeInput } from '../domain/scheme-tree.js';
import type { SchemeDocument } from './schemes.service.js';

const INFO = 'Thông tin';
const NODES = 'Tiêu chí';
const HEADERS = ['Mã', 'Mã cha', 'Tên', 'Điểm tối đa', 'Nguồn', 'Cấu hình (JSON)'];
const INFO_KEYS = {
  year: 'Năm',
  levelCode: 'Cấp',
  name: 'Tên bộ chỉ số',
  scale: 'Thang điểm',
  ranking: 'Xếp hạng (JSON)',
};

/** A scheme as a workbook: one sheet of settings, one row per node with its parent's code. */
export async function schemeToXlsx(doc: SchemeDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet(INFO);
  info.columns = [{ width: 22 }, { width: 60 }];
  info.addRow([INFO_KEYS.year, doc.year]);
  info.addRow([INFO_KEYS.levelCode, doc.levelCode]);
  info.addRow([INFO_KEYS.name, doc.name]);
  info.addRow([INFO_KEYS.scale, doc.scale]);
  info.addRow([INFO_KEYS.ranking, doc.ranking ? JSON.stringify(doc.ranking) : '']);
  const sheet = wb.addWorksheet(NODES);
  sheet.columns = [{ width: 14 }, { width: 14 }, { width: 70 }, { width: 12 }, { width: 16 }, { width: 60 }];
  sheet.addRow(HEADERS).font = { bold: true };
  const walk = (n: SchemeNodeInput, parent: string): void => {
    sheet.addRow([n.code, parent, n.name, n.max, n.source ?? '', n.config ? JSON.stringify(n.config) : '']);
    n.children?.forEach((c) => walk(c, n.code));
  };
  doc.areas.forEach((a) => walk(a, ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const text = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
};

function bad(message: string): DomainError {
  return new DomainError('SCHEME_FILE_INVALID', message, 'invalid');
}

function parseJson(raw: string, where: string): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* reported below */
  }
  throw bad(`${where}: the configuration is not a JSON object`);
}

/** Reads a workbook written by schemeToXlsx (or by hand in the same layout) into a scheme document. */
export async function schemeFromXlsx(buffer: Buffer): Promise<SchemeDocument> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw bad('The file is not an Excel workbook (.xlsx)');
  }
  const info = wb.getWorksheet(INFO);
  const sheet = wb.getWorksheet(NODES);
  if (!info || !sheet) throw bad(`The workbook needs the sheets "${INFO}" and "${NODES}"`);
  const settings = new Map<string, string>();
  info.eachRow((row) => settings.set(text(row.getCell(1).value), text(row.getCell(2).value)));
  const year = Number(settings.get(INFO_KEYS.year));
  const scale = Number(settings.get(INFO_KEYS.scale) || 100);
  if (!Number.isInteger(year)) throw bad(`"${INFO_KEYS.year}" must be a year`);
  if (!Number.isFinite(scale)) throw bad(`"${INFO_KEYS.scale}" must be a number`);

  const nodes = new Map<string, SchemeNodeInput>();
  const areas: SchemeNodeInput[] = [];
  sheet.eachRow((row, i) => {
    if (i === 1) return;
    const [code, parent, name, max, source, config] = [1, 2, 3, 4, 5, 6].map((c) => text(row.getCell(c).value));
    if (!code) return;
    const where = `row ${i} (${code})`;
    if (source && !LEAF_SOURCES.includes(source as LeafSource)) throw bad(`${where}: unknown source "${source}"`);
    const node: SchemeNodeInput = {
      code,
      name,
      max: Number(max),
      ...(source ? { source: source as LeafSource } : {}),
      ...(config ? { config: parseJson(config, where) } : {}),
    };
    if (Number.isNaN(node.max)) throw bad(`${where}: the maximum must be a number`);
    if (nodes.has(code)) throw bad(`${where}: the code appears twice`);
    nodes.set(code, node);
    if (!parent) areas.push(node);
    else {
      const p = nodes.get(parent);
      if (!p) throw bad(`${where}: the parent ${parent} must be listed above its children`);
      (p.children ??= []).push(node);
    }
  });
  return {
    year,
    levelCode: settings.get(INFO_KEYS.levelCode) ?? '',
    name: settings.get(INFO_KEYS.name) ?? '',
    scale,
    ranking: parseJson(settings.get(INFO_KEYS.ranking) ?? '', INFO_KEYS.ranking),
    areas,
  };
}
