import ExcelJS from 'exceljs';
import { readSheet } from './sheet-reader.js';

const file = (originalname: string, buffer: Buffer, mimetype = 'application/octet-stream') => ({
  originalname,
  mimetype,
  size: buffer.length,
  buffer,
});

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Cơ quan');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readSheet', () => {
  it('reads an .xlsx workbook: Vietnamese text, numbers, rich text, links and formulas as a person sees them', async () => {
    const buffer = await xlsx([
      ['Mã cơ quan', 'Tên cơ quan', 'Số biên chế', 'Email'],
      [
        'X-01',
        { richText: [{ text: 'Xã ' }, { text: 'Mỹ An', font: { bold: true } }] },
        21,
        { text: 'xa@example.vn', hyperlink: 'mailto:xa@example.vn' },
      ],
      [],
      ['X-02', 'Phường Đông Hòa 🌸', { formula: '20+5', result: 25 }, null],
    ]);
    const sheet = await readSheet(file('co-quan.xlsx', buffer));
    expect(sheet.headers).toEqual(['Mã cơ quan', 'Tên cơ quan', 'Số biên chế', 'Email']);
    expect(sheet.rows).toEqual([
      { line: 2, values: ['X-01', 'Xã Mỹ An', '21', 'xa@example.vn'] },
      { line: 3, values: ['', '', '', ''] },
      { line: 4, values: ['X-02', 'Phường Đông Hòa 🌸', '25', ''] },
    ]);
  });

  it.each([
    ['comma, with a byte-order mark', '\uFEFFMã cơ quan,Tên cơ quan\r\nX-01,"Xã Mỹ An, huyện Mỹ Hòa"\r\n'],
    ['semicolon', 'Mã cơ quan;Tên cơ quan\nX-01;Xã Mỹ An, huyện Mỹ Hòa\n'],
  ])('reads a UTF-8 CSV (%s) with line numbers', async (_, text) => {
    const sheet = await readSheet(file('co-quan.csv', Buffer.from(text, 'utf8')));
    expect(sheet.headers).toEqual(['Mã cơ quan', 'Tên cơ quan']);
    expect(sheet.rows.filter((r) => r.values.some(Boolean))).toEqual([
      { line: 2, values: ['X-01', 'Xã Mỹ An, huyện Mỹ Hòa'] },
    ]);
  });

  it.each([
    ['a CSV that is not UTF-8', 'a.csv', Buffer.from([0x4d, 0xe3, 0x20, 0x63, 0xa1, 0x0a]), 'IMPORT_ENCODING'],
    ['an old .xls file', 'a.xls', Buffer.from('whatever'), 'IMPORT_FORMAT'],
    ['a .txt file', 'a.txt', Buffer.from('a,b'), 'IMPORT_FORMAT'],
    ['a broken .xlsx', 'a.xlsx', Buffer.from('PK\x03\x04 not really a zip'), 'IMPORT_UNREADABLE'],
    ['an unclosed quote', 'a.csv', Buffer.from('a,b\n"x,y\n'), 'IMPORT_INVALID'],
  ])('refuses %s with %s', async (_, name, buffer, code) => {
    await expect(readSheet(file(name, buffer))).rejects.toMatchObject({ code });
  });

  it('refuses a file of more than 5000 rows', async () => {
    const text = ['a,b', ...Array.from({ length: 5001 }, (_, i) => `x${i},y`)].join('\n');
    await expect(readSheet(file('a.csv', Buffer.from(text)))).rejects.toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  });
});
