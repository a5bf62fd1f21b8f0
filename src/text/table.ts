/**
 * A downloadable table as plain data: what the rules (lists), the directory, the reports and the site build hand to
 * the CSV and XLSX writers (src/reports/csv.ts, xlsx.ts). Here, below all of them, so none borrows it from another.
 */

/** A cell: text, a number, or empty. Numbers stay numbers; only text can carry a formula. Dates are ISO text in a
 * column of type 'date' (`YYYY-MM-DD`) or 'datetime' (`YYYY-MM-DD HH:MM[:SS]`, Vietnam time). */
export type Cell = string | number | null | undefined;

/** One downloadable table: Vietnamese column headers and the rows, in order. */
export interface DataTable {
  columns: TableColumn[];
  rows: Cell[][];
  /** Rows for people only (a "Tổng cộng" row): the XLSX writes them in bold after the rows, the CSV leaves them out. */
  footer?: Cell[][];
  /** XLSX sheet name written to fit Excel's 31 characters ("PL1 Hộp thư"); the download's title otherwise. */
  sheet?: string;
}

export interface TableColumn {
  /** Vietnamese header shown in the first row. */
  header: string;
  /** Column width in characters (XLSX); CSV ignores it. */
  width?: number;
  /** Number format for numeric cells (XLSX), e.g. '#,##0' or '0.0'; its decimals are the ones written (CSV too). */
  numFmt?: string;
  /** A column of dates or times, given as ISO text: a real date cell in XLSX, ISO 8601 in CSV. */
  type?: 'date' | 'datetime';
}
