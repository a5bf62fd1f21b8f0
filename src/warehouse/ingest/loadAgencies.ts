/**
 * Loads `agencies.csv` into the agencies history (SPEC §3.1) and answers "which agency codes and names are known as
 * of tonight" for the other loaders (an unknown code in mailboxes or requests is quarantined, SPEC §3.6).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { agenciesSpec } from '../../inputs/agencies.ts';
import { vnDate } from '../../inputs/values.ts';
import type { AgencyResolver } from '../../inputs/zimbraMailboxes.ts';
import { foldVietnamese } from '../../text/fold.ts';
import type { IngestContext } from '../ingestContext.ts';
import { queryRows } from '../open.ts';
import { planAgencyVersions, type AgencyVersion } from './agencyVersions.ts';
import type { ExportFile } from './exportFolder.ts';
import { readTableInput } from './readInput.ts';
import { dropStaging, stageRows } from './staging.ts';

const VERSION_COLUMNS = {
  code: 'VARCHAR',
  valid_from: 'VARCHAR',
  valid_to: 'VARCHAR',
  name: 'VARCHAR',
  abbr: 'VARCHAR',
  parent_code: 'VARCHAR',
  kind: 'VARCHAR',
  grp: 'VARCHAR',
  headcount: 'INTEGER',
  phone: 'VARCHAR',
  address: 'VARCHAR',
  successor_code: 'VARCHAR',
  first_seen: 'VARCHAR',
  last_seen: 'VARCHAR',
} as const;

/** Loads tonight's agency catalogue; returns the number of catalogue rows accepted. */
export async function loadAgencies(ctx: IngestContext, file: ExportFile): Promise<number> {
  const table = await readTableInput(ctx, file, agenciesSpec);
  if (table === null || table.rows.length === 0) return 0;
  const stored = await queryRows<AgencyVersion>(
    ctx.conn,
    `SELECT code, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to, name, abbr, parent_code, kind, grp,
            headcount, phone, address, successor_code, first_seen::VARCHAR AS first_seen, last_seen::VARCHAR AS last_seen
       FROM agencies`,
  );
  const plan = planAgencyVersions(
    stored,
    table.rows.map((r) => r.row),
    ctx.exportDate,
  );
  await stageRows(ctx.conn, 'stg_agencies', VERSION_COLUMNS, plan, (v) => [
    v.code, v.valid_from, v.valid_to, v.name, v.abbr, v.parent_code, v.kind, v.grp, v.headcount, v.phone, v.address,
    v.successor_code, v.first_seen, v.last_seen,
  ]);
  await ctx.conn.run('DELETE FROM agencies WHERE code IN (SELECT code FROM stg_agencies)');
  await ctx.conn.run(
    `INSERT INTO agencies (code, valid_from, valid_to, name, abbr, parent_code, kind, grp, headcount, phone, address,
                           successor_code, first_seen, last_seen)
     SELECT code, CAST(valid_from AS DATE), CAST(valid_to AS DATE), name, abbr, parent_code, kind, grp, headcount, phone,
            address, successor_code, CAST(first_seen AS DATE), CAST(last_seen AS DATE)
       FROM stg_agencies`,
  );
  await dropStaging(ctx.conn, 'stg_agencies');
  return table.rows.length;
}

/** The agency catalogue as of one night, for cross-checks. */
export interface AgencyCatalogue {
  /** False when the warehouse holds no agency at all (codes cannot be checked). */
  available: boolean;
  /** Whether `code` names an agency known on or before the night. */
  knows(code: string): boolean;
  /** Reason for an unknown code, in Vietnamese. */
  unknownReason(code: string): string;
  /** Agency full name → code (for the Zimbra `company` attribute). */
  resolveName: AgencyResolver;
}

/** Reads the catalogue known as of `night` (including tonight's file, once loaded). */
export async function agencyCatalogue(conn: DuckDBConnection, night: string): Promise<AgencyCatalogue> {
  const rows = await queryRows<{ code: string; name: string; current: boolean }>(
    conn,
    `SELECT code, name, (valid_to IS NULL OR valid_to > CAST($night AS DATE)) AS current
       FROM agencies WHERE valid_from <= CAST($night AS DATE)`,
    { night },
  );
  const codes = new Set(rows.map((r) => r.code));
  const byName = new Map<string, { current: Set<string>; any: Set<string> }>();
  for (const r of rows) {
    const key = foldVietnamese(r.name);
    const entry = byName.get(key) ?? { current: new Set(), any: new Set() };
    entry.any.add(r.code);
    if (r.current) entry.current.add(r.code);
    byName.set(key, entry);
  }
  const asOf = vnDate(night);
  return {
    available: rows.length > 0,
    knows: (code) => codes.has(code),
    unknownReason: (code) => `mã cơ quan "${code}" không có trong danh mục cơ quan (tính đến ngày ${asOf})`,
    resolveName: (name) => {
      const entry = byName.get(foldVietnamese(name));
      if (!entry) return { reason: `không tìm thấy cơ quan "${name}" trong danh mục cơ quan (tính đến ngày ${asOf})` };
      const candidates = entry.current.size > 0 ? entry.current : entry.any;
      if (candidates.size > 1) {
        return { reason: `tên cơ quan "${name}" ứng với nhiều mã (${[...candidates].sort().join(', ')}) — không xác định được cơ quan` };
      }
      return { code: [...candidates][0]! };
    },
  };
}
