// What the warehouse already holds of each mail server's log, and what a new file adds (SPEC §3.3: "a line already
// loaded is never counted again"). Debian rotates /var/log/mail.log weekly, so a nightly copy still holds days an
// earlier night loaded; a .gz may be sent twice; a night may hold two days. Pure interval arithmetic over epoch ms.
//
// The reasoning: a syslog file is a complete copy of its host's lines between its first and its last line. So a night
// that loaded a file holds, for that host, *every* line strictly inside the file's span (whole), and at its two
// edges only the lines the file had (the rotation cut through a second: other lines of that second are in the next
// file). Edges are `margin` wide: one second (a classic timestamp's tick), or twice the largest step back in time
// seen in the file when lines arrived out of order. A new file's lines then fall in three kinds of time: held whole
// by an earlier load (skipped), at an earlier load's edge (skipped when that load had the very same line: matched by
// content, counting repeats), or new (loaded). The new file holds what it loaded: whole where no earlier load held
// anything, and edge lines (recorded by content) elsewhere in its span.

/** Inclusive range of epoch ms. */
export interface Interval {
  lo: number;
  hi: number;
}

/** What a load holds of one host's log: every line in [lo, hi] (whole), or only its recorded lines there. */
export interface Held extends Interval {
  host: string;
  whole: boolean;
  /** The night that loaded it (absent for files of the night being loaded). */
  night?: string;
}

/** The span of one host's lines in the file being loaded. */
export interface FileHostSpan {
  host: string;
  first: number;
  last: number;
  /** The largest step back in time between consecutive lines (hostSpans.ts). */
  maxBack: number;
}

/** What to do with one host's lines of a file. */
export interface HostPlan {
  host: string;
  /** Lines here were loaded before (held whole): skipped. */
  skipWhole: Interval[];
  /** Lines here may have been loaded before (an earlier load's edge): skipped when an earlier load holds the same line. */
  matchEdge: Interval[];
  /** What this file newly holds: whole ranges, and edge ranges whose loaded lines are recorded. */
  holds: Held[];
  /** The nights whose holdings this file's span meets (for the run's message). */
  nights: string[];
}

/** The host of holdings known only by their time (nights loaded before hosts were recorded): every host's. */
export const ANY_HOST = '*';

/** One tick of a classic timestamp: the smallest edge. */
export const MIN_EDGE_MS = 1000;

/** Sorted, merged, inclusive; touching ranges (hi + 1 = lo) merged. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.lo <= i.hi).map((i) => ({ lo: i.lo, hi: i.hi })).sort((a, b) => a.lo - b.lo);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.lo <= last.hi + 1) last.hi = Math.max(last.hi, i.hi);
    else out.push(i);
  }
  return out;
}

/** a ∩ b. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const lo = Math.max(x[i]!.lo, y[j]!.lo);
    const hi = Math.min(x[i]!.hi, y[j]!.hi);
    if (lo <= hi) out.push({ lo, hi });
    if (x[i]!.hi < y[j]!.hi) i++;
    else j++;
  }
  return out;
}

/** a \ b. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const y = normalize(b);
  const out: Interval[] = [];
  for (const piece of normalize(a)) {
    let lo = piece.lo;
    for (const cut of y) {
      if (cut.hi < lo || cut.lo > piece.hi) continue;
      if (cut.lo > lo) out.push({ lo, hi: cut.lo - 1 });
      lo = Math.max(lo, cut.hi + 1);
      if (lo > piece.hi) break;
    }
    if (lo <= piece.hi) out.push({ lo, hi: piece.hi });
  }
  return out;
}

/** The width of a span's edges: one tick, or twice the worst disorder seen in the file. */
export function edgeWidth(span: FileHostSpan): number {
  return Math.max(MIN_EDGE_MS, 2 * span.maxBack);
}

/**
 * The plan for one file, given what earlier loads hold (`prior`: other nights, and this night's earlier files).
 * Per host of the file: the ranges to skip, the ranges to match line by line, and what the file then holds.
 */
export function planFile(spans: readonly FileHostSpan[], prior: readonly Held[]): HostPlan[] {
  return spans.map((span) => {
    const mine = prior.filter((h) => h.host === span.host || h.host === ANY_HOST);
    const extent: Interval[] = [{ lo: span.first, hi: span.last }];
    const edge = edgeWidth(span);
    const inner: Interval[] = [{ lo: span.first + edge, hi: span.last - edge }];
    const priorWhole = normalize(mine.filter((h) => h.whole));
    const priorAll = normalize(mine);
    const skipWhole = intersect(extent, priorWhole);
    const matchEdge = intersect(extent, subtract(priorAll, priorWhole));
    const newWhole = subtract(inner, priorAll);
    const newEdge = subtract(subtract(extent, priorWhole), newWhole);
    const nights = [...new Set(mine.filter((h) => h.night !== undefined && intersect(extent, [h]).length > 0).map((h) => h.night!))].sort();
    return {
      host: span.host,
      skipWhole,
      matchEdge,
      holds: [
        ...newWhole.map((i) => ({ ...i, host: span.host, whole: true })),
        ...newEdge.map((i) => ({ ...i, host: span.host, whole: false })),
      ].sort((a, b) => a.lo - b.lo),
      nights,
    };
  });
}
