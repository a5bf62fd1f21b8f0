// A staged row's fields written as bytes straight into its writer's buffer (rowWriter.ts), as the fast path writes
// them: the same bytes stagedRows.ts writes from a parsed event (`String(n)`, `\\N`, the text as read), without
// building a string per field.
import type { RowWriter } from './rowWriter.ts';

/** `line` wrote an event's row. */
export const WROTE = 1;

/** Ends the row begun at w.used and written up to `p`. */
export function endRow(w: RowWriter, p: number): number {
  w.out[p] = 10;
  w.used = p + 1;
  w.rows++;
  return WROTE;
}

/** String(n) for a safe integer, as bytes (two digits a step below 2³¹, where integer division is cheap). */
export function writeInt(o: Buffer, p: number, n: number): number {
  if (n < 0) {
    o[p++] = 45;
    n = -n;
  }
  if (n >= 0x80000000) {
    let len = 1;
    for (let x = n; x >= 10; len++) x = Math.floor(x / 10);
    let k = p + len;
    do {
      const q = Math.floor(n / 10);
      o[--k] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
    return p + len;
  }
  const len = n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : n < 1e9 ? 9 : 10;
  let k = p + len;
  while (n >= 100) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    o[--k] = DIGIT_PAIRS[r + 1]!;
    o[--k] = DIGIT_PAIRS[r]!;
    n = q;
  }
  if (n >= 10) {
    o[--k] = DIGIT_PAIRS[(n << 1) + 1]!;
    o[--k] = DIGIT_PAIRS[n << 1]!;
  } else o[--k] = 48 + n;
  return p + len;
}
/** "00", "01", … "99" as bytes. */
const DIGIT_PAIRS = Buffer.from(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join(''), 'latin1');

export function writeNull(o: Buffer, p: number): number {
  o[p] = 92; // "\N", the staging files' NULL
  o[p + 1] = 78;
  return p + 2;
}

export function copy(b: Buffer, s: number, e: number, o: Buffer, p: number): number {
  if (e - s > 24) return p + b.copy(o, p, s, e);
  for (let k = s; k < e; k++) o[p++] = b[k]!;
  return p;
}

export function copyLower(b: Buffer, s: number, e: number, o: Buffer, p: number): number {
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    o[p++] = c >= 65 && c <= 90 ? c + 32 : c;
  }
  return p;
}

/** parseLine.lowerDomain: the part from the first "@" lower-cased, the local part kept. */
export function copyLowerDomain(b: Buffer, s: number, e: number, atSign: number, o: Buffer, p: number): number {
  if (atSign < 0) return copy(b, s, e, o, p);
  p = copy(b, s, atSign, o, p);
  return copyLower(b, atSign, e, o, p);
}
