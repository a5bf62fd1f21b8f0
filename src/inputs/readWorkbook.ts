/**
 * An Excel workbook (.xlsx) as an office keeps a table (SPEC §3): the first sheet that holds data, title rows, blank
 * rows and merged cells above the header skipped, the header found by the columns it names, date cells and
 * dd/mm/yyyy text alike, numbers as numbers. Read with exceljs (no zip or XML of our own) into the same ParsedTable a
 * CSV gives, so one validator checks both; line numbers are the sheet's row numbers.
 */
import type ExcelJS from 'exceljs';
import { mapHeader } from './header.ts';
import type { ParsedTable, TableRecord } from './readTable.ts';
import type { ColumnSpec } from './spec.ts';

/** Rows looked at for the header (title blocks above it are a few rows). */
const HEADER_SEARCH_ROWS = 30;

/** Why a workbook could not be read: a Vietnamese reason for the run's message. */
export class WorkbookError extends Error {}

/** A cell's value as the text a CSV export of it would hold. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue;
    // LibreOffice writes a true/false cell as the formula TRUE() or FALSE(); exceljs drops a false result
    if (f.result === undefined && /^(TRUE|FALSE)\(\)$/i.test(f.formula ?? '')) return f.formula!.slice(0, -2).toUpperCase();
    return cellText(f.result as ExcelJS.CellValue);
  }
  if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return String(value);
}

/**
 * A date cell: Excel keeps the wall-clock date and time, which exceljs hands over as that moment in UTC. Written as
 * ISO without a zone (SPEC §3: Asia/Ho_Chi_Minh), the time only when there is one.
 */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.slice(11, 19) === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Each row's texts, by column (1-based as Excel numbers them), for rows that hold anything. */
function rowsOf(sheet: ExcelJS.Worksheet): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // a merged cell's other parts repeat its master's value: only the master's place holds it
      if (cell.isMerged && cell.master.address !== cell.address) return;
      cells[col - 1] = cellText(cell.value).trim();
    });
    if (cells.some((c) => c !== undefined && c !== '')) rows.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

/**
 * The table in `bytes` (an .xlsx) for the columns of an input kind: the first sheet with data, and in it the first row
 * (of the first HEADER_SEARCH_ROWS) that names the most of the kind's columns. Throws WorkbookError when the file is no
 * workbook or no sheet has a header row.
 */
export async function readWorkbookTable(bytes: Uint8Array, columns: readonly ColumnSpec[]): Promise<ParsedTable> {
  // loaded only when a night has a workbook: importing exceljs costs ~0.3 s, a third of a small night's ingest
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    throw new WorkbookError(`tệp có dạng bảng tính Excel (.xlsx) nhưng bị hỏng hoặc không trọn vẹn, không mở được (${(err as Error).message})`);
  }
  for (const sheet of workbook.worksheets) {
    const rows = rowsOf(sheet);
    if (rows.length === 0) continue;
    let best: { at: number; known: number } | null = null;
    for (const [at, row] of rows.slice(0, HEADER_SEARCH_ROWS).entries()) {
      const known = mapHeader(row.cells, columns).positions.size;
      if (known > 0 && (best === null || known > best.known)) best = { at, known };
    }
    if (best === null) {
      throw new WorkbookError(
        `trang "${sheet.name}" có dữ liệu nhưng không có dòng tiêu đề nào gọi tên các cột cần (${columns.slice(0, 4).map((c) => c.name).join(', ')}, …)`,
      );
    }
    const header = rows[best.at]!;
    const width = header.cells.length;
    // a sheet keeps no trailing empty cells: a row is as wide as the header (cells past it, if filled, stay and are
    // reported as a row that does not fit)
    const records: TableRecord[] = rows.slice(best.at + 1).map((r) => ({
      line: r.line, fields: r.cells.length < width ? [...r.cells, ...Array<string>(width - r.cells.length).fill('')] : r.cells,
    }));
    return { separator: ',', header: header.cells, headerLine: header.line, records, garbled: [] };
  }
  throw new WorkbookError('bảng tính không có trang nào có dữ liệu');
}

/** Whether `bytes` start like a ZIP archive, as every .xlsx does (a workbook saved under a .csv name, say). */
export const looksLikeWorkbook = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
