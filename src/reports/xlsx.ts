import ExcelJS from 'exceljs';
import type { Cell, DataTable, TableColumn } from '../text/table.ts';
import { dateParts, formatDecimals, roundTo } from './csv.ts';

/** One worksheet: its tab name and table. */
export interface Sheet extends DataTable {
  /** Worksheet name (Excel allows at most 31 characters and none of : \ / ? * [ ]); written to fit (`fitSheetName`). */
  name: string;
  /** Printed at the top of every page (the download's title); the sheet name when absent. */
  title?: string;
}

const FORBIDDEN_SHEET_CHARS = /[:\\/?*[\]]/g;
/** Excel's limit on a worksheet name. */
export const SHEET_NAME_MAX = 31;

/**
 * A worksheet name that fits Excel's 31 characters without cutting a word: forbidden characters become '-', and a
 * longer name is cut at the last word that fits (trailing punctuation dropped). `taken` (folded to lower case, as
 * Excel compares) gets the name added; a name already taken gets " (2)", " (3)" …
 */
export function fitSheetName(name: string, taken: Set<string> = new Set()): string {
  let base = name.replace(FORBIDDEN_SHEET_CHARS, '-').replace(/\s+/g, ' ').trim() || 'Bảng';
  const cut = (s: string, max: number) => {
    if (s.length <= max) return s;
    // The longest prefix that ends where a word ends (the next character is not a letter or digit).
    let end = max;
    while (end > 0 && /[\p{L}\p{N}]/u.test(s[end]!)) end--;
    const fitted = (end > 0 ? s.slice(0, end) : s.slice(0, max)).replace(/[\s,.;:–-]+$/u, '');
    return fitted || s.slice(0, max);
  };
  base = cut(base, SHEET_NAME_MAX);
  let out = base;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${cut(base, SHEET_NAME_MAX - ` (${n})`.length)} (${n})`;
  taken.add(out.toLowerCase());
  return out;
}

function headerWidth(header: string): number {
  return Math.min(40, Math.max(10, header.length + 2));
}

/** Excel's number format for a date or time column, in the Vietnamese order (dd/mm/yyyy). */
const DATE_FORMAT = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' } as const;

/** A table cell as an XLSX value: numbers rounded to their column, ISO dates as real dates, text as text. */
function cellValue(v: Cell, column: TableColumn): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? roundTo(v, formatDecimals(column.numFmt)) : null;
  if (column.type !== undefined) {
    const p = dateParts(v);
    // A date cell holds the local (Vietnam) wall time: Excel's serial numbers have no time zone.
    if (p) return new Date(Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss));
  }
  // A string that looks like a formula is still a plain string: exceljs only writes a formula for { formula }.
  return v;
}

/**
 * Renders tables as an XLSX workbook for people (SPEC §5, §6: opens in Excel and Calc with real numbers and dates, A4
 * page setup), one sheet each: bold Vietnamese header row, frozen and repeated on every printed page, with a filter;
 * numbers as number cells rounded to their format, dates and times as date cells shown dd/mm/yyyy; footer rows
 * (totals) in bold; A4 landscape, fitted to one page wide, the title at the top and "Trang n/N" at the foot of each
 * page. Text is always a string cell, never a formula, so `=HYPERLINK(…)` in a name stays inert text.
 */
export async function toXlsx(sheets: Sheet[], properties: { title?: string; subject?: string } = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Thư công vụ';
  workbook.lastModifiedBy = 'Thư công vụ';
  workbook.company = 'Hệ thống thư điện tử công vụ';
  workbook.title = properties.title ?? sheets[0]?.title ?? sheets[0]?.name ?? '';
  if (properties.subject) workbook.subject = properties.subject;
  (workbook as unknown as { language: string }).language = 'vi-VN'; // dc:language (missing from the typings)
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const title = sheet.title ?? sheet.name;
    const ws = workbook.addWorksheet(fitSheetName(sheet.name, taken), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.6, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '1:1',
      },
      headerFooter: {
        oddHeader: `&C&"Times New Roman,Bold"&11${title.replace(/&/g, '&&')}`,
        oddFooter: '&C&"Times New Roman,Regular"&10Trang &P/&N',
      },
    });
    ws.columns = sheet.columns.map((c, i) => ({
      key: `c${i}`,
      width: c.width ?? (c.type ? (c.type === 'datetime' ? 17 : 12) : headerWidth(c.header)),
      style: c.type ? { numFmt: DATE_FORMAT[c.type] } : c.numFmt ? { numFmt: c.numFmt } : {},
    }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c, i) => cellValue(row[i], c)));
    for (const row of sheet.footer ?? []) ws.addRow(sheet.columns.map((c, i) => cellValue(row[i], c))).font = { bold: true };
    if (sheet.columns.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.columns.length } };
  }
  // Fast deflate: the files are small and many (one per agency); level 1 keeps most of the size gain.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions);
  return new Uint8Array(buffer as ArrayBuffer);
}
