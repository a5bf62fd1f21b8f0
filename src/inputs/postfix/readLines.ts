// Streams the lines of a mail-log file, plain or gzip-compressed, in bounded memory (one chunk at a time). A plain
// file can be read in byte ranges, so several threads share one big file.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createGunzip } from 'node:zlib';

const CHUNK = 1 << 22;

/** What readChunks saw of a file (the lines are the caller's to count: it splits the chunks). */
export interface ReadStats {
  /** Bytes read (after decompression). */
  bytes: number;
  /** The range ended at the end of the file without a newline: the last line may have been cut off mid-write. */
  truncatedLast: boolean;
  /** A compressed file that stopped decompressing (cut short, damaged): the error; the lines before it were read. */
  damaged?: string;
}

/** `onLine(line, lineNo, plain, offset)`: 1-based number within the range, byte offset of the line's start; `plain`
 * says the line's chunk is all ASCII without carriage returns or unit separators (0x1f), so no line of it needs
 * re-decoding or cleaning. */
export type LineHandler = (line: string, lineNo: number, plain: boolean, offset: number) => void;

/** `onChunk(chunk, offset)`: whole lines, each ending with "\n", the first starting at byte `offset` of the file;
 * the last call may hold one line without its newline (a file cut off mid-write: ReadStats.truncatedLast). */
export type ChunkHandler = (chunk: Buffer, offset: number) => void;

/** Lines that start at a byte offset in [start, end) (a line that starts inside runs to its newline). */
export interface ByteRange {
  start: number;
  end: number;
}

/** True when the file starts with the gzip magic bytes. */
export function isGzipFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

// The bytes that keep text from going into a staging row as it is: any byte ≥ 0x80 (UTF-8 or a legacy encoding), a
// carriage return, the unit separator that separates a row's fields.
const CR = 13;
const US = 0x1f;

/** All ASCII, without carriage returns or unit separators: bytes that go into a staging row as they are. */
export function isPlain(chunk: Buffer): boolean {
  return isAscii(chunk) && chunk.indexOf(CR) < 0 && chunk.indexOf(US) < 0;
}

/**
 * Where a chunk's bytes that are not plain (isPlain) are, for deciding line by line: each kind's next position is
 * searched natively (indexOf, isAscii over 4 KiB blocks), and again only once the lines have passed it.
 */
export class UnplainBytes {
  private cr = -1;
  private us = -1;
  private high = -1;
  constructor(private readonly b: Buffer) {}

  /** The first byte at or after `from` that is not plain, or Infinity. */
  next(from: number): number {
    const b = this.b;
    if (this.cr < from) this.cr = orInfinity(b.indexOf(CR, from));
    if (this.us < from) this.us = orInfinity(b.indexOf(US, from));
    if (this.high < from) this.high = nextNonAscii(b, from);
    return Math.min(this.cr, this.us, this.high);
  }
}

const orInfinity = (i: number) => (i < 0 ? Infinity : i);

function nextNonAscii(b: Buffer, from: number): number {
  for (let block = from; block < b.length; block += 4096) {
    const end = Math.min(b.length, block + 4096);
    if (isAscii(b.subarray(block, end))) continue;
    for (let i = block; i < end; i++) if (b[i]! >= 0x80) return i;
  }
  return Infinity;
}

/**
 * Calls `onChunk` with the file's lines in order, a few MiB at a time. Gzip is recognised by its magic bytes,
 * whatever the file is called; only plain files take a `range`.
 */
export async function readChunks(path: string, onChunk: ChunkHandler, range?: ByteRange): Promise<ReadStats> {
  const stats: ReadStats = { bytes: 0, truncatedLast: false };
  let offset = range?.start ?? 0; // byte offset of the next line's start
  let stop = false;
  /** Passes on the complete lines of `buf` (those starting before the range's end); returns the unfinished tail. */
  const emit = (buf: Buffer): Buffer => {
    const lastNl = buf.lastIndexOf(10);
    if (lastNl < 0) return buf;
    let complete = buf.subarray(0, lastNl + 1);
    if (range && offset + complete.length > range.end) {
      // lines that start at or after range.end belong to the next range
      const cut = range.end - offset <= 0 ? 0 : complete.indexOf(10, range.end - offset - 1) + 1;
      complete = complete.subarray(0, cut);
      stop = true;
    }
    if (complete.length > 0) onChunk(complete, offset);
    offset += complete.length;
    return stop ? buf.subarray(0, 0) : buf.subarray(lastNl + 1);
  };
  let pending: Buffer = Buffer.alloc(0);
  if (isGzipFile(path)) {
    if (range) throw new Error('a gzip file cannot be read by byte range');
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    const input = createReadStream(path, { highWaterMark: 1 << 20 });
    input.on('error', (err) => gunzip.destroy(err));
    try {
      for await (const chunk of input.pipe(gunzip)) {
        const c = chunk as Buffer;
        stats.bytes += c.length;
        pending = Buffer.from(emit(pending.length > 0 ? Buffer.concat([pending, c]) : c));
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EACCES') throw err;
      stats.damaged = (err as Error).message; // a rotated log cut short: keep what was read
    }
  } else {
    const fd = openSync(path, 'r');
    try {
      let position = range?.start ?? 0;
      if (position > 0) position = skipToLineStart(fd, position);
      offset = position;
      let buf = Buffer.allocUnsafe(CHUNK);
      let have = 0;
      while (!stop) {
        if (have === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const got = readSync(fd, buf, have, buf.length - have, position);
        if (got === 0) break;
        position += got;
        stats.bytes += got;
        const rest = emit(buf.subarray(0, have + got));
        rest.copy(buf, 0);
        have = rest.length;
      }
      pending = stop ? Buffer.alloc(0) : Buffer.from(buf.subarray(0, have));
    } finally {
      closeSync(fd);
    }
  }
  if (pending.length > 0 && !(range && offset >= range.end)) {
    stats.truncatedLast = true;
    onChunk(pending, offset);
  }
  return stats;
}

/**
 * Calls `onLine` for every line (without the newline). Lines are decoded as latin1, so each character is one byte as
 * pflogsumm sees it.
 */
export async function readLines(path: string, onLine: LineHandler, range?: ByteRange): Promise<ReadStats & { lines: number }> {
  let lines = 0;
  const stats = await readChunks(
    path,
    (chunk, offset) => {
      const plain = isPlain(chunk);
      const text = chunk.toString('latin1');
      let start = 0;
      while (start < text.length) {
        let nl = text.indexOf('\n', start);
        if (nl < 0) nl = text.length; // the truncated last line
        onLine(text.slice(start, nl), ++lines, plain, offset + start);
        start = nl + 1;
      }
    },
    range,
  );
  return { ...stats, lines };
}

/** The offset of the first line that starts at or after `position` (a line starts after a newline). */
function skipToLineStart(fd: number, position: number): number {
  const buf = Buffer.allocUnsafe(1 << 16);
  let at = position - 1;
  for (;;) {
    const got = readSync(fd, buf, 0, buf.length, at);
    if (got === 0) return at;
    const nl = buf.subarray(0, got).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += got;
  }
}
