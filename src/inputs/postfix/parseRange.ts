// One unit of parallel work: parse the lines of a file (or of a byte range of a plain file) into delimited files,
// one per staging table. Runs in the main thread for a tiny night and in worker threads otherwise (stage.ts).
import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { LINE, LineParser } from './parseLine.ts';
import { FALLBACK, FastPath, WROTE } from './fastPath.ts';
import { HostSpans, type HostRun, type HostSpan } from './hostSpans.ts';
import { UnplainBytes, isPlain, readChunks, type ByteRange } from './readLines.ts';
import { RowWriter } from './rowWriter.ts';
import { SEP, STAGE_KEYS, STAGE_TABLES, asIs, cleaned, fromLatin1, msBase, rowAt, stageKeyOf, type StageKey } from './stagedRows.ts';

export interface RangeTask {
  /** Unique among the night's tasks; names the output files. */
  id: number;
  path: string;
  /** Index of the file in reading order (the high part of `pos`). */
  fileIndex: number;
  range?: ByteRange;
  exportDate: string;
  outDir: string;
  /** Bad lines of each kind to keep for quarantine. */
  sampleLimit: number;
  /** Every line through parseLine.ts (tests compare both paths). */
  noFastPath?: boolean;
}

export type BadKind = 'garbled' | 'unknown' | 'truncated';

/** What reading lines found: per range here, summed per file for the run summary (warehouse/maillog/stage.ts). */
export interface LineCounts {
  lines: number;
  bytes: number;
  events: number;
  ignored: number;
  otherProgram: number;
  blank: number;
  garbled: number;
  unknown: number;
  truncatedLast: boolean;
  /** Decompression stopped early with this error (see readLines). */
  damaged?: string;
}

export interface RangeResult extends LineCounts {
  id: number;
  /** Output file of each staging table. */
  files: Record<StageKey, string>;
  /** Lines the fast path (fastPath.ts) read; the rest went through parseLine.ts. */
  fast: number;
  /** sha256 (hex) of the bytes of the task's lines, for the night's fingerprint. */
  digest: string;
  /** Samples, with line numbers counted within the range. */
  bad: { kind: BadKind; line: number; raw: string }[];
  /** Per syslog host, the times of its first and last line here (what the de-duplication of nights starts from). */
  spans: HostSpan[];
  /** Where each run of one host's lines starts (byte offsets in the file). */
  runs: HostRun[];
}

/** Parses one task's lines; see src/inputs/postfix/parseLine.ts for what becomes an event. Plain lines (ASCII,
 * no carriage return or unit separator: readLines.isPlain) go through the byte-level fast path first (fastPath.ts),
 * which takes the common shapes and hands the rest to parseLine.ts; other lines go to parseLine.ts. */
