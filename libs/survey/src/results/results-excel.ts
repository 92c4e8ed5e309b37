import ExcelJS from 'exceljs';
import type { GroupView, ResultsView } from '../dto/results.dto.js';

const HEADERS = [
  'Mã',
  'Nội dung',
  'Số phiếu',
  'Số câu trả lời',
  'Số trả lời hài lòng',
  'Tỷ lệ hài lòng (%)',
  'Sai số ± (điểm %, độ tin cậy 95%)',
  'Cận dưới (%)',
  'Cận trên (%)',
  'Cách tính sai số',
];
const METHOD: Record<string, string> = {
  normal: 'Xấp xỉ chuẩn',
  wilson: 'Khoảng Wilson (mẫu nhỏ)',
  none: 'Chưa có dữ liệu',
};

/** The results as an Excel workbook with Vietnamese headers, one sheet per grouping. */
export async function resultsWorkbook(r: ResultsView, formName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CCHC';
  const sheets: [string, GroupView[]][] = [
    ['Tổng hợp', [r.overall]],
    ['Theo câu hỏi', r.byQuestion],
    ['Theo nhóm tiêu chí', r.bySection],
    ['Theo bộ phận một cửa', r.byDesk],
    ['Theo cơ quan', r.byAgency],
    ['Theo kỳ', r.byPeriod],
  ];
  for (const [name, groups] of sheets) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Kết quả khảo sát sự hài lòng — ${formName}`]).font = { bold: true, size: 13 };
    ws.addRow([`Từ: ${r.from ? r.from.toISOString() : 'đầu'}   Đến: ${r.to ? r.to.toISOString() : 'nay'}`]);
    const header = ws.addRow(HEADERS);
    header.font = { bold: true };
    for (const g of groups) {
      ws.addRow([
        g.key,
        g.label,
        g.responses,
        g.answers,
        g.satisfied,
        g.ratePercent,
        g.margin95,
        g.low,
        g.high,
        METHOD[g.method] ?? g.method,
      ]);
    }
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 60 : 16));
  }
  const rs = wb.addWorksheet('Người trả lời');
  rs.addRow(['Loại người trả lời', 'Số phiếu']).font = { bold: true };
  rs.addRow(['Người dân', r.respondents.citizen ?? 0]);
  rs.addRow(['Tổ chức', r.respondents.organisation ?? 0]);
  rs.addRow(['Không cho biết', r.respondents.unknown ?? 0]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
