/**
 * Agency history (SPEC §3.1): the versions an agency should have after tonight's catalogue, given the versions
 * already stored. Rules: a version is identified by (code, valid_from); a later export may close a version
 * (valid_to, successor_code) but never rewrites what it was; a row whose facts changed without a new valid_from
 * starts a new version from the export date and closes the previous one there. Pure: no I/O.
 */
import type { AgencyRow } from '../../inputs/agencies.ts';

export interface AgencyVersion {
  code: string;
  valid_from: string;
  valid_to: string | null;
  name: string;
  abbr: string | null;
  parent_code: string | null;
  kind: string;
  grp: string;
  headcount: number | null;
  phone: string | null;
  address: string | null;
  successor_code: string | null;
  first_seen: string;
  last_seen: string;
}

/** The facts that make a version: a change to any of them is a new version. */
const FACTS = ['name', 'abbr', 'parent_code', 'kind', 'grp', 'headcount', 'phone', 'address'] as const;

function sameFacts(a: AgencyVersion, b: AgencyVersion): boolean {
  return FACTS.every((f) => a[f] === b[f]);
}

function fromRow(row: AgencyRow, validFrom: string, night: string): AgencyVersion {
  return {
    code: row.code,
    valid_from: validFrom,
    valid_to: row.valid_to,
    name: row.name,
    abbr: row.abbr,
    parent_code: row.parent_code,
    kind: row.kind,
    grp: row.group,
    headcount: row.headcount,
    phone: row.phone,
    address: row.address,
    successor_code: row.successor_code,
    first_seen: night,
    last_seen: night,
  };
}

/** Records that `v` was seen tonight and applies a closing the catalogue announces (never reopens). */
function touch(v: AgencyVersion, row: AgencyRow, night: string): void {
  if (night > v.last_seen) v.last_seen = night;
  if (night < v.first_seen) v.first_seen = night;
  if (row.valid_to !== null) v.valid_to = row.valid_to;
  if (row.successor_code !== null) v.successor_code = row.successor_code;
}

/** Closes every open version of the list that starts before `at`, at `at`. */
function closeBefore(versions: AgencyVersion[], at: string): void {
  for (const v of versions) if (v.valid_from < at && (v.valid_to === null || v.valid_to > at)) v.valid_to = at;
}

/**
 * Plans the complete version list of every agency code in `rows` (stored versions of other codes are untouched).
 * `stored` are the warehouse's versions (any codes); `night` is the export date. Returns the versions to write for
 * the touched codes, sorted by code then valid_from.
 */
export function planAgencyVersions(stored: readonly AgencyVersion[], rows: readonly AgencyRow[], night: string): AgencyVersion[] {
  const byCode = new Map<string, AgencyVersion[]>();
  for (const row of rows) byCode.set(row.code, []);
  for (const v of stored) byCode.get(v.code)?.push({ ...v });
  const ordered = [...rows].sort((a, b) => (a.valid_from < b.valid_from ? -1 : a.valid_from > b.valid_from ? 1 : 0));
  for (const row of ordered) {
    const versions = byCode.get(row.code)!;
    versions.sort((a, b) => (a.valid_from < b.valid_from ? -1 : 1));
    const incoming = fromRow(row, row.valid_from, night);
    const exact = versions.find((v) => v.valid_from === row.valid_from);
    if (!exact) {
      closeBefore(versions, row.valid_from);
      versions.push(incoming);
      continue;
    }
    if (sameFacts(exact, incoming)) {
      touch(exact, row, night);
      continue;
    }
    if (exact.first_seen === night) {
      // Tonight's own version, re-ingested from a corrected file: replace it.
      Object.assign(exact, incoming, { first_seen: exact.first_seen });
      continue;
    }
    const latest = versions[versions.length - 1]!;
    if (latest !== exact && sameFacts(latest, incoming)) {
      touch(latest, row, night);
      continue;
    }
    if (row.valid_to !== null && row.valid_to <= night) {
      // Closed before tonight: record the closing on the version we know; its facts stay as they were.
      touch(exact, row, night);
      continue;
    }
    const tonight = versions.find((v) => v.valid_from === night);
    if (tonight) {
      Object.assign(tonight, fromRow(row, night, tonight.first_seen), { last_seen: night });
      continue;
    }
    closeBefore(versions, night);
    versions.push(fromRow(row, night, night));
  }
  return [...byCode.values()]
    .flat()
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.valid_from < b.valid_from ? -1 : 1));
}
