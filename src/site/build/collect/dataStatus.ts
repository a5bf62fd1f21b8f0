import { basename } from 'node:path';
import { queryRows } from '../../../warehouse/open.ts';
import { labelOf, TABLE_LABELS } from '../../../text/labels.ts';
import { isoLocalDateTime } from '../../../text/format.ts';
import { policyDuties, policyParameters, type PolicyDuty, type PolicyParameter } from '../policyParameters.ts';
import type { CollectContext, DownloadRef } from '../types.ts';

/** One ingest run as shown on the data page. */
export interface IngestRunView {
  runId: number;
  exportDate: string;
  /** Folder name only: the operator's server paths are not published. */
  folder: string;
  startedAtMs: number;
  finishedAtMs: number;
  rowsLoaded: Record<string, number>;
  rowsQuarantined: number;
  warnings: string[];
  /** Files missing or unreadable, loaded anyway with --partial. */
  gaps: { file: string; reason: string }[];
}

/** A file a night lacks in the warehouse as it stands (the last run of that night was loaded without it). */
export interface InputGapView {
  exportDate: string;
  file: string;
  reason: string;
}

export interface QuarantineRowView {
  exportDate: string;
  file: string;
  line: number | null;
  column: string | null;
  reason: string;
  /** The raw row (personal fields already blanked by ingest); internal builds only. */
  raw?: string | null;
}

/** The Dữ liệu page (SPEC §5): ingest history, row counts, quarantined rows with reasons, profile in force. */
export interface DataStatus {
  runs: IngestRunView[];
  /** Nights whose data lacks a file (SPEC §3.6 `--partial`), newest first: their figures are incomplete. */
  gaps: InputGapView[];
  tables: { table: string; rows: number }[];
  quarantine: {
    total: number;
    /** Counts by file and reason, largest first. */
    byReason: { file: string; reason: string; rows: number }[];
    /** The most recent rows (at most QUARANTINE_ROWS_SHOWN); every row is in the download. */
    recent: QuarantineRowView[];
    download: DownloadRef | null;
  };
  profile: PolicyParameter[];
  /** Every duty of the texts in force and how it is treated: checked, shown only, or not checkable (and why). */
  duties: PolicyDuty[];
  runsDownload: DownloadRef | null;
}

/** How many quarantined rows the page lists inline; the CSV/XLSX holds them all. */
export const QUARANTINE_ROWS_SHOWN = 200;

const TABLE_ORDER = Object.keys(TABLE_LABELS);
const tableOrder = (k: string) => (TABLE_ORDER.includes(k) ? TABLE_ORDER.indexOf(k) : TABLE_ORDER.length);

