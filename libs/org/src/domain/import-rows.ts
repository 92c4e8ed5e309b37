import type { Role } from '@app/platform';
import { passwordProblem } from './password-policy.js';
import { parseRole, roleNeedsAgency, USERNAME_PATTERN } from './roles.js';
import { placementProblem } from './agency-tree.js';

/**
 * The rules of the agency and user import files, free of any file format: a sheet (Excel or CSV) is
 * first read into header cells and rows of text, then checked here as a whole. Every problem names
 * its line as the spreadsheet shows it (the header is line 1).
 */

export interface RawSheet {
  headers: string[];
  rows: { line: number; values: string[] }[];
}

export interface RowProblem {
  line: number;
  field?: string;
  reason: string;
}

export interface ColumnSpec {
  key: string;
  /** The Vietnamese header written in the template. */
  header: string;
  /** Other headers accepted for the column (English keys, names without diacritics). */
  aliases: string[];
  required: boolean;
  /** What the template's second row explains. */
  hint: string;
}

export const AGENCY_COLUMNS: readonly ColumnSpec[] = [
  { key: 'code', header: 'Mã cơ quan', aliases: ['code', 'ma co quan'], required: true, hint: 'VD: SNV, X-MYAN' },
  { key: 'name', header: 'Tên cơ quan', aliases: ['name', 'ten co quan'], required: true, hint: 'VD: Sở Nội vụ' },
  {
    key: 'level',
    header: 'Cấp',
    aliases: ['level', 'cap'],
    required: true,
    hint: 'Mã cấp: province, department, district, commune',
  },
  {
    key: 'parentCode',
    header: 'Mã cơ quan cấp trên',
    aliases: ['parent_code', 'parent', 'ma co quan cap tren'],
    required: false,
    hint: 'Bỏ trống với cấp tỉnh',
  },
  {
    key: 'staffCount',
    header: 'Số biên chế',
    aliases: ['staff_count', 'so bien che'],
    required: false,
    hint: 'Số nguyên, VD: 45',
  },
  { key: 'note', header: 'Ghi chú', aliases: ['note', 'ghi chu'], required: false, hint: 'Không nhập vào hệ thống' },
];

export const USER_COLUMNS: readonly ColumnSpec[] = [
  {
    key: 'username',
    header: 'Tên đăng nhập',
    aliases: ['username', 'ten dang nhap'],
    required: true,
    hint: 'Chữ không dấu, số, . - _ (3–64 ký tự)',
  },
  {
    key: 'fullName',
    header: 'Họ và tên',
    aliases: ['full_name', 'ho va ten'],
    required: true,
    hint: 'VD: Trần Thị Mai',
  },
  {
    key: 'password',
    header: 'Mật khẩu',
    aliases: ['password', 'mat khau'],
    required: true,
    hint: 'Ít nhất 8 ký tự, có chữ và số',
  },
  {
    key: 'role',
    header: 'Vai trò',
    aliases: ['role', 'vai tro'],
    required: true,
    hint: 'Quản trị hệ thống, Ban tổ chức, Kiểm tra viên, Cán bộ đầu mối, Công chức',
  },
  {
    key: 'agencyCode',
    header: 'Mã cơ quan',
    aliases: ['agency_code', 'agency', 'ma co quan'],
    required: false,
    hint: 'Bắt buộc với cán bộ đầu mối và công chức',
  },
  { key: 'email', header: 'Email', aliases: ['email', 'thư điện tử'], required: false, hint: 'Không bắt buộc' },
  { key: 'note', header: 'Ghi chú', aliases: ['note', 'ghi chu'], required: false, hint: 'Không nhập vào hệ thống' },
];

/** Header text folded for matching: NFC, lower case, no required-marker star, single spaces. */
export const foldHeader = (s: string): string =>
  s.normalize('NFC').replace(/\*/g, '').trim().toLowerCase().replace(/\s+/g, ' ');

export interface Records {
  records: { line: number; cells: Record<string, string> }[];
  problems: RowProblem[];
}

/**
 * Maps the header row to the spec's columns and each row to a record keyed by column. Missing
 * required columns, unknown and repeated columns are problems of line 1. Rows with nothing in them
 * are skipped.
 */
