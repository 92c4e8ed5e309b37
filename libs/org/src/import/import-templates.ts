import ExcelJS from 'exceljs';
import { Role } from '@app/platform';
import { AGENCY_COLUMNS, USER_COLUMNS, type ColumnSpec } from '../domain/import-rows.js';
import { ROLE_LABELS_VI } from '../domain/roles.js';

export type TemplateKind = 'agencies' | 'users';

const SPECS: Record<TemplateKind, { title: string; columns: readonly ColumnSpec[] }> = {
  agencies: { title: 'Cơ quan', columns: AGENCY_COLUMNS },
  users: { title: 'Người dùng', columns: USER_COLUMNS },
};

/**
 * An .xlsx template: the first sheet has the Vietnamese headers (required ones marked *) for
 * people to fill from row 2; the second sheet explains each column and the accepted values.
 */
export async function buildTemplate(kind: TemplateKind, levels: { code: string; name: string }[]): Promise<Buffer> {
  const { title, columns } = SPECS[kind];
  const book = new ExcelJS.Workbook();
  book.creator = 'CCHC';
  const sheet = book.addWorksheet(title);
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: 26 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const help = book.addWorksheet('Hướng dẫn');
  help.columns = [
    { header: 'Cột', width: 24 },
    { header: 'Bắt buộc', width: 10 },
    { header: 'Hướng dẫn', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? 'Có' : 'Không', c.hint]);
  help.addRow([]);
  if (kind === 'agencies') {
    help.addRow(['Cấp', 'Mã', 'Tên']).font = { bold: true };
    for (const l of levels) help.addRow(['', l.code, l.name]);
  } else {
    help.addRow(['Vai trò', 'Mã', 'Tên']).font = { bold: true };
    for (const r of Object.values(Role)) help.addRow(['', r, ROLE_LABELS_VI[r]]);
  }
  help.addRow([]);
  help.addRow(['Ghi chú', '', 'Dòng 1 là tiêu đề. Tệp có lỗi ở bất kỳ dòng nào thì không dòng nào được nhập.']);
  return Buffer.from(await book.xlsx.writeBuffer());
}
