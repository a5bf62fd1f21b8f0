// Stage 1 of the mail-log load: stream-parse every line of the night's files (src/inputs/postfix/parseLine.ts) on
// all cores and bulk-load the events into temporary DuckDB tables, one per event kind (stageTables.ts), through
// delimited files that DuckDB's CSV reader loads in parallel. `npm run bench` measures this against parsing whole
// lines in SQL and against appenders: this is the fastest, and memory stays bounded (one read chunk and one write
// buffer per kind and thread).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MaillogEvent } from '../../inputs/postfix/parseLine.ts';
import { defaultThreads, runParseTasks } from './parsePool.ts';
import type { BadKind, RangeResult, RangeTask } from './parseRange.ts';
import { isGzipFile } from './readLines.ts';
import { RowWriter, STAGE_KEYS, STAGE_TABLES, cleaned, msBase, readCsvSource, rowAt, stageKeyOf, stagedColumns, type StageKey } from './stageTables.ts';

/** Per-file figures for the run summary (SPEC §3.6). */
export interface FileStats {
  file: string;
  bytes: number;
  lines: number;
  events: number;
  ignored: number;
  otherProgram: number;
  blank: number;
  garbled: number;
  unknown: number;
  truncatedLast: boolean;
  /** A compressed file that could not be read to its end: the decompressor's error. */
  damaged?: string;
}

/** What to stage: a syslog file to read, or events already made from another format (messages.csv). */
export type StageSource =
  | { kind: 'syslog'; path: string; name: string }
  | { kind: 'events'; name: string; events: readonly { line: number; event: MaillogEvent }[] };

/** A line the loader could not use, for the quarantine table. */
export interface BadLine {
  file: string;
  line: number;
  raw: string;
  kind: BadKind;
}

export interface StageOptions {
  exportDate: string;
  /** Directory for the temporary delimited files (emptied afterwards). */
  tmpDir: string;
  /** Called for the first `sampleLimit` bad lines of each kind in each file. */
  onBadLine: (bad: BadLine) => void;
  sampleLimit?: number;
  progress?: (message: string) => void;
  /** Parser threads (default: the machine's cores). */
  threads?: number;
  /** Plain files at least this big are split between threads (default 32 MiB). */
  splitBytes?: number;
  /** Leave the to= events in their delimited files (the loader inserts them straight into mail_deliveries) instead of
   * loading a maillog_to table. The files stay in tmpDir for the caller. */
  deliveriesAsFiles?: boolean;
}

/** Where the night's to= events are: a relation usable in FROM, and the parameters it binds. */
export interface DeliverySource {
  sql: string;
  params: Record<string, string | number>;
}

export interface Staged {
  stats: FileStats[];
  deliveries: DeliverySource;
}

/**
 * Parses `sources` in the given order (the order pflogsumm would read them: oldest first) into the temporary
 * tables maillog_recv, maillog_from, maillog_reject, maillog_notice and (unless `deliveriesAsFiles`) maillog_to.
 */
export async function stageMaillog(conn: DuckDBConnection, sources: readonly StageSource[], opts: StageOptions): Promise<Staged> {
  const limit = opts.sampleLimit ?? 20;
  const threads = opts.threads ?? defaultThreads();
  const splitBytes = opts.splitBytes ?? 32 << 20;
  const tasks: RangeTask[] = [];
  const owner: number[] = []; // source index of each task
  const files: Record<StageKey, string[]> = { recv: [], from: [], to: [], reject: [], notice: [] };
  const stats: FileStats[] = sources.map((s) => ({
    file: s.name, bytes: 0, lines: 0, events: 0, ignored: 0, otherProgram: 0, blank: 0, garbled: 0, unknown: 0, truncatedLast: false,
  }));
  try {
    for (const [index, source] of sources.entries()) {
      if (source.kind === 'events') {
        writeEvents(source.events, index, opts.tmpDir, files, stats[index]!, msBase(opts.exportDate));
        continue;
      }
      const size = statSync(source.path).size;
      const parts = size >= splitBytes && threads > 1 && !isGzipFile(source.path) ? threads : 1;
      for (let p = 0; p < parts; p++) {
        const range = parts > 1 ? { start: Math.floor((size * p) / parts), end: Math.floor((size * (p + 1)) / parts) } : undefined;
        tasks.push({ id: tasks.length, path: source.path, fileIndex: index, range, exportDate: opts.exportDate, outDir: opts.tmpDir, sampleLimit: limit });
        owner.push(index);
      }
    }
    opts.progress?.(`nhật ký thư: đọc ${tasks.length} phần trên ${Math.min(threads, Math.max(1, tasks.length))} luồng`);
    const results = await runParseTasks(tasks, threads);
    collect(results, owner, sources, stats, files, opts.onBadLine, limit);
    opts.progress?.('nhật ký thư: nạp sự kiện vào kho');
    for (const key of STAGE_KEYS) {
      if (key === 'to' && opts.deliveriesAsFiles) continue;
      await loadTable(conn, key, files[key], msBase(opts.exportDate));
    }
  } finally {
    for (const key of STAGE_KEYS) {
      if (key === 'to' && opts.deliveriesAsFiles) continue;
      for (const f of files[key]) rmSync(f, { force: true });
    }
  }
  const toFiles = files.to.filter((p) => statSync(p, { throwIfNoEntry: false })?.size);
  const deliveries = opts.deliveriesAsFiles && toFiles.length > 0
    ? readCsvSource(STAGE_TABLES.to, toFiles, 'to', msBase(opts.exportDate))
    : opts.deliveriesAsFiles ? { sql: emptyRelation(stagedColumns(STAGE_TABLES.to)), params: {} } : { sql: STAGE_TABLES.to.name, params: {} };
  return { stats, deliveries };
}

