// Stage 1 of the mail-log load: stream-parse every line of the night's files on all cores (src/inputs/postfix/:
// parseRange.ts per task, on parsePool.ts's threads) and bulk-load the events into temporary DuckDB tables, one per
// event kind (stageTables.ts), through delimited files that DuckDB's CSV reader loads in parallel. `npm run bench` measures this against parsing whole
// lines in SQL and against appenders: this is the fastest, and memory stays bounded (one read chunk and one write
// buffer per kind and thread).
import { createHash } from 'node:crypto';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { MaillogEvent } from '../../inputs/postfix/parseLine.ts';
import { HostSpans, mergeSpans, type HostSpan } from '../../inputs/postfix/hostSpans.ts';
import { defaultThreads, runParseTasks } from '../../inputs/postfix/parsePool.ts';
import type { BadKind, LineCounts, RangeResult, RangeTask } from '../../inputs/postfix/parseRange.ts';
import { isGzipFile } from '../../inputs/postfix/readLines.ts';
import { RowWriter } from '../../inputs/postfix/rowWriter.ts';
import { STAGE_KEYS, STAGE_TABLES, cleaned, msBase, rowAt, stageKeyOf, type StageKey } from '../../inputs/postfix/stagedRows.ts';
import { readCsvSource, stagedColumns } from './stageTables.ts';

/** Per-file figures for the run summary (SPEC §3.6). */
export interface FileStats extends LineCounts {
  file: string;
  /** Per syslog host, the times of its first and last line in the file (held.ts). */
  spans: HostSpan[];
  /** Where each run of one host's lines starts, as `pos` (file index · 2⁴⁰ + byte offset). */
  runs: { pos: number; host: string }[];
}

/** A syslog file to read. */
export type SyslogSource = { kind: 'syslog'; path: string; name: string };
/** Events already made from another format (messages.csv). */
export type EventSource = { kind: 'events'; name: string; events: readonly { line: number; event: MaillogEvent }[] };
/** What to stage. */
export type StageSource = SyslogSource | EventSource;

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
  progress?: (message: string) => void;
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

export interface ParseOptions {
  exportDate: string;
  /** Directory for the temporary delimited files (the caller empties it). */
  tmpDir: string;
  /** Bad lines of each kind and file kept for quarantine (default 20). */
  sampleLimit?: number;
  /** Parser threads (default: the machine's cores). */
  threads?: number;
  /** Plain files at least this big are split between threads (default 32 MiB). */
  splitBytes?: number;
}

/** Syslog files being parsed into delimited files, on worker threads; see startParse. */
export interface ParseJob {
  /** The files in reading order (file index = position). */
  sources: readonly SyslogSource[];
  tasks: RangeTask[];
  /** Source index of each task. */
  owner: number[];
  threads: number;
  sampleLimit: number;
  /** The tasks' results in task order; rejects with the first task's error. */
  results: Promise<RangeResult[]>;
  /** Stops the worker threads (results then rejects). */
  cancel(): void;
}

/**
 * A digest of each source file's bytes (by path), from the tasks' digests: sha256 over each task's byte range and
 * digest in file order. The same file read with the same split gives the same digest.
 */
export async function fileDigests(job: ParseJob): Promise<Map<string, string>> {
  const results = await job.results;
  const hashes = job.sources.map(() => createHash('sha256'));
  for (const [i, r] of results.entries()) {
    const task = job.tasks[i]!;
    hashes[job.owner[i]!]!.update(`${task.range?.start ?? 0}-${task.range?.end ?? 'end'}:${r.digest}\n`);
  }
  return new Map(job.sources.map((s, i) => [s.path, hashes[i]!.digest('hex')]));
}

/** A night's syslog bytes below which its one file is parsed on the calling thread (a worker takes 0.1 s to start). */
const INLINE_BELOW = 4 << 20;

/**
 * Starts parsing `sources` (in the order pflogsumm would read them: oldest first) on worker threads, and returns at
 * once: the parse needs no warehouse, so the ingest opens and prepares the warehouse meanwhile. An unreadable file
 * shows as `results` rejecting.
 */
