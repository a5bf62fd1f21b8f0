/**
 * The compact search index of the directory (SPEC §5 Danh bạ): built once at build time, written as a static JSON
 * file, fetched by the search island only when the visitor first focuses or types. Repeated strings (titles,
 * departments, agencies, the mail domain) are stored once and referenced by number. Pure: no I/O.
 */
import type { DirectoryAgencyInfo, DirectoryEntry } from './entry.ts';

/** Format version: bump when the layout changes so a cached old file is never misread. */
export const INDEX_VERSION = 1;

/** One entry: [address (local part when the domain is domains[0]), name, kind (1 = personal), title, department, agency]. */
export type PackedEntry = [string, string, 0 | 1, number, number, number];

export interface PackedIndex {
  v: typeof INDEX_VERSION;
  domain: string;
  /** [code, name, abbr] per agency; entries refer to them by position. */
  agencies: [string, string, string][];
  /** Distinct titles and departments; position 0 is "none". */
  titles: string[];
  departments: string[];
  /** In directory order (Vietnamese collation), so equal-rank results keep that order. */
  entries: PackedEntry[];
}

function mostCommonDomain(entries: readonly DirectoryEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const d = e.address.slice(e.address.indexOf('@') + 1);
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = '';
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d;
  return best;
}

function dictionary(): { list: string[]; id: (s: string | null) => number } {
  const list = [''];
  const ids = new Map<string, number>();
  return {
    list,
    id(s) {
      if (!s) return 0;
      let n = ids.get(s);
      if (n === undefined) {
        n = list.length;
        list.push(s);
        ids.set(s, n);
      }
      return n;
    },
  };
}

/** Packs entries (already in directory order) and their agencies into the index file's shape. */
export function packIndex(entries: readonly DirectoryEntry[], agencies: readonly DirectoryAgencyInfo[]): PackedIndex {
  const domain = mostCommonDomain(entries);
  const suffix = `@${domain}`;
  const agencyPos = new Map(agencies.map((a, i) => [a.code, i]));
  const titles = dictionary();
  const departments = dictionary();
  return {
    v: INDEX_VERSION,
    domain,
    agencies: agencies.map((a) => [a.code, a.name, a.abbr ?? '']),
    entries: entries.map((e): PackedEntry => [
      e.address.endsWith(suffix) ? e.address.slice(0, -suffix.length) : e.address,
      e.name ?? '',
      e.kind === 'ca-nhan' ? 1 : 0,
      titles.id(e.title),
      departments.id(e.department),
      agencyPos.get(e.agencyCode) ?? -1,
    ]),
    titles: titles.list,
    departments: departments.list,
  };
}

/** A search result row, unpacked. */
export interface IndexedEntry {
  address: string;
  name: string;
  personal: boolean;
  title: string;
  department: string;
  agencyCode: string;
  agencyName: string;
  agencyAbbr: string;
}

/** Unpacks the index file; throws on another format version. */
export function unpackIndex(packed: PackedIndex): IndexedEntry[] {
  if (packed.v !== INDEX_VERSION) throw new Error(`chỉ mục danh bạ phiên bản ${String(packed.v)} không được hỗ trợ`);
  return packed.entries.map(([addr, name, personal, t, d, a]) => {
    const agency = packed.agencies[a];
    return {
      address: addr.includes('@') ? addr : `${addr}@${packed.domain}`,
      name,
      personal: personal === 1,
      title: packed.titles[t] ?? '',
      department: packed.departments[d] ?? '',
      agencyCode: agency?.[0] ?? '',
      agencyName: agency?.[1] ?? '',
      agencyAbbr: agency?.[2] ?? '',
    };
  });
}