/** A relation with the columns and no rows. */
function emptyRelation(columns: [string, string][]): string {
  return `(SELECT ${columns.map(([name, type]) => `NULL::${type} AS ${name}`).join(', ')} WHERE false)`;
}

/** Adds each task's figures to its file's, and reports bad-line samples with line numbers within the file. */
function collect(
  results: RangeResult[], owner: number[], sources: readonly StageSource[], stats: FileStats[],
  files: Record<StageKey, string[]>, onBadLine: (bad: BadLine) => void, limit: number,
): void {
  const linesBefore = new Map<number, number>();
  const reported = new Map<string, number>();
  for (const [i, r] of results.entries()) {
    const index = owner[i]!;
    const s = stats[index]!;
    const before = linesBefore.get(index) ?? 0;
    for (const bad of r.bad) {
      const key = `${index}/${bad.kind}`;
      const n = reported.get(key) ?? 0;
      if (n >= limit) continue;
      reported.set(key, n + 1);
      onBadLine({ file: sources[index]!.name, line: before + bad.line, raw: bad.raw, kind: bad.kind });
    }
    linesBefore.set(index, before + r.lines);
    s.lines += r.lines;
    s.bytes += r.bytes;
    s.events += r.events;
    s.ignored += r.ignored;
    s.otherProgram += r.otherProgram;
    s.blank += r.blank;
    s.garbled += r.garbled;
    s.unknown += r.unknown;
    s.truncatedLast ||= r.truncatedLast;
    if (r.damaged) s.damaged = r.damaged;
    for (const key of STAGE_KEYS) files[key].push(r.files[key]);
  }
}

function writeEvents(
  events: readonly { line: number; event: MaillogEvent }[], index: number, dir: string, files: Record<StageKey, string[]>, s: FileStats,
  base: number,
): void {
  const writers = {} as Record<StageKey, RowWriter>;
  for (const key of STAGE_KEYS) writers[key] = new RowWriter(join(dir, `${STAGE_TABLES[key].name}.events${index}.tsv`));
  try {
    let previous = -1;
    let k = 0;
    for (const { line, event } of events) {
      const key = stageKeyOf(event.kind);
      k = line === previous ? k + 1 : 0; // a row gives receive, from= and to= events: keep their order
      previous = line;
      writers[key].push(STAGE_TABLES[key].row(rowAt(index, line * 4 + k), event, base, cleaned), 'utf8');
      s.events++;
      s.lines = Math.max(s.lines, line);
    }
  } finally {
    for (const key of STAGE_KEYS) {
      writers[key].close();
      files[key].push(writers[key].path);
    }
  }
}

async function loadTable(conn: DuckDBConnection, key: StageKey, paths: string[], base: number): Promise<void> {
  const table = STAGE_TABLES[key];
  const nonEmpty = paths.filter((p) => statSync(p).size > 0);
  if (nonEmpty.length === 0) {
    await conn.run(`CREATE OR REPLACE TEMP TABLE ${table.name} AS ${emptyRelation(stagedColumns(table))}`);
    return;
  }
  const source = readCsvSource(table, nonEmpty, 'f', base);
  await conn.run(`CREATE OR REPLACE TEMP TABLE ${table.name} AS SELECT * FROM ${source.sql}`, source.params);
}
