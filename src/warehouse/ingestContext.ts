import type { DuckDBConnection } from '@duckdb/node-api';

/** One rejected row (or whole-file problem) bound for the quarantine table (SPEC §3.6). */
export interface QuarantineEntry {
  /** File name relative to the export folder, e.g. "mailboxes.csv" or "maillog-20261120.gz". */
  file: string;
  /** 1-based physical line (header = 1); null for a whole-file problem. */
  line: number | null;
  /** The column to blame, if one is. */
  column: string | null;
  /** The raw row as read (decoded), with personal fields (CCCD, birth date, personal phone) blanked. */
  raw: string | null;
  /** Vietnamese reason, e.g. "ngày không hợp lệ \"31/02/2026\" (định dạng yyyy-mm-dd hoặc dd/mm/yyyy)". */
  reason: string;
}

/** A file of the night that could not be read, whole or in part (SPEC §3.6): named, with what was detected and how
 * to re-save or re-send it. */
export interface InputGap {
  /** File name relative to the export folder. */
  file: string;
  /** Vietnamese: what was detected and what to do, e.g. "bảng mã Windows-1252, chữ Việt đã mất … lưu lại bằng CSV UTF-8". */
  reason: string;
  /** The file is not there at all (a kind earlier nights had, src/warehouse/ingest/expectedFiles.ts). */
  missing?: boolean;
}

/**
 * What one ingest step (a loader for one input kind) receives. The ingest orchestrator owns the transaction,
 * the run id and the summary; a loader reads its files, loads good rows, and reports the rest.
 */
export interface IngestContext {
  conn: DuckDBConnection;
  /** Absolute path of the export folder (one night). */
  exportDir: string;
  /** The night, from the folder name (YYYY-MM-DD). */
  exportDate: string;
  runId: number;
  quarantine(entry: QuarantineEntry): void;
  warn(message: string): void;
  /**
   * A file that cannot be read (whole or in part). In a night run without `--partial` this throws a RunError naming
   * the file: the night fails and the warehouse stays as it was. With `--partial` it records the gap on the night
   * (summary, JSON, data page) and returns; the caller then loads what it could read (nothing, or the part before
   * the damage).
   */
  unreadable(gap: InputGap): void;
  /** Progress for long files, written to stderr by the orchestrator (throttled there). */
  progress(message: string): void;
}

/** Row counts a loader reports, by kind (keys become `rows_loaded` in `ingest --json`). */
export type LoadedCounts = Record<string, number>;
