/**
 * The directory as a downloadable table (CSV, UTF-8 with BOM via reports/csv.ts), SPEC §5 Danh bạ. Only directory
 * facts: no personal phone, CCCD, birth date or finding. Pure: no I/O.
 */
import type { DataTable } from '../text/table.ts';
import type { DirectoryAgencyInfo, DirectoryEntry } from './entry.ts';

/** Vietnamese column headers and kind labels of the table. */
export interface DirectoryTableText {
  name: string;
  address: string;
  kind: string;
  title: string;
  department: string;
  agencyCode: string;
  agency: string;
  agencyPhone: string;
  kinds: Record<string, string>;
}

/** One row per entry: name, e-mail, kind, title, department, agency code and name, the agency's office phone. */
export function directoryTable(
  entries: readonly DirectoryEntry[],
  agencies: ReadonlyMap<string, DirectoryAgencyInfo>,
  t: DirectoryTableText,
): DataTable {
  return {
    columns: [
      { header: t.name, width: 30 }, { header: t.address, width: 34 }, { header: t.kind, width: 12 },
      { header: t.title, width: 20 }, { header: t.department, width: 24 }, { header: t.agencyCode, width: 12 },
      { header: t.agency, width: 40 }, { header: t.agencyPhone, width: 16 },
    ],
    rows: entries.map((e) => {
      const a = agencies.get(e.agencyCode);
      return [e.name, e.address, t.kinds[e.kind] ?? e.kind, e.title, e.department, e.agencyCode, a?.name ?? null, a?.phone ?? null];
    }),
  };
}
