/**
 * Reads tonight's mailbox registry — `mailboxes.csv`, or Zimbra's `zimbra-accounts.txt` — plus `quota.txt`, and
 * applies the cross-checks that need the warehouse: the agency must be in the catalogue as of tonight (SPEC §3.6),
 * and usage from `quota.txt` replaces the registry's (SPEC §3.2).
 */
import { mailboxesSpec, type MailboxRow } from '../../inputs/mailboxes.ts';
import { parseQuota, type QuotaLine } from '../../inputs/quota.ts';
import type { AcceptedRow, RejectedRow, RowPosition } from '../../inputs/validateTable.ts';
import { zimbraMailboxes } from '../../inputs/zimbraMailboxes.ts';
import type { IngestContext } from '../ingestContext.ts';
import type { ExportFile } from './exportFolder.ts';
import type { AgencyCatalogue } from './loadAgencies.ts';
import { readTableInput, readExportText } from './readInput.ts';

export interface Registry {
  /** The file the rows came from (stored as mailboxes.source). */
  source: string;
  rows: AcceptedRow<MailboxRow>[];
  /** Every address the file mentions, good rows or bad: a mailbox absent from it is gone. */
  addresses: Set<string>;
}

function checkAgencies(
  ctx: IngestContext,
  rows: AcceptedRow<MailboxRow>[],
  catalogue: AgencyCatalogue,
  reject: (row: RowPosition, column: string | null, reason: string) => RejectedRow,
): AcceptedRow<MailboxRow>[] {
  if (!catalogue.available) return rows;
  return rows.filter((r) => {
    if (catalogue.knows(r.row.agency_code)) return true;
    ctx.quarantine(reject(r, 'agency_code', catalogue.unknownReason(r.row.agency_code)));
    return false;
  });
}

/** Reads the registry file (CSV or Zimbra dump); null when there is none or nothing of it could be read. */
export async function readRegistry(ctx: IngestContext, file: ExportFile, catalogue: AgencyCatalogue): Promise<Registry | null> {
  if (!catalogue.available) {
    ctx.warn(`${file.name}: kho chưa có danh mục cơ quan (agencies.csv) — chưa kiểm tra được mã cơ quan của hộp thư`);
  }
  if (file.role === 'mailboxes') {
    const table = await readTableInput(ctx, file, mailboxesSpec);
    if (table === null) return null;
    return { source: file.name, rows: checkAgencies(ctx, table.rows, catalogue, table.reject), addresses: table.identities };
  }
  const text = readExportText(ctx, file);
  if (text === null) return null;
  ctx.progress(`${file.name}: đang đọc`);
  const mapped = zimbraMailboxes(file.name, text, catalogue.resolveName);
  for (const r of mapped.rejected) ctx.quarantine(r);
  return { source: file.name, rows: mapped.rows, addresses: mapped.addresses };
}

/** Reads `quota.txt`; malformed lines go to quarantine. Null when the file was quarantined as a whole. */
export function readQuota(ctx: IngestContext, file: ExportFile): QuotaLine[] | null {
  const text = readExportText(ctx, file);
  if (text === null) return null;
  const quota = parseQuota(file.name, text);
  for (const r of quota.rejected) ctx.quarantine(r);
  return quota.lines;
}

/**
 * Applies `quota.txt` to tonight's registry rows (its limit and usage win, SPEC §3.2). A usage line for a mailbox
 * the registry does not mention is quarantined.
 */
export function mergeQuota(ctx: IngestContext, file: ExportFile, registry: Registry, lines: readonly QuotaLine[]): number {
  const byAddress = new Map(lines.map((q) => [q.address, q]));
  let applied = 0;
  for (const r of registry.rows) {
    const q = byAddress.get(r.row.address);
    if (!q) continue;
    r.row.quota_mb = q.quotaMb;
    r.row.used_mb = q.usedMb;
    byAddress.delete(r.row.address);
    applied++;
  }
  for (const q of byAddress.values()) {
    if (registry.addresses.has(q.address)) continue; // its registry row is in quarantine already
    ctx.quarantine({
      file: file.name,
      line: q.line,
      column: 'address',
      raw: q.raw,
      reason: `địa chỉ "${q.address}" không có trong danh sách hộp thư của đêm này (${registry.source})`,
    });
  }
  return applied;
}
