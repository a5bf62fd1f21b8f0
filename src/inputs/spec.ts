import type { z } from 'zod';
import type { CellRecord } from './fields.ts';

/** One column of a CSV input kind (SPEC §3.1–3.5). */
export interface ColumnSpec {
  /** Canonical name as in SPEC §3; headers match it case-, space-, underscore- and accent-insensitively. */
  name: string;
  /** A missing required column rejects the whole file; a missing optional one is a warning. */
  required: boolean;
  /** Personal data that is never stored (CCCD, birth date, SPEC §3.2): read, dropped, blanked in quarantine. */
  personal?: boolean;
  /** Other header spellings seen in real exports (folded like the canonical name). */
  aliases?: readonly string[];
}

/** Everything the generic table validator needs to know about one input kind. */
export interface InputSpec<Row> {
  /** Key in `rows_loaded` (SPEC §2), e.g. "agencies". */
  kind: string;
  /** The file name in an export folder, e.g. "agencies.csv". */
  file: string;
  columns: readonly ColumnSpec[];
  /** Row schema: cells (canonical column → trimmed text or undefined) → normalised row. */
  schema: z.ZodType<Row, CellRecord>;
  /** Identity of a row within one file; a later row with the same identity but other content is rejected. */
  key?: (row: Row) => string;
  /** Vietnamese reason for a row whose identity repeats an earlier line's. */
  keyConflict?: (key: string, firstLine: number) => string;
  /** A column whose value (lowercased) is collected from every record, good or bad (e.g. the mailbox address). */
  identity?: string;
  /** Further cells to blank before a rejected row is stored in quarantine (e.g. a personal mailbox's phone). */
  redact?: (cells: CellRecord) => readonly string[];
}