export function toRecords(sheet: RawSheet, spec: readonly ColumnSpec[]): Records {
  const byHeader = new Map<string, string>();
  for (const c of spec) for (const h of [c.header, ...c.aliases]) byHeader.set(foldHeader(h), c.key);
  const problems: RowProblem[] = [];
  const keys: (string | null)[] = sheet.headers.map((h) => {
    if (!h.trim()) return null;
    const key = byHeader.get(foldHeader(h));
    if (!key) problems.push({ line: 1, reason: `unknown column "${h}"` });
    return key ?? null;
  });
  const seen = new Set<string>();
  for (const k of keys) {
    if (k && seen.has(k)) problems.push({ line: 1, field: k, reason: `the column "${header(spec, k)}" appears twice` });
    if (k) seen.add(k);
  }
  for (const c of spec) {
    if (c.required && !seen.has(c.key)) {
      problems.push({ line: 1, field: c.key, reason: `the required column "${c.header}" is missing` });
    }
  }
  const records = sheet.rows
    .filter((r) => r.values.some((v) => v.trim() !== ''))
    .map((r) => {
      const cells: Record<string, string> = {};
      keys.forEach((k, i) => {
        if (k) cells[k] = (r.values[i] ?? '').normalize('NFC').trim();
      });
      return { line: r.line, cells };
    });
  if (!problems.length && records.length === 0) problems.push({ line: 2, reason: 'the file has no rows to import' });
  return { records, problems };
}

const header = (spec: readonly ColumnSpec[], key: string): string => spec.find((c) => c.key === key)?.header ?? key;

export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9._-]{1,32}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface LevelRef {
  id: number;
  code: string;
  name: string;
  depth: number;
  active: boolean;
}

export interface AgencyRef {
  id: number;
  code: string;
  depth: number;
  active: boolean;
}

export interface AgencyDraft {
  line: number;
  code: string;
  name: string;
  levelId: number;
  depth: number;
  /** The parent already in the database, or the code of a parent made by the same file. */
  parent: { id: number } | { code: string } | null;
  staffCount: number | null;
}

const upper = (s: string): string => s.toUpperCase();

/** Lines that repeat a key, each with the lines it repeats. */
function duplicates(records: { line: number; key: string }[]): Map<number, number[]> {
  const lines = new Map<string, number[]>();
  for (const r of records) if (r.key) lines.set(r.key, [...(lines.get(r.key) ?? []), r.line]);
  const out = new Map<number, number[]>();
  for (const ls of lines.values())
    if (ls.length > 1)
      for (const l of ls)
        out.set(
          l,
          ls.filter((x) => x !== l),
        );
  return out;
}

