import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * A buffered, synchronous text file writer: lines accumulate up to ~1 MB, then go to disk in one write, so a
 * 50,000-mailbox night streams with bounded memory. The generator's only file-writing seam.
 */
export class FileSink {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  private closed = false;
  /** Bytes written so far (UTF-8). */
  bytes = 0;
  /** Lines written so far (calls to `line`). */
  lines = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends text (callers include the line ending). */
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  /** Appends one line plus LF. */
  line(text: string): void {
    this.lines++;
    this.write(text + '\n');
  }

  private flush(): void {
    if (this.parts.length === 0) return;
    const buf = Buffer.from(this.parts.join(''), 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    this.bytes += buf.length;
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
