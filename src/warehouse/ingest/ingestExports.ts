/**
 * Ingest of every night of an export folder (SPEC §2 `ingest`, `nightly`), in date order, each its own atomic step.
 * A night already ingested with the same files — by name, size and modification time — is skipped before any of
 * it is read, so pointing the nightly job at the parent folder of a year of nights costs what the new night costs
 * (issue 20). A night whose files changed is read, and found unchanged by its fingerprint if only the times did.
 */
import { existsSync } from 'node:fs';
import { RunError } from '../../errors.ts';
import type { MaillogJob } from '../maillog/load.ts';
import { queryRows, withReadOnlyWarehouse } from '../open.ts';
import { fileStats, sameStats, type ExportNight, type FileStat } from './exportFolder.ts';
import { ingestNight, type IngestOptions, type NightResult } from './ingestNight.ts';

export interface ExportsOptions extends Omit<IngestOptions, 'maillog'> {
  /** The first night's mail log, already being read (the CLI starts it before loading DuckDB), null when that night
   * has none; disposed if the night is skipped. Undefined: not started, each night starts its own. */
  firstMaillog?: MaillogJob | null;
  /** Told as each night ends (the CLI prints its summary). */
  onNight?: (result: NightResult) => void;
}

/** The last run of every night in the warehouse: its id and its files as recorded. */
async function knownNights(dbFile: string, waitMs: number): Promise<Map<string, { runId: number; files: FileStat[] }>> {
  if (!existsSync(dbFile)) return new Map();
  const rows = await withReadOnlyWarehouse(
    dbFile,
    (conn) =>
      queryRows<{ night: string; runId: number; files: string }>(
        conn,
        `SELECT export_date::VARCHAR AS night, run_id::INTEGER AS runId, files::VARCHAR AS files FROM ingest_runs
         QUALIFY row_number() OVER (PARTITION BY export_date ORDER BY run_id DESC) = 1`,
      ),
    { waitMs },
  );
  return new Map(rows.map((r) => [r.night, { runId: r.runId, files: JSON.parse(r.files) as FileStat[] }]));
}

/** The result of a night skipped by its file times: what ingestNight says of a night it finds unchanged. */
function skipped(night: string, runId: number): NightResult {
  return {
    night,
    runId: null,
    unchanged: true,
    rowsLoaded: {},
    rowsQuarantined: 0,
    gaps: [],
    warnings: [`đêm ${night} đã được nạp với đúng các tệp này (lượt ${runId}) — không thay đổi gì`],
    policy: null,
  };
}

/**
 * Ingests `nights` into `dbFile` in order. A failure stops the run at that night (the nights before it stay
 * loaded) with a RunError naming the night and those already done.
 */
export async function ingestExports(nights: readonly ExportNight[], dbFile: string, options: ExportsOptions = {}): Promise<NightResult[]> {
  const { firstMaillog, onNight, ...ingestOptions } = options;
  let started = firstMaillog;
  const results: NightResult[] = [];
  try {
    const known = await knownNights(dbFile, options.lockWaitMs ?? 0);
    for (const [i, night] of nights.entries()) {
      const maillog = i === 0 ? started : undefined;
      started = undefined;
      const last = known.get(night.date);
      if (last && sameStats(last.files, fileStats(night))) {
        maillog?.dispose();
        results.push(skipped(night.date, last.runId));
        onNight?.(results.at(-1)!);
        continue;
      }
      try {
        results.push(await ingestNight(night, dbFile, { ...ingestOptions, maillog }));
        onNight?.(results.at(-1)!);
      } catch (err) {
        if (err instanceof RunError && nights.length > 1) {
          const done = results.filter((r) => !r.unchanged).map((r) => r.night).join(', ');
          throw new RunError(`đêm ${night.date}: ${err.message}${done ? ` (các đêm đã nạp xong: ${done})` : ''}`, err.detail);
        }
        throw err;
      }
    }
  } finally {
    started?.dispose();
  }
  return results;
}
