/**
 * Tables as CSV for download (SPEC §5 Báo cáo / Danh bạ / Xếp hạng). Pure: no I/O, safe in the browser.
 *
 * The CSV convention (for machines; people get the XLSX, `xlsx.ts`), stated on the data page (`CSV_CONVENTION`):
 * UTF-8 with a byte order mark, comma-separated, CRLF, RFC 4180 quoting; one header row then one row per record, no
 * total rows; numbers with a '.' decimal point and no thousands separator, rounded to the decimals of their column;
 * dates as ISO 8601 `YYYY-MM-DD`, times as `YYYY-MM-DDTHH:MM+07:00` (Vietnam time); codes and labels as text.
 */

import type { Cell, DataTable, TableColumn } from '../text/table.ts';
import { UTC_OFFSET_TEXT } from '../text/time.ts';

/** The CSV convention in Vietnamese, for the data page and the report page (SPEC §5). */
export const CSV_CONVENTION = [
  'Tệp CSV dành cho máy đọc: mã UTF-8 có BOM, phân cách bằng dấu phẩy, dòng đầu là tên cột, mỗi dòng sau là một bản ghi (không có dòng tổng cộng).',
  'Số viết dấu chấm thập phân, không có dấu phân cách hàng nghìn (ví dụ 5821.3); ngày viết YYYY-MM-DD (ví dụ 2026-03-14), thời điểm viết YYYY-MM-DDTHH:MM+07:00 theo giờ Việt Nam.',
  'Ô văn bản bắt đầu bằng = + - @ được thêm dấu nháy đơn phía trước để bảng tính không chạy như công thức.',
  'Để đọc, in hoặc tính toán bằng Excel, LibreOffice Calc, hãy dùng tệp XLSX: số, ngày là ô số, ô ngày thật, khổ A4 ngang.',
] as const;

/** Decimal places a number format shows: '#,##0.0' → 1, '0.0%' → 3 (a share), '#,##0' → 0; none → 4 (no noise). */
export function formatDecimals(numFmt: string | undefined): number {
  if (numFmt === undefined) return 4;
  const first = numFmt.split(';')[0]!;
  const decimals = /\.(0+)/.exec(first)?.[1]?.length ?? 0;
  return first.includes('%') ? decimals + 2 : decimals;
}

/** `x` rounded half away from zero to `decimals`, ignoring binary noise (656.1999998 → 656.2 at 1 decimal). */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(Number((x * f).toPrecision(12)))) / f;
  return x < 0 ? -r : r;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The parts of an ISO date or local date-time cell, or null when the text is not one. */
export function dateParts(text: string): { y: number; m: number; d: number; hh: number; mm: number; ss: number; time: boolean } | null {
  const t = ISO_DATETIME.exec(text) ?? ISO_DATE.exec(text);
  if (!t) return null;
  return { y: Number(t[1]), m: Number(t[2]), d: Number(t[3]), hh: Number(t[4] ?? 0), mm: Number(t[5] ?? 0), ss: Number(t[6] ?? 0), time: t[4] !== undefined };
}

/** A cell as the CSV writes it: numbers rounded to their column, dates and times in ISO 8601, text as is. */
function csvValue(value: Cell, column: TableColumn | undefined): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? roundTo(value, formatDecimals(column?.numFmt)) : null;
  if (typeof value === 'string' && column?.type === 'datetime') {
    const p = ISO_DATETIME.exec(value);
    if (p) return `${p[1]}-${p[2]}-${p[3]}T${p[4]}:${p[5]}${p[6] ? `:${p[6]}` : ''}${UTC_OFFSET_TEXT}`;
  }
  return value;
}

/** UTF-8 byte order mark, so Excel opens the file as UTF-8 and shows Vietnamese (PapaParse does not add one). */
export const UTF8_BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, tab, CR at the
 * start) by prefixing a single quote, so it is shown as text (SPEC §5: cells that start with = + - @ are
 * neutralised). Numbers are never touched: `-5` as a number is data, not a formula.
 */
export function neutraliseCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Renders a table as RFC 4180 CSV (comma, CRLF, quotes doubled) preceded by a UTF-8 BOM, with every text cell
 * neutralised against formula injection, in the convention above (`CSV_CONVENTION`): '.' decimals rounded to the
 * column's format, ISO dates and times, no footer rows.
 */
export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => quote(neutraliseCell(c.header)))];
  for (const row of table.rows) lines.push(table.columns.map((c, i) => quote(neutraliseCell(csvValue(row[i], c)))));
  return UTF8_BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
