// Staged rows as bytes into their file (stagedRows.ts): buffered, flushed in 4 MiB writes.
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 22;

/** Buffer#latin1Write (what `write(s, offset, 'latin1')` ends in, without its argument checks). */
const latin1Write = (buf: Buffer, s: string, offset: number): number =>
  (buf as unknown as { latin1Write(s: string, offset: number, length: number): number }).latin1Write(s, offset, buf.length - offset);

/** Appends rows straight into a byte buffer: rows kept as strings until a flush would survive into the old
 * generation (with the read chunk they slice) and cost more in garbage collection than the parse itself. The fast
 * path (fastPath.ts, fastEventRows.ts) writes bytes into `out` at `used` itself, after `reserve`. */
export class RowWriter {
  readonly out = Buffer.allocUnsafe(FLUSH_AT);
  used = 0;
  private readonly fd: number;
  rows = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }
  /** `latin1` writes each character as the byte it was read as (so UTF-8 input stays UTF-8). */
  push(row: string, encoding: 'latin1' | 'utf8'): void {
    this.rows++;
    const max = encoding === 'latin1' ? row.length + 1 : row.length * 3 + 1;
    if (this.used + max > this.out.length) {
      this.flush();
      if (max > this.out.length) {
        writeSync(this.fd, row + '\n', null, encoding);
        return;
      }
    }
    this.used += encoding === 'latin1' ? latin1Write(this.out, row, this.used) : this.out.write(row, this.used, 'utf8');
    this.out[this.used++] = 10;
  }
  /** Makes room for `bytes` more at `used`; false when a row that long cannot fit (the caller writes it as a string). */
  reserve(bytes: number): boolean {
    if (this.used + bytes <= this.out.length) return true;
    this.flush();
    return bytes <= this.out.length;
  }
  flush(): void {
    if (this.used > 0) writeSync(this.fd, this.out, 0, this.used);
    this.used = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
