// Which stretch of each server's log a file holds: per syslog host, the time of its earliest and latest line, and how
// far back in time a line ever stepped (syslog writes lines as they arrive, so a few may be out of order). The
// de-duplication of overlapping nights (held.ts) starts from these spans: a log file is a complete copy of its host's
// lines between its first and last one. Kept per parse task by parseRange.ts at a few comparisons a line.

/** One host's lines in one file (or byte range of a file): times in epoch ms. */
export interface HostSpan {
  host: string;
  first: number;
  last: number;
  /** The largest step back in time from one line of this host to the next (0 when always in order). */
  maxBack: number;
}

/** Where a run of one host's lines starts: the byte offset of its first line in the file. */
export interface HostRun {
  offset: number;
  host: string;
}

interface Tracked extends HostSpan {
  prev: number;
}

/** The hash the fast path computes while it reads a host name's bytes (fastPath.ts): `h * 31 + byte`, 32-bit. */
export function hostHash(host: string): number {
  let h = 0;
  for (let k = 0; k < host.length; k++) h = (h * 31 + host.charCodeAt(k)) | 0;
  return h;
}

/** The spans of one parse task, fed every line with a timestamp and a host, in file order. */
export class HostSpans {
  private readonly byHost = new Map<string, Tracked>();
  readonly runs: HostRun[] = [];
  private current: Tracked | null = null;
  private currentHash = 0;
  private currentLength = -1;

  /** A line whose host has `hash` and `length` (from the fast path's bytes); `name` reads the host only when it changed. */
  seeHashed(hash: number, length: number, name: () => string, ms: number, offset: number): void {
    if (this.current === null || hash !== this.currentHash || length !== this.currentLength) this.switchTo(name(), offset);
    this.add(this.current!, ms);
  }

  /** A line whose host is `host` (from the reference parser). */
  see(host: string, ms: number, offset: number): void {
    if (this.current === null || host !== this.current.host) this.switchTo(host, offset);
    this.add(this.current!, ms);
  }

  /** The spans, by host in order of first appearance. */
  spans(): HostSpan[] {
    return [...this.byHost.values()].map(({ host, first, last, maxBack }) => ({ host, first, last, maxBack }));
  }

  private switchTo(host: string, offset: number): void {
    let span = this.byHost.get(host);
    if (!span) {
      span = { host, first: Infinity, last: -Infinity, maxBack: 0, prev: NaN };
      this.byHost.set(host, span);
    }
    this.current = span;
    this.currentHash = hostHash(host);
    this.currentLength = host.length;
    if (this.runs.at(-1)?.host !== host) this.runs.push({ offset, host });
  }

  private add(span: Tracked, ms: number): void {
    if (ms < span.first) span.first = ms;
    if (ms > span.last) span.last = ms;
    if (ms < span.prev && span.prev - ms > span.maxBack) span.maxBack = span.prev - ms;
    span.prev = ms;
  }
}

/** The spans of several parts of one file, as one (parts in file order). */
export function mergeSpans(parts: readonly (readonly HostSpan[])[]): HostSpan[] {
  const byHost = new Map<string, HostSpan>();
  for (const part of parts) {
    for (const s of part) {
      const seen = byHost.get(s.host);
      if (!seen) byHost.set(s.host, { ...s });
      else {
        seen.first = Math.min(seen.first, s.first);
        seen.last = Math.max(seen.last, s.last);
        seen.maxBack = Math.max(seen.maxBack, s.maxBack);
      }
    }
  }
  return [...byHost.values()];
}
