/**
 * Tables as CSV for download (SPEC §5 Báo cáo / Danh bạ / Xếp hạng). Pure: no I/O, safe in the browser.
 */

/** A cell: text, a number, or empty. Numbers stay numbers; only text can carry a formula. */
export type Cell = string | number | null | undefined;

/** One downloadable table: Vietnamese column headers and the rows, in order. */
export interface DataTable {
  columns: TableColumn[];
  rows: Cell[][];
}

export interface TableColumn {
  /** Vietnamese header shown in the first row. */
  header: string;
  /** Column width in characters (XLSX); CSV ignores it. */
  width?: number;
  /** Number format for numeric cells (XLSX), e.g. '#,##0' or '0.0%'. */
  numFmt?: string;
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
 * neutralised against formula injection. Numbers are written with a dot decimal so they stay machine-readable.
 */
export function toCsv(table: DataTable): string {
  const lines = [table.columns.map((c) => quote(neutraliseCell(c.header)))];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => quote(neutraliseCell(row[i]))));
  return UTF8_BOM + lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}
