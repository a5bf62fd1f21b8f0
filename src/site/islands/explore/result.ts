// A query result as plain values (from duckdb-wasm's Arrow table), its display, chart and CSV. Pure; browser-safe.
import Papa from 'papaparse';
import { formatDate, formatDateTime, formatNumber } from '../../../text/format.ts';

export type CellKind = 'number' | 'date' | 'timestamp' | 'boolean' | 'text';
export type Cell = string | number | boolean | null;

export interface QueryResult {
  columns: { name: string; kind: CellKind }[];
  /** Dates as "YYYY-MM-DD", timestamps as epoch milliseconds, numbers as numbers. */
  rows: Cell[][];
}

/** The part of an Arrow table this module reads (apache-arrow's Table satisfies it). */
export interface ArrowLike {
  schema: { fields: { name: string; type: { typeId: number } }[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

// Arrow type ids (format/Schema.fbs): Int 2, FloatingPoint 3, Bool 6, Decimal 7, Date 8, Timestamp 10.
function kindOf(typeId: number): CellKind {
  if (typeId === 2 || typeId === 3 || typeId === 7) return 'number';
  if (typeId === 8) return 'date';
  if (typeId === 10) return 'timestamp';
  if (typeId === 6) return 'boolean';
  return 'text';
}

function cell(value: unknown, kind: CellKind): Cell {
  if (value === null || value === undefined) return null;
  if (kind === 'number') return typeof value === 'bigint' ? Number(value) : Number(value);
  if (kind === 'date') {
    const ms = value instanceof Date ? value.getTime() : Number(value);
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (kind === 'timestamp') return value instanceof Date ? value.getTime() : Number(value);
  if (kind === 'boolean') return Boolean(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v));
}

/** Converts an Arrow result to plain columns and rows (numbers, ISO dates, epoch-ms timestamps, text). */
export function toResult(table: ArrowLike): QueryResult {
  const columns = table.schema.fields.map((f) => ({ name: f.name, kind: kindOf(f.type.typeId) }));
  const rows = table.toArray().map((r) => {
    const o = r.toJSON();
    return columns.map((c) => cell(o[c.name], c.kind));
  });
  return { columns, rows };
}

/** A cell as the page shows it: numbers 1.234,5, dates dd/mm/yyyy, booleans có/không, "—" for null. */
export function displayCell(value: Cell, kind: CellKind, yes: string, no: string): string {
  if (value === null) return '—';
  if (kind === 'number') return formatNumber(value as number, 2);
  if (kind === 'date') return formatDate(value as string);
  if (kind === 'timestamp') return formatDateTime(value as number);
  if (kind === 'boolean') return value ? yes : no;
  return String(value);
}

/**
 * The result as CSV for Excel: UTF-8 with BOM, header row of column names, dates ISO, cells that a spreadsheet
 * would run as formulas (=, +, -, @) neutralised by papaparse.
 */
export function resultCsv(result: QueryResult): string {
  const data = result.rows.map((r) =>
    r.map((v, i) => (result.columns[i]!.kind === 'timestamp' && typeof v === 'number' ? new Date(v).toISOString() : v)),
  );
  return `\uFEFF${Papa.unparse({ fields: result.columns.map((c) => c.name), data }, { escapeFormulae: true, newline: '\r\n' })}`;
}

export interface ChartSpec {
  labels: string[];
  series: { label: string; values: (number | null)[] }[];
}

/** At most this many rows and numeric series are charted; the table shows everything. */
export const CHART_MAX_ROWS = 60;
export const CHART_MAX_SERIES = 3;

/**
 * A bar chart of the result when it has a label column (the first non-numeric column, else row numbers) and at
 * least one numeric column; null otherwise or when it has more than CHART_MAX_ROWS rows.
 */
export function chartSpec(result: QueryResult, yes: string, no: string): ChartSpec | null {
  const numeric = result.columns.map((c, i) => ({ ...c, i })).filter((c) => c.kind === 'number');
  if (numeric.length === 0 || result.rows.length === 0 || result.rows.length > CHART_MAX_ROWS) return null;
  const labelIndex = result.columns.findIndex((c) => c.kind !== 'number');
  const labels = result.rows.map((r, n) =>
    labelIndex < 0 ? String(n + 1) : displayCell(r[labelIndex]!, result.columns[labelIndex]!.kind, yes, no),
  );
  const series = numeric.slice(0, CHART_MAX_SERIES).map((c) => ({
    label: c.name,
    values: result.rows.map((r) => (r[c.i] === null ? null : (r[c.i] as number))),
  }));
  return { labels, series };
}
