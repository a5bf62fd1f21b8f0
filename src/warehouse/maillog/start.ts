// The start of a night's mail-log load: its syslog files are read on worker threads at once, before the warehouse is
// opened. Kept apart from load.ts (and light: no zod, no DuckDB) so the ingest can start it before loading the rest.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { ExportNight } from '../ingest/exportFolder.ts';
import { orderMaillogFiles } from './fileOrder.ts';
import { startParse, type ParseJob } from './stage.ts';

/** Tuning for tests and the benchmark; the defaults suit a night's ingest. */
export interface LoadOptions {
  /** Parser threads (default: the machine's cores). */
  threads?: number;
  /** Plain files at least this big are split between threads. */
  splitBytes?: number;
}

/** A night's mail-log files with their syslog part being parsed (startMaillog). */
export interface MaillogJob {
  exportDir: string;
  parse: ParseJob;
  /** messages.csv files: read in the load, whose context takes their bad rows. */
  csv: string[];
  tmpDir: string;
  /** Stops the parse if it still runs and removes its files. */
  dispose(): void;
}

/**
 * Starts reading the night's mail-log files (absolute paths) at once, on worker threads: syslog files oldest rotation
 * first as one stream, the way pflogsumm reads them. The ingest starts this before it opens the warehouse, so the
 * biggest input of a night is read while the rest is prepared; loadStartedMaillog completes it.
 */
export function startMaillog(exportDir: string, exportDate: string, files: string[], options: LoadOptions = {}): MaillogJob {
  const name = (path: string) => nameInNight(exportDir, path);
  const csv = files.filter((f) => basename(f).toLowerCase() === 'messages.csv');
  const syslog = orderMaillogFiles(files.filter((f) => !csv.includes(f)));
  const tmpDir = mkdtempSync(join(tmpdir(), 'maillog-'));
  const parse = startParse(syslog.map((path) => ({ kind: 'syslog', path, name: name(path) })), {
    exportDate, tmpDir, threads: options.threads, splitBytes: options.splitBytes,
  });
  return {
    exportDir, parse, csv, tmpDir,
    dispose: () => {
      parse.cancel();
      rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}

/** Starts reading a night's mail-log files, or returns null when the night has none. */
export function startNightMaillog(night: ExportNight): MaillogJob | null {
  const files = night.files.filter((f) => f.role === 'maillog').map((f) => f.path);
  return files.length > 0 ? startMaillog(night.dir, night.date, files) : null;
}

/** A file's name as the night's messages and quarantine give it: its path within the export folder. */
export function nameInNight(exportDir: string, path: string): string {
  return relative(exportDir, path) || basename(path);
}
