// Reading a log line's bytes fast (fastPath.ts, fastTimestamp.ts): byte values by name, character classes as table
// lookups, comparisons without building strings, and native searches (Buffer#indexOf) remembered across the lines of
// a chunk. A JavaScript loop costs about 1.5 ns a byte on the 2-core machines this runs on; these keep it off the
// long runs.

/** Bytes of a latin1 text (a pattern to compare or search for). */
export const bytes = (s: string) => Buffer.from(s, 'latin1');

export const SP = 32;
export const LT = 60;
export const GT = 62;
export const LB = 91; // [
export const RB = 93; // ]
export const COLON = 58;
export const COMMA = 44;
export const AT = 64;
export const EQ = 61;
export const LP = 40;
export const RP = 41;
export const US = 0x1f; // the row separator
export const DASH = 45;
export const DOT = 46;
export const PLUS = 43;
export const T_UPPER = 84;
export const Z_UPPER = 90;
/** 10^k for k ≤ 15, each exact in a double. */
export const POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

// character classes, one bit each
export const DIGIT = 1;
export const ALNUM = 2;
export const HOST = 4; // letters, digits, . - _ (none of them can start a pflogsumm pattern)
export const PROGRAM = 8; // lower-case letters, digits, / - _ .
export const HEX_UPPER = 16; // parseLine's QUEUE_ID: [0-9A-F]
export const LONG_ID = 32; // [0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]
export const SPACE = 64; // Perl's \s on bytes
export const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const digit = c >= 48 && c <= 57;
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const vowel = 'aeiouAEIOU'.includes(String.fromCharCode(c));
  CLASS[c] =
    (digit ? DIGIT : 0) | (digit || upper || lower ? ALNUM : 0) |
    (digit || upper || lower || c === 46 || c === 45 || c === 95 ? HOST : 0) |
    (digit || lower || c === 47 || c === 45 || c === 95 || c === 46 ? PROGRAM : 0) |
    (digit || (c >= 65 && c <= 70) ? HEX_UPPER : 0) | (digit || ((upper || lower) && !vowel) ? LONG_ID : 0) |
    (c === 32 || (c >= 9 && c <= 13) ? SPACE : 0);
}

/** Buffer#latin1Slice (what `toString('latin1', s, e)` ends in, without its argument checks). */
export const latin1 = (b: Buffer, s: number, e: number): string => (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(s, e);

export function startsWith(b: Buffer, at: number, end: number, p: Buffer): boolean {
  if (at + p.length > end) return false;
  for (let k = 0; k < p.length; k++) if (b[at + k] !== p[k]) return false;
  return true;
}

export function sameBytes(b: Buffer, s: number, e: number, p: Buffer): boolean {
  return e - s === p.length && startsWith(b, s, e, p);
}

/** The seconds of the day of an `hh:mm:ss` at t, in ms (Date.UTC's arithmetic: 12:60 is 13:00). */
export function hmsMs(b: Buffer, t: number): number {
  return ((b[t]! - 48) * 10 + b[t + 1]! - 48) * 3_600_000 + ((b[t + 3]! - 48) * 10 + b[t + 4]! - 48) * 60_000 +
    ((b[t + 6]! - 48) * 10 + b[t + 7]! - 48) * 1000;
}

/** b[s, s + n) equals p[0, n). */
export function sameStart(b: Buffer, s: number, p: Buffer, n: number): boolean {
  for (let k = 0; k < n; k++) if (b[s + k] !== p[k]) return false;
  return true;
}

export function digits(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let k = s; k < e; k++) n = n * 10 + (b[k]! - 48);
  return n;
}

/**
 * Where the last native search for each byte value in the current chunk started, and what it found (Infinity: none
 * to the chunk's end). A search runs to the next such byte, past the line's end; in a log where the byte is rare
 * (`_` and `,` in a plain relay's client= lines) one search would scan megabytes for every line. Remembering its
 * answer makes each byte value's searches cover a chunk once in all.
 */
const searchedFrom = new Float64Array(256);
const foundAt = new Float64Array(256);
let searched: Buffer | null = null;

/** Forgets the searches of the previous chunk (FastPath.chunk). */
export function newChunk(b: Buffer): void {
  searched = b;
  searchedFrom.fill(Infinity);
}

/** Index of byte `c` in b[from, end), or -1: a native search, reused while later lines ask before what it found. */
export function indexIn(b: Buffer, c: number, from: number, end: number): number {
  if (b !== searched) newChunk(b);
  let at = foundAt[c]!;
  if (searchedFrom[c]! > from || at < from) {
    const i = b.indexOf(c, from);
    at = i < 0 ? Infinity : i;
    searchedFrom[c] = from;
    foundAt[c] = at;
  }
  return at < end ? at : -1;
}

/** First index of `p` in b[from, end), or -1 (its first byte found by the native search, which stops soon: the
 * patterns start with common letters). */
export function find(b: Buffer, from: number, end: number, p: Buffer): number {
  const first = p[0]!;
  for (let k = b.indexOf(first, from); k >= 0 && k + p.length <= end; k = b.indexOf(first, k + 1)) {
    if (startsWith(b, k, end, p)) return k;
  }
  return -1;
}
