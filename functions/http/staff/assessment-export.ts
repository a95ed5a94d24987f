import ExcelJS from 'exceljs';
import { REPORT_STATUS_LABELS } from '../../../shared/domain/assessment';
import type { AssessmentBoard } from '../../../shared/services/assessment';

/** The board as an XLSX sheet: one row per organization, per period its score or status (逾期 marked), then the year's points. */
export async function boardWorkbook(board: AssessmentBoard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${board.year}年考核`);
  sheet.addRow(['党组织', ...board.periods.map((p) => p.label), '累计得分', '累计满分']);
  for (const row of board.rows) {
    sheet.addRow([
      row.orgName,
      ...board.periods.map((p) => {
        const report = row.cells[p.key];
        if (!report) return '';
        const text = report.status === 'scored' ? report.score ?? 0 : REPORT_STATUS_LABELS[report.status];
        return report.late && typeof text === 'string' ? `${text}（逾期）` : text;
      }),
      row.total, row.fullMarks,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => { column.width = 14; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
