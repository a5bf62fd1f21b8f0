// Stage 1 of the mail-log load: stream-parse every line of the night's files (src/inputs/postfix/parseLine.ts) and
// bulk-load the events into a temporary DuckDB table through one delimited file that DuckDB's CSV reader loads in
// parallel. Measured against parsing whole lines in SQL and against DuckDB appenders (scripts/bench.ts): this is
// the fastest of the three, and memory stays bounded (one read chunk and one write buffer at a time).
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LINE, LineParser, type MaillogEvent } from '../../inputs/postfix/parseLine.ts';
import { readLines } from './readLines.ts';

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
  kind: 'garbled' | 'unknown' | 'truncated';
}

export interface StageOptions {
  exportDate: string;
  /** Temporary file for the delimited events (removed afterwards). */
  tmpFile: string;
  /** Called for each bad line while fewer than `sampleLimit` of its kind and file were reported. */
  onBadLine: (bad: BadLine) => void;
  sampleLimit?: number;
  progress?: (message: string) => void;
}

/** The staging table's columns, in the order of the delimited file. */
export const STAGE_COLUMNS: [string, string][] = [
  ['pos', 'BIGINT'], ['ms', 'BIGINT'], ['day', 'DATE'], ['kind', 'TINYINT'], ['cmd', 'VARCHAR'], ['qid', 'VARCHAR'],
  ['addr', 'VARCHAR'], ['addr_dom', 'VARCHAR'], ['size', 'BIGINT'], ['size_truthy', 'BOOLEAN'], ['nrcpt', 'INTEGER'],
  ['client_host', 'VARCHAR'], ['client_ip', 'VARCHAR'], ['received_from', 'VARCHAR'], ['sasl', 'VARCHAR'],
  ['orig_qid', 'VARCHAR'], ['relay', 'VARCHAR'], ['delay', 'DOUBLE'], ['dsn', 'VARCHAR'], ['status', 'VARCHAR'],
  ['detail', 'VARCHAR'], ['next_qid', 'VARCHAR'], ['orig_to', 'VARCHAR'], ['forwarded', 'BOOLEAN'],
  ['sender', 'VARCHAR'], ['stage', 'VARCHAR'],
];

const SEP = '\x1f';
const NULL = '\\N';
const FLUSH_AT = 1 << 23;

function text(s: string | null, ascii: boolean): string {
  if (s === null) return NULL;
  let v = ascii ? s : Buffer.from(s, 'latin1').toString('utf8');
  if (v.includes(SEP) || v.includes('\r') || v === NULL) v = v.replaceAll(SEP, ' ').replaceAll('\r', ' ').replace(/^\\N$/, '\\\\N');
  return v;
}

function num(n: number | null): string {
  return n === null ? NULL : String(n);
}

function row(pos: number, e: MaillogEvent, ascii: boolean): string {
  return [
    pos, e.epochMs, e.day, e.kind, text(e.cmd, ascii), text(e.qid, ascii), text(e.addr, ascii), text(e.addrDomain, ascii),
    num(e.size), e.sizeTruthy ? 't' : 'f', num(e.nrcpt), text(e.clientHost, ascii), text(e.clientIp, ascii),
    text(e.receivedFrom, ascii), text(e.sasl, ascii), text(e.origQid, ascii), text(e.relay, ascii), num(e.delay),
    text(e.dsn, ascii), text(e.status, ascii), text(e.detail, ascii), text(e.nextQid, ascii), text(e.origTo, ascii),
    e.forwarded ? 't' : 'f', text(e.sender, ascii), text(e.stage, ascii),
  ].join(SEP);
}

/**
 * Parses `files` in the given order (the order pflogsumm would read them: oldest first) into the temporary table
 * `maillog_stage`. Positions are `fileIndex · 2³² + line`, so ordering by `pos` is reading order.
 */
export async function stageMaillog(conn: DuckDBConnection, files: readonly StageSource[], opts: StageOptions): Promise<FileStats[]> {
  const limit = opts.sampleLimit ?? 20;
  const fd = openSync(opts.tmpFile, 'w');
  const out: FileStats[] = [];
  try {
    let buffer: string[] = [];
    let buffered = 0;
    const flush = () => {
      if (buffer.length === 0) return;
      writeSync(fd, buffer.join('\n') + '\n');
      buffer = [];
      buffered = 0;
    };
    for (const [index, file] of files.entries()) {
      const parser = new LineParser(opts.exportDate);
      const s: FileStats = { file: file.name, bytes: 0, lines: 0, events: 0, ignored: 0, otherProgram: 0, blank: 0, garbled: 0, unknown: 0, truncatedLast: false };
      const base = index * 2 ** 32;
      if (file.kind === 'events') {
        for (const { line, event } of file.events) {
          buffer.push(row(base + line, event, true));
          s.events++;
          s.lines = Math.max(s.lines, line);
        }
        flush();
        out.push(s);
        continue;
      }
      const report = (kind: BadLine['kind'], count: number, line: number, raw: string) => {
        if (count <= limit) opts.onBadLine({ file: file.name, line, raw: raw.length > 1000 ? raw.slice(0, 1000) : raw, kind });
      };
      let last = '';
      const read = await readLines(file.path, (line, lineNo, ascii) => {
        last = line;
        const r = line.length === 0 ? null : parser.parse(line);
        if (r === null) s.blank++;
        else if (typeof r === 'object') {
          s.events++;
          const rowText = row(base + lineNo, r, ascii);
          buffer.push(rowText);
          buffered += rowText.length;
          if (buffered > FLUSH_AT) flush();
        } else if (r === LINE.ignored) s.ignored++;
        else if (r === LINE.otherProgram) s.otherProgram++;
        else if (r === LINE.garbled) report('garbled', ++s.garbled, lineNo, ascii ? line : Buffer.from(line, 'latin1').toString('utf8'));
        else report('unknown', ++s.unknown, lineNo, ascii ? line : Buffer.from(line, 'latin1').toString('utf8'));
        if ((lineNo & 0x3ffff) === 0) opts.progress?.(`${file.name}: ${lineNo.toLocaleString('vi-VN')} dòng`);
      });
      s.bytes = read.bytes;
      s.lines = read.lines;
      s.truncatedLast = read.truncatedLast;
      if (read.truncatedLast) report('truncated', 1, read.lines, last);
      out.push(s);
    }
    flush();
  } finally {
    closeSync(fd);
  }
  try {
    const columns = `{${STAGE_COLUMNS.map(([n, t]) => `'${n}': '${t}'`).join(', ')}}`;
    await conn.run('DROP TABLE IF EXISTS maillog_stage');
    await conn.run(
      `CREATE TEMP TABLE maillog_stage AS SELECT * FROM read_csv($file, delim = $sep, quote = '', escape = '', header = false, ` +
        `nullstr = $null, auto_detect = false, columns = ${columns}, max_line_size = 4000000)`,
      { file: opts.tmpFile, sep: SEP, null: NULL },
    );
  } finally {
    rmSync(opts.tmpFile, { force: true });
  }
  return out;
}
