/**
 * Builds the `raw` text of a rejected row for the quarantine table with personal data removed (SPEC §3.2: CCCD and
 * birth date are never stored anywhere; a personal phone never appears on any page). Pure: no I/O.
 */
import type { Separator } from './readTable.ts';

/** Placeholder written where a personal cell was. */
export const REDACTED = '';

const CCCD_LIKE = /(?<![\p{L}\p{N}])\d{9,12}(?![\p{L}\p{N}])/gu;
const DATE_ONLY = /(?<![\p{L}\p{N}:/.-])(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2})(?![\p{L}\p{N}:/.T-]|\s+\d{1,2}:)/gu;

function quote(field: string, separator: Separator): string {
  return field.includes(separator) || field.includes('"') || /[\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Joins the fields back into one delimited line, blanking the given positions. */
export function rawLine(fields: readonly string[], separator: Separator, blank: ReadonlySet<number>): string {
  return fields.map((f, i) => (blank.has(i) ? REDACTED : quote(f, separator))).join(separator);
}

/**
 * For a row whose fields cannot be trusted to sit under their headers (wrong field count, garbled quotes), also
 * scrubs anything shaped like a CCCD/CMND or phone number (9–12 digits) or a bare date (a birth date).
 */
export function scrubPersonal(text: string): string {
  return text.replace(CCCD_LIKE, REDACTED).replace(DATE_ONLY, REDACTED);
}
