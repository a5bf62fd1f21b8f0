/**
 * Header row → canonical columns (SPEC §3.6): names match case-, space-, underscore- and accent-insensitively
 * ("Agency Code", "agency_code", "AGENCY CODE" and the listed Vietnamese aliases such as "Mã cơ quan").
 * Pure: no I/O.
 */
import { foldVietnamese } from '../text/fold.ts';
import type { ColumnSpec } from './spec.ts';

/** Folds a header name to a comparison key: "Mã cơ quan" → "macoquan", "agency_code" → "agencycode". */
export function headerKey(name: string): string {
  return foldVietnamese(name.replace(/^\ufeff/, '')).replace(/[^a-z0-9]/g, '');
}

export interface HeaderMap {
  /** Canonical column name → position in each record. */
  positions: Map<string, number>;
  missingRequired: string[];
  /** Optional (non-personal) columns the file lacks. */
  missingOptional: string[];
  /** Header names that match no column (ignored). */
  extra: string[];
  /** Header names that repeat an earlier column (the first one wins). */
  repeated: string[];
}

/** Matches a header row against the columns of an input kind. */
export function mapHeader(header: readonly string[], columns: readonly ColumnSpec[]): HeaderMap {
  const byKey = new Map<string, string>();
  for (const col of columns) {
    byKey.set(headerKey(col.name), col.name);
    for (const alias of col.aliases ?? []) byKey.set(headerKey(alias), col.name);
  }
  const positions = new Map<string, number>();
  const extra: string[] = [];
  const repeated: string[] = [];
  header.forEach((name, i) => {
    const column = byKey.get(headerKey(name));
    if (column === undefined) {
      if (name.trim() !== '') extra.push(name.trim());
    } else if (positions.has(column)) repeated.push(name.trim());
    else positions.set(column, i);
  });
  const missing = columns.filter((c) => !positions.has(c.name));
  return {
    positions,
    missingRequired: missing.filter((c) => c.required).map((c) => c.name),
    missingOptional: missing.filter((c) => !c.required && !c.personal).map((c) => c.name),
    extra,
    repeated,
  };
}
