/**
 * CSV text for the export files (SPEC §3): comma-separated, one header line, RFC 4180 quoting (a field holding a
 * comma, a double quote or a line break is wrapped in double quotes, inner quotes doubled), lines ending in LF.
 * Pure.
 */

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when needed. null/undefined are empty. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line including its trailing LF. */
export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvField).join(',') + '\n';
}