export function startParse(sources: readonly SyslogSource[], opts: ParseOptions): ParseJob {
  const sampleLimit = opts.sampleLimit ?? 20;
  const threads = opts.threads ?? defaultThreads();
  const splitBytes = opts.splitBytes ?? 32 << 20;
  const tasks: RangeTask[] = [];
  const owner: number[] = [];
  const abort = new AbortController();
  let results: Promise<RangeResult[]>;
  try {
    let bytes = 0;
    for (const [index, source] of sources.entries()) {
      const size = statSync(source.path).size;
      bytes += size;
      const parts = size >= splitBytes && threads > 1 && !isGzipFile(source.path) ? threads : 1;
      for (let p = 0; p < parts; p++) {
        const range = parts > 1 ? { start: Math.floor((size * p) / parts), end: Math.floor((size * (p + 1)) / parts) } : undefined;
        tasks.push({ id: tasks.length, path: source.path, fileIndex: index, range, exportDate: opts.exportDate, outDir: opts.tmpDir, sampleLimit });
        owner.push(index);
      }
    }
    // one file too small to split still goes to a worker unless tiny: the ingest loads DuckDB meanwhile
    const workers = threads <= 1 || (tasks.length === 1 && bytes < INLINE_BELOW) ? 0 : Math.min(threads, tasks.length);
    results = runParseTasks(tasks, workers, abort.signal);
  } catch (err) {
    results = Promise.reject(err);
  }
  results.catch(() => {}); // awaited later (or never, when the night turns out to be ingested already)
  return { sources, tasks, owner, threads, sampleLimit, results, cancel: () => abort.abort() };
}

/**
 * Completes a parse job into the temporary tables maillog_recv, maillog_from, maillog_hop, maillog_reject,
 * maillog_notice and (unless `deliveriesAsFiles`) maillog_to. `events` are sources already made into events
 * (messages.csv); they follow the job's files in reading order.
 */
export async function stageMaillog(
  conn: DuckDBConnection, job: ParseJob, events: readonly EventSource[], opts: StageOptions,
): Promise<Staged> {
  const sources: StageSource[] = [...job.sources, ...events];
  const files = Object.fromEntries(STAGE_KEYS.map((k) => [k, []])) as unknown as Record<StageKey, string[]>;
  const stats: FileStats[] = sources.map((s) => ({
    file: s.name, bytes: 0, lines: 0, events: 0, ignored: 0, otherProgram: 0, blank: 0, garbled: 0, unknown: 0, truncatedLast: false,
    spans: [], runs: [],
  }));
  try {
    opts.progress?.(`nhật ký thư: đọc ${job.tasks.length} phần trên ${Math.min(job.threads, Math.max(1, job.tasks.length))} luồng`);
    const results = await job.results;
    collect(results, job.owner, sources, stats, files, opts.onBadLine, job.sampleLimit);
    for (const [k, source] of events.entries()) {
      const index = job.sources.length + k;
      writeEvents(source.events, index, opts.tmpDir, files, stats[index]!, msBase(opts.exportDate));
    }
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
    s.spans = mergeSpans([s.spans, r.spans]);
    for (const run of r.runs) if (s.runs.at(-1)?.host !== run.host) s.runs.push({ pos: atPos(index, run.offset), host: run.host });
  }
}

/** A line's `pos` (stageTables' reading order): file index · 2⁴⁰ + byte offset. */
export const atPos = (fileIndex: number, offset: number) => fileIndex * 2 ** 40 + offset;

/** The "host" of rows from the canonical messages.csv: a stream of its own, apart from every syslog host. */
export const CSV_HOST = 'messages.csv';

function writeEvents(
  events: readonly { line: number; event: MaillogEvent }[], index: number, dir: string, files: Record<StageKey, string[]>, s: FileStats,
  base: number,
): void {
  const writers = {} as Record<StageKey, RowWriter>;
  for (const key of STAGE_KEYS) writers[key] = new RowWriter(join(dir, `${STAGE_TABLES[key].name}.events${index}.tsv`));
  try {
    let previous = -1;
    let k = 0;
    const hosts = new HostSpans();
    for (const { line, event } of events) {
      hosts.see(CSV_HOST, event.epochMs, line * 4);
      const key = stageKeyOf(event);
      k = line === previous ? k + 1 : 0; // a row gives receive, from= and to= events: keep their order
      previous = line;
      writers[key].push(STAGE_TABLES[key].row(rowAt(index, line * 4 + k), event, base, cleaned), 'utf8');
      s.events++;
      s.lines = Math.max(s.lines, line);
    }
    s.spans = hosts.spans();
    s.runs = hosts.runs.map((r) => ({ pos: atPos(index, r.offset), host: r.host }));
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
