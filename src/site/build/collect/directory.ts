import { sortEntries, type DirectoryAgencyInfo, type DirectoryEntry } from '../../../directory/entry.ts';
import { packIndex } from '../../../directory/indexFile.ts';
import { directoryTable } from '../../../directory/table.ts';
import { toVcards } from '../../../directory/vcard.ts';
import { toCsv } from '../../../reports/csv.ts';
import { queryRows } from '../../../warehouse/open.ts';
import { sortVi } from '../../../text/format.ts';
import { vi } from '../../i18n/vi.ts';
import type { CollectContext } from '../types.ts';
import { writeFile } from 'node:fs/promises';

/** Links to one set of directory downloads, relative to the site root. */
export interface DirectoryFiles {
  csv: string;
  vcf: string;
}

/** An agency page of the directory: its agency/department/locality boxes and its personal boxes, sorted. */
export interface DirectoryAgency extends DirectoryAgencyInfo {
  orgBoxes: DirectoryEntry[];
  people: DirectoryEntry[];
  files: DirectoryFiles | null;
}

export interface DirectorySlice {
  /** Agencies in force on the as-of date, by Vietnamese name; `parentCode` builds the tree. */
  agencies: DirectoryAgency[];
  total: number;
  /** The search index (JSON), relative to the site root; null when the directory is empty. */
  index: string | null;
  files: DirectoryFiles | null;
}

/**
 * Collects the public directory (SPEC §5 Danh bạ), published as the profile says (`directoryPublished`, with its
 * basis: 003 Điều 9 khoản 8 under QĐ 17/2014; derived under QĐ 59/2024 and the Sơn La draft, which do not provide for
 * it); a profile that does not publish it leaves the public build without entries. Both audiences otherwise get the
 * same directory: mailboxes active on the as-of date, of agencies
 * in force on that date; only name, e-mail, title, department and the agency's office phone and address — never a
 * personal phone, CCCD, birth date or a finding. Emits the search index, and CSV (UTF-8 BOM) and vCard 3.0 files
 * for the whole directory and each agency.
 */
export async function collectDirectory(ctx: CollectContext): Promise<DirectorySlice> {
  const published = ctx.policy.directoryPublished.value === true || ctx.audience === 'internal';
  if (!ctx.asOf || !published) return { agencies: [], total: 0, index: null, files: null };
  const p = { d: ctx.asOf };
  const agencies = await queryRows<DirectoryAgencyInfo>(
    ctx.conn,
    `SELECT code, name, abbr, parent_code AS parentCode, phone, address FROM agencies_on($d::DATE) a`,
    p,
  );
  const rows = await queryRows<DirectoryEntry>(
    ctx.conn,
    `SELECT m.address, m.display_name AS name, m.kind, m.title, m.department, m.agency_code AS agencyCode
       FROM mailboxes_on($d::DATE) m JOIN agencies_on($d::DATE) a ON a.code = m.agency_code
      WHERE m.status = 'active'`,
    p,
  );
  const entries = sortEntries(rows);
  const info = new Map(agencies.map((a) => [a.code, a]));
  const byAgency = new Map<string, DirectoryEntry[]>();
  for (const e of entries) {
    const list = byAgency.get(e.agencyCode);
    if (list) list.push(e);
    else byAgency.set(e.agencyCode, [e]);
  }
  const t = { ...vi.directory.columns, kinds: vi.mailbox.kinds };
  const emitSet = (path: string, list: DirectoryEntry[]): DirectoryFiles => ({
    csv: ctx.emitFile(`${path}.csv`, (file) => writeFile(file, toCsv(directoryTable(list, info, t)), 'utf8')),
    vcf: ctx.emitFile(`${path}.vcf`, (file) => writeFile(file, toVcards(list, info), 'utf8')),
  });

  const list = sortVi(agencies, (a) => a.name).map((a): DirectoryAgency => {
    const own = byAgency.get(a.code) ?? [];
    return {
      ...a,
      orgBoxes: own.filter((e) => e.kind !== 'ca-nhan'),
      people: own.filter((e) => e.kind === 'ca-nhan'),
      files: own.length > 0 ? emitSet(`danh-ba/${a.code}/danh-ba-${a.code}`, own) : null,
    };
  });
  if (entries.length === 0) return { agencies: list, total: 0, index: null, files: null };
  const index = JSON.stringify(packIndex(entries, list));
  return {
    agencies: list,
    total: entries.length,
    index: ctx.emitFile('danh-ba/chi-muc.json', (file) => writeFile(file, index, 'utf8')),
    files: emitSet('danh-ba/danh-ba', entries),
  };
}
