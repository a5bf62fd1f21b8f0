import type { DuckDBConnection } from '@duckdb/node-api';
import type { Policy } from '../../rules/policy/schema.ts';
import type { DataTable } from '../../text/table.ts';
import type { Compliance } from '../../warehouse/compliance/session.ts';

/**
 * Who a build is for (SPEC §5). `public` is published on the provincial portal: aggregates, ranking, directory.
 * `internal` (behind the portal's login) adds per-mailbox lists and findings. Neither ever carries CCCD, birth
 * date or a personal phone.
 */
export type Audience = 'public' | 'internal';

/** Links to one downloadable table, relative to the site root (prefix with the base path when rendering). */
export interface DownloadRef {
  csv: string;
  xlsx: string;
  /** Vietnamese name of the table (used as the XLSX sheet name and link text). */
  title: string;
  rows: number;
}

/** What every collector receives: the open warehouse, who the build is for, the profile and the as-of date. */
export interface CollectContext {
  conn: DuckDBConnection;
  audience: Audience;
  policy: Policy;
  /** The base path the site is published under ("/" or "/sub/path/"). */
  base: string;
  /** The night the site describes: the latest export date in the warehouse (YYYY-MM-DD), or null when empty. */
  asOf: string | null;
  /**
   * Registers a table to publish as `<path>.csv` (UTF-8 with BOM, formulas neutralised) and `<path>.xlsx`, written
   * after the Astro build; returns the links to put in the slice. `path` is relative, without extension.
   */
  addDownload(path: string, title: string, table: DataTable): DownloadRef;
  /**
   * Registers any other file (e.g. Parquet for the explore page): `write` is called after the Astro build with the
   * absolute path to create. Returns the path relative to the site root.
   */
  emitFile(path: string, write: (absolutePath: string) => Promise<void>): string;
  /**
   * The compliance results (scores, findings, the ranking's counts per day), computed once per key and shared by the
   * builds that share a session (`nightly` builds both audiences and their reports from one): read scores and
   * findings only through it.
   */
  compliance: Compliance;
  /** The build date (YYYY-MM-DD, Asia/Ho_Chi_Minh), given by the caller: the days left to each report's due date. */
  today: string;
}

/** A collector turns the warehouse into one typed slice of the site data (one per area of the site). */
export type Collector<T> = (ctx: CollectContext) => Promise<T>;