/** Collects the data page. Public builds omit the raw quarantined text (defence in depth for personal data). */
export async function collectDataStatus(ctx: CollectContext): Promise<DataStatus> {
  const internal = ctx.audience === 'internal';
  const runs = (
    await queryRows<{
      runId: number; exportDate: string; dir: string; startedAtMs: number; finishedAtMs: number;
      rowsLoaded: string; rowsQuarantined: number; warnings: string; gaps: string | null;
    }>(
      ctx.conn,
      `SELECT run_id::INTEGER AS runId, export_date::VARCHAR AS exportDate, export_dir AS dir,
              epoch_ms(started_at)::DOUBLE AS startedAtMs, epoch_ms(finished_at)::DOUBLE AS finishedAtMs,
              rows_loaded::VARCHAR AS rowsLoaded, rows_quarantined::INTEGER AS rowsQuarantined,
              warnings::VARCHAR AS warnings, gaps::VARCHAR AS gaps
         FROM ingest_runs ORDER BY finished_at DESC, run_id DESC`,
    )
  ).map((r) => ({
    runId: r.runId,
    exportDate: r.exportDate,
    folder: basename(r.dir),
    startedAtMs: r.startedAtMs,
    finishedAtMs: r.finishedAtMs,
    rowsLoaded: JSON.parse(r.rowsLoaded) as Record<string, number>,
    rowsQuarantined: r.rowsQuarantined,
    warnings: JSON.parse(r.warnings) as string[],
    gaps: (JSON.parse(r.gaps ?? '[]') as { file: string; reason: string }[]).map(({ file, reason }) => ({ file, reason })),
  }));
  // the night as it stands is its last run: a night loaded again whole has no gap left
  const lastOfNight = new Map<string, IngestRunView>();
  for (const r of runs) if (!lastOfNight.has(r.exportDate) || lastOfNight.get(r.exportDate)!.runId < r.runId) lastOfNight.set(r.exportDate, r);
  const gaps = [...lastOfNight.values()]
    .sort((a, b) => (a.exportDate < b.exportDate ? 1 : -1))
    .flatMap((r) => r.gaps.map((g) => ({ exportDate: r.exportDate, ...g })));

  const tableNames = await queryRows<{ name: string }>(
    ctx.conn,
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary
      ORDER BY table_name`,
  );
  const tables: DataStatus['tables'] = [];
  for (const { name } of tableNames) {
    // Identifiers cannot be bound; the name comes from the catalog, quoted as an identifier.
    const [row] = await queryRows<{ n: number }>(ctx.conn, `SELECT count(*)::BIGINT::DOUBLE AS n FROM "${name.replace(/"/g, '""')}"`);
    tables.push({ table: name, rows: row?.n ?? 0 });
  }

  const byReason = await queryRows<{ file: string; reason: string; rows: number }>(
    ctx.conn,
    `SELECT file, reason, count(*)::INTEGER AS rows FROM quarantine GROUP BY file, reason ORDER BY rows DESC, file, reason`,
  );
  const all = await queryRows<QuarantineRowView & { raw: string | null }>(
    ctx.conn,
    `SELECT export_date::VARCHAR AS exportDate, file, line, column_name AS "column", reason, raw
       FROM quarantine ORDER BY export_date DESC, run_id DESC, file, line NULLS FIRST`,
  );
  const recent = all.slice(0, QUARANTINE_ROWS_SHOWN).map((r) => (internal ? r : { ...r, raw: undefined }));
  const download = all.length === 0 ? null : ctx.addDownload('du-lieu/cach-ly', 'Dòng bị cách ly', {
    columns: [
      { header: 'Ngày xuất', width: 12, type: 'date' }, { header: 'Tệp', width: 24 }, { header: 'Dòng', width: 8, numFmt: '0' },
      { header: 'Cột', width: 18 }, { header: 'Lý do', width: 60 },
      ...(internal ? [{ header: 'Nội dung gốc', width: 80 }] : []),
    ],
    rows: all.map((r) => [r.exportDate, r.file, r.line, r.column, r.reason, ...(internal ? [r.raw] : [])]),
  });
  // One column per kind of row loaded (in the dictionary's order of tables), so each count is a number cell.
  const kinds = [...new Set(runs.flatMap((r) => Object.keys(r.rowsLoaded)))].sort((a, b) => tableOrder(a) - tableOrder(b) || a.localeCompare(b));
  const runsDownload = runs.length === 0 ? null : ctx.addDownload('du-lieu/lich-su-nap', 'Lịch sử nạp dữ liệu', {
    columns: [
      { header: 'Lần nạp', width: 8, numFmt: '0' }, { header: 'Ngày xuất', width: 12, type: 'date' }, { header: 'Thư mục', width: 16 },
      { header: 'Hoàn tất lúc', width: 17, type: 'datetime' },
      ...kinds.map((k) => ({ header: `Đã nạp: ${labelOf(TABLE_LABELS, k)}`, width: 14, numFmt: '#,##0' })),
      { header: 'Số dòng cách ly', width: 14, numFmt: '#,##0' }, { header: 'Cảnh báo', width: 60 },
    ],
    rows: runs.map((r) => [
      r.runId, r.exportDate, r.folder, isoLocalDateTime(r.finishedAtMs),
      ...kinds.map((k) => r.rowsLoaded[k] ?? null), r.rowsQuarantined, r.warnings.join('; '),
    ]),
  });

  return {
    runs,
    gaps,
    tables,
    quarantine: { total: all.length, byReason, recent, download },
    profile: policyParameters(ctx.policy),
    duties: policyDuties(ctx.policy),
    runsDownload,
  };
}
