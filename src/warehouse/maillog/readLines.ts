// Streams the lines of a mail-log file, plain or gzip-compressed, in bounded memory (one chunk at a time).
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import { createGunzip } from 'node:zlib';

const CHUNK = 1 << 22;

export interface ReadStats {
  lines: number;
  /** Bytes read (after decompression). */
  bytes: number;
  /** The file did not end with a newline: its last line may have been cut off mid-write. */
  truncatedLast: boolean;
}

/**
 * Calls `onLine(line, lineNo, ascii)` for every line (1-based numbers, without the newline). Lines are decoded as
 * latin1, so each character is one byte as pflogsumm sees it; `ascii` says the line's chunk had no byte ≥ 0x80, so
 * callers may skip re-decoding fields as UTF-8. Gzip is recognised by its magic bytes, whatever the file is called.
 */
export async function readLines(path: string, onLine: (line: string, lineNo: number, ascii: boolean) => void): Promise<ReadStats> {
  const stats: ReadStats = { lines: 0, bytes: 0, truncatedLast: false };
  let pending = Buffer.alloc(0);
  /** Emits the complete lines of `buf`; returns the unfinished tail. */
  const emit = (buf: Buffer): Buffer => {
    const lastNl = buf.lastIndexOf(10);
    if (lastNl < 0) return buf;
    const text = buf.toString('latin1', 0, lastNl + 1);
    const ascii = isAscii(buf.subarray(0, lastNl + 1));
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      onLine(text.slice(start, nl), ++stats.lines, ascii);
      start = nl + 1;
    }
    return buf.subarray(lastNl + 1);
  };
  if (isGzip(path)) {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }))) {
      const c = chunk as Buffer;
      stats.bytes += c.length;
      pending = Buffer.from(emit(pending.length > 0 ? Buffer.concat([pending, c]) : c));
    }
  } else {
    const fd = openSync(path, 'r');
    try {
      let buf = Buffer.allocUnsafe(CHUNK);
      let have = 0;
      for (;;) {
        if (have === buf.length) {
          const bigger = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
          buf.copy(bigger, 0, 0, have);
          buf = bigger;
        }
        const got = readSync(fd, buf, have, buf.length - have, null);
        if (got === 0) break;
        stats.bytes += got;
        const rest = emit(buf.subarray(0, have + got));
        rest.copy(buf, 0);
        have = rest.length;
      }
      pending = Buffer.from(buf.subarray(0, have));
    } finally {
      closeSync(fd);
    }
  }
  if (pending.length > 0) {
    stats.truncatedLast = true;
    onLine(pending.toString('latin1'), ++stats.lines, isAscii(pending));
  }
  return stats;
}

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}
