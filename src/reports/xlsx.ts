import ExcelJS from 'exceljs';
import type { DataTable } from './csv.ts';

/** One worksheet: its tab name and table. */
export interface Sheet extends DataTable {
  /** Worksheet name (Excel allows at most 31 characters and none of : \ / ? * [ ]). */
  name: string;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/g;

function sheetName(name: string): string {
  return name.replace(FORBIDDEN_SHEET_CHARS, '-').slice(0, 31) || 'Bảng';
}

function headerWidth(header: string): number {
  return Math.min(60, Math.max(10, header.length + 2));
}

/**
 * Renders tables as an XLSX workbook (one sheet each): bold Vietnamese header row, frozen under the header, column
 * widths from the table (or the header length), numbers as numbers. Text is always written as a string cell, never a
 * formula, so `=HYPERLINK(…)` in a name stays inert text (SPEC §5 formula-injection rule holds by construction).
 */
export async function toXlsx(sheets: Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thư công vụ';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheetName(sheet.name), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    ws.columns = sheet.columns.map((c, i) => ({
      key: `c${i}`,
      width: c.width ?? headerWidth(c.header),
      style: c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    for (const row of sheet.rows) {
      const values = sheet.columns.map((_, i) => {
        const v = row[i];
        if (v === null || v === undefined) return null;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        // A string that looks like a formula is still a plain string: exceljs only writes a formula for { formula }.
        return v;
      });
      ws.addRow(values);
    }
  }
  // Fast deflate: the files are small and many (one per agency); level 1 keeps most of the size gain.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buffer as ArrayBuffer);
}