export async function parseRange(task: RangeTask): Promise<RangeResult> {
  const writers = {} as Record<StageKey, RowWriter>;
  for (const key of STAGE_KEYS) writers[key] = new RowWriter(join(task.outDir, `${STAGE_TABLES[key].name}.${task.id}.tsv`));
  const r: RangeResult = {
    id: task.id, files: {} as Record<StageKey, string>, lines: 0, bytes: 0, fast: 0, events: 0, ignored: 0, otherProgram: 0,
    blank: 0, garbled: 0, unknown: 0, truncatedLast: false, bad: [], digest: '', spans: [], runs: [],
  };
  const hosts = new HostSpans();
  const hash = createHash('sha256');
  const sample = (kind: BadKind, count: number, line: number, raw: string, ascii: boolean) => {
    if (count > task.sampleLimit) return;
    const text = ascii ? raw : Buffer.from(raw, 'latin1').toString('utf8');
    r.bad.push({ kind, line, raw: text.length > 1000 ? text.slice(0, 1000) : text });
  };
  const parser = new LineParser(task.exportDate);
  const base = msBase(task.exportDate);
  const fi = task.fileIndex;
  const fast = task.noFastPath ? null : new FastPath(task.exportDate, base, fi, writers);
  let lineNo = 0;
  /** The host name of the fast path's last line (read only when the host changes). */
  let hostName = (): string => '';
  let last = '';
  let lastAscii = true;
  /** The reference parser on one line (as latin1 text: one character per byte, as pflogsumm reads it); `plain`: the
   * line's bytes are (isPlain). */
  const slow = (line: string, plain: boolean, offset: number) => {
    last = line;
    lastAscii = plain || isAscii(Buffer.from(line, 'latin1'));
    if (line.length === 0) {
      r.blank++;
      return;
    }
    const e = parser.parse(line);
    if (parser.host !== null) hosts.see(parser.host, parser.epochMs, offset);
    if (typeof e === 'object') {
      r.events++;
      const table = stageKeyOf(e);
      // latin1 bytes out as read: ASCII and valid UTF-8 reach DuckDB unchanged; other bytes become U+FFFD
      const at = rowAt(fi, offset);
      if (plain) writers[table].push(STAGE_TABLES[table].row(at, e, base, asIs), 'latin1');
      else {
        const t = line.indexOf('\r') >= 0 || line.indexOf(SEP) >= 0 ? cleaned : asIs;
        if (isUtf8(Buffer.from(line, 'latin1'))) writers[table].push(STAGE_TABLES[table].row(at, e, base, t), 'latin1');
        else writers[table].push(STAGE_TABLES[table].row(at, e, base, fromLatin1), 'utf8');
      }
    } else if (e === LINE.ignored) r.ignored++;
    else if (e === LINE.otherProgram) r.otherProgram++;
    else if (e === LINE.garbled) sample('garbled', ++r.garbled, lineNo, line, lastAscii);
    else sample('unknown', ++r.unknown, lineNo, line, lastAscii);
  };
  try {
    const read = await readChunks(
      task.path,
      (chunk, offset) => {
        hostName = () => chunk.toString('latin1', fast!.hostStart, fast!.hostEnd);
        hash.update(chunk);
        fast?.chunk(chunk);
        // in a chunk that is not plain, only the lines with a byte that is not go to parseLine.ts
        const odd = isPlain(chunk) ? null : new UnplainBytes(chunk);
        let unplain = odd === null ? Infinity : odd.next(0);
        let start = 0;
        while (start < chunk.length) {
          let nl = chunk.indexOf(10, start);
          if (nl < 0) nl = chunk.length; // the truncated last line
          lineNo++;
          if (unplain < start) unplain = odd!.next(start);
          const plain = unplain >= nl;
          const handled = fast !== null && plain && nl > start ? fast.line(chunk, start, nl, offset + start) : FALLBACK;
          if (handled === FALLBACK) slow(chunk.toString('latin1', start, nl), plain, offset + start);
          else {
            hosts.seeHashed(fast!.hostHash, fast!.hostEnd - fast!.hostStart, hostName, fast!.epochMs, offset + start);
            r.fast++;
            if (handled === WROTE) r.events++;
            else if (handled === LINE.ignored) r.ignored++;
            else r.otherProgram++;
          }
          start = nl + 1;
        }
        if (chunk[chunk.length - 1] !== 10) {
          // readChunks passes a last line without its newline only at the end of the file
          const s = chunk.lastIndexOf(10) + 1;
          last = chunk.toString('latin1', s);
          lastAscii = isAscii(chunk.subarray(s));
        }
      },
      task.range,
    );
    r.lines = lineNo;
    r.spans = hosts.spans();
    r.runs = hosts.runs;
    r.digest = hash.digest('hex');
    r.bytes = task.range ? task.range.end - task.range.start : read.bytes;
    r.truncatedLast = read.truncatedLast;
    if (read.damaged) r.damaged = read.damaged;
    if (read.truncatedLast) sample('truncated', 1, lineNo, last, lastAscii);
  } finally {
    for (const key of STAGE_KEYS) {
      writers[key].close();
      r.files[key] = writers[key].path;
    }
  }
  return r;
}