/** Whole number cell, for counts: "45", "45.0" (Excel), not "4,5" or "-1". */
function wholeNumber(text: string): number | null {
  if (!/^\d+(\.0+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Checks every agency row: required cells, code format and uniqueness (in the file and against the
 * database), a known active level, a parent known in the database or in the file and placed above
 * the row's level, a whole staff count. Drafts come out parents first.
 */
export function checkAgencyRows(
  records: Records['records'],
  ctx: { levels: readonly LevelRef[]; existing: ReadonlyMap<string, AgencyRef> },
): { drafts: AgencyDraft[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (line: number, field: string, reason: string): void => void problems.push({ line, field, reason });
  const levelOf = (text: string): LevelRef | undefined =>
    ctx.levels.find((l) => upper(l.code) === upper(text) || foldHeader(l.name) === foldHeader(text));
  const dup = duplicates(records.map((r) => ({ line: r.line, key: upper(r.cells.code ?? '') })));
  const inFile = new Map<string, { depth: number | null }>();
  for (const r of records) {
    const lvl = levelOf(r.cells.level ?? '');
    if (r.cells.code) inFile.set(upper(r.cells.code), { depth: lvl?.depth ?? null });
  }

  const drafts: AgencyDraft[] = [];
  for (const { line, cells } of records) {
    const before = problems.length;
    const code = cells.code ?? '';
    if (!code) bad(line, 'code', 'the agency code is empty');
    else if (!AGENCY_CODE_PATTERN.test(code)) {
      bad(line, 'code', `the code "${code}" may only use letters, digits, . - _ (at most 32)`);
    } else if (dup.has(line)) bad(line, 'code', `the code "${code}" is also on line ${dup.get(line)!.join(', ')}`);
    else if (ctx.existing.has(upper(code))) bad(line, 'code', `an agency with code "${code}" already exists`);

    const name = cells.name ?? '';
    if (!name) bad(line, 'name', 'the agency name is empty');
    else if (name.length > 255) bad(line, 'name', 'the agency name is longer than 255 characters');

    const level = levelOf(cells.level ?? '');
    if (!cells.level) bad(line, 'level', 'the level is empty');
    else if (!level) bad(line, 'level', `unknown level "${cells.level}"`);
    else if (!level.active) bad(line, 'level', `the level "${level.code}" is no longer in use`);

    let parent: AgencyDraft['parent'] = null;
    const parentCode = cells.parentCode ?? '';
    if (parentCode) {
      const known = ctx.existing.get(upper(parentCode));
      const sibling = inFile.get(upper(parentCode));
      if (upper(parentCode) === upper(code)) bad(line, 'parentCode', 'an agency cannot be its own parent');
      else if (known) {
        if (!known.active) bad(line, 'parentCode', `the parent "${parentCode}" is deactivated`);
        parent = { id: known.id };
        const p = level ? placementProblem(level.depth, known.depth) : null;
        if (p) bad(line, 'parentCode', p);
      } else if (sibling) {
        parent = { code: parentCode };
        const p = level && sibling.depth !== null ? placementProblem(level.depth, sibling.depth) : null;
        if (p) bad(line, 'parentCode', p);
      } else bad(line, 'parentCode', `unknown parent agency code "${parentCode}"`);
    } else if (level) {
      const p = placementProblem(level.depth, null);
      if (p) bad(line, 'parentCode', p);
    }

    let staffCount: number | null = null;
    if (cells.staffCount) {
      staffCount = wholeNumber(cells.staffCount);
      if (staffCount === null || staffCount > 1_000_000) {
        bad(line, 'staffCount', `the staff count "${cells.staffCount}" is not a whole number from 0 to 1000000`);
      }
    }
    if (problems.length === before && level) {
      drafts.push({ line, code, name, levelId: level.id, depth: level.depth, parent, staffCount });
    }
  }
  drafts.sort((a, b) => a.depth - b.depth || a.line - b.line);
  return { drafts, problems };
}

export interface UserDraft {
  line: number;
  username: string;
  fullName: string;
  password: string;
  role: Role;
  agencyId: number | null;
  email: string | null;
}

/**
 * Checks every user row: username format and uniqueness (in the file and against the database, case
 * ignored), a name, a strong password, a known role, an active agency where the role needs one, an
 * email that looks like one.
 */
export function checkUserRows(
  records: Records['records'],
  ctx: { agencies: ReadonlyMap<string, AgencyRef>; takenUsernames: ReadonlySet<string> },
): { drafts: UserDraft[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const bad = (line: number, field: string, reason: string): void => void problems.push({ line, field, reason });
  const dup = duplicates(records.map((r) => ({ line: r.line, key: (r.cells.username ?? '').toLowerCase() })));
  const drafts: UserDraft[] = [];
  for (const { line, cells } of records) {
    const before = problems.length;
    const username = cells.username ?? '';
    if (!username) bad(line, 'username', 'the username is empty');
    else if (!USERNAME_PATTERN.test(username)) {
      bad(line, 'username', `the username "${username}" may only use letters without accents, digits, . - _ (3–64)`);
    } else if (dup.has(line)) {
      bad(line, 'username', `the username "${username}" is also on line ${dup.get(line)!.join(', ')}`);
    } else if (ctx.takenUsernames.has(username.toLowerCase())) {
      bad(line, 'username', `the username "${username}" is already taken`);
    }

    const fullName = cells.fullName ?? '';
    if (!fullName) bad(line, 'fullName', 'the full name is empty');
    else if (fullName.length > 255) bad(line, 'fullName', 'the full name is longer than 255 characters');

    const password = cells.password ?? '';
    const weak = password ? passwordProblem(password, username) : 'the password is empty';
    if (weak) bad(line, 'password', weak);

    const role = parseRole(cells.role ?? '');
    if (!cells.role) bad(line, 'role', 'the role is empty');
    else if (!role) bad(line, 'role', `unknown role "${cells.role}"`);

    let agencyId: number | null = null;
    const agencyCode = cells.agencyCode ?? '';
    if (agencyCode) {
      const agency = ctx.agencies.get(upper(agencyCode));
      if (!agency) bad(line, 'agencyCode', `unknown agency code "${agencyCode}"`);
      else if (!agency.active) bad(line, 'agencyCode', `the agency "${agencyCode}" is deactivated`);
      else agencyId = agency.id;
    } else if (role && roleNeedsAgency(role)) {
      bad(line, 'agencyCode', `a user with the role ${role} needs an agency code`);
    }

    const email = cells.email ?? '';
    if (email && (email.length > 255 || !EMAIL_PATTERN.test(email))) {
      bad(line, 'email', `"${email}" is not an email address`);
    }
    if (problems.length === before && role) {
      drafts.push({ line, username, fullName, password, role, agencyId, email: email || null });
    }
  }
  return { drafts, problems };
}
