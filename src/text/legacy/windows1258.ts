/**
 * Windows-1258, the code page Excel's "CSV (Comma delimited)" writes on a Vietnamese-locale Windows (SPEC §3): the
 * letters ă â đ ê ô ơ ư as single bytes, tones as combining marks after the vowel (0xCC grave, 0xEC acute, 0xD2 hook
 * above, 0xDE tilde, 0xF2 dot below). Read here, and composed to NFC, the Unicode TCVN 6909:2001 the regulations
 * require (002 Điều 5 khoản 2). Pure: no I/O; the WHATWG decoder Node and browsers share does the byte mapping.
 */
import { isVietnameseSyllable } from './syllable.ts';

const decoder = new TextDecoder('windows-1258');

/** Bytes Windows-1258 gives Vietnamese meanings that Windows-1252 does not (the five tone marks, Ă ă Đ đ Ơ ơ Ư ư). */
const VIETNAMESE_BYTES = new Set([0xcc, 0xec, 0xd2, 0xde, 0xf2, 0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd]);

/** Bytes of evidence looked at (a sample from the start of a large file). */
const SAMPLE_BYTES = 256 * 1024;
/** Distinct words below which the evidence is too thin to decide. */
const MIN_WORDS = 3;
/** Share of the non-ASCII words that must read as Vietnamese syllables. */
const MIN_SHARE = 0.9;

/** Word characters once composed: letters of Latin-1 and Latin Extended, and Vietnamese. */
const WORD = /[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+/g;

/** The text of Windows-1258 bytes, composed (NFC). */
export function decodeWindows1258(bytes: Uint8Array): string {
  return decoder.decode(bytes).normalize('NFC');
}

export interface Windows1258Reading {
  /** Share (0–1) of the distinct non-ASCII words of the sample that are Vietnamese syllables once read so. */
  confidence: number;
  /** Distinct non-ASCII words looked at. */
  words: number;
}

/**
 * How well 8-bit `bytes` read as Windows-1258 Vietnamese: null when they hold none of its Vietnamese bytes or too few
 * words to tell; otherwise the share of words that become Vietnamese syllables. TCVN3 or VNI bytes read this way give
 * non-words ("NguyÔn", "Nguyeăn"), so the share separates them.
 */
export function readsAsWindows1258(bytes: Uint8Array): Windows1258Reading | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES));
  if (!sample.some((b) => VIETNAMESE_BYTES.has(b))) return null;
  const words = new Set((decodeWindows1258(sample).match(WORD) ?? []).filter((w) => /[^\x00-\x7f]/.test(w)));
  if (words.size < MIN_WORDS) return null;
  let vietnamese = 0;
  for (const w of words) if (isVietnameseSyllable(w)) vietnamese++;
  return { confidence: vietnamese / words.size, words: words.size };
}

/** Whether a reading is sure enough to convert the file. */
export const isSureWindows1258 = (r: Windows1258Reading | null): r is Windows1258Reading => r !== null && r.confidence >= MIN_SHARE;

/** A word with "?" between two of its letters: what Excel leaves of a Vietnamese letter its code page lacks ("Nguy?n",
 * "Tr?n", "D??ng"). Inside a word only, since a question in a note ends a word with "?". */
const LOST_WORD = /[\p{L}?]*\p{L}\?+\p{L}[\p{L}?]*/gu;
const URL = /\b(?:https?|ftp):\/\/\S+/g;

/**
 * Words whose Vietnamese letters became "?" when the file was saved in a code page without them (Excel's "CSV" on a
 * Windows that is not set to Vietnamese): at least `min` distinct ones, URLs (whose "?" starts a query) left out. The
 * letters are gone from the bytes; only a new export can bring them back.
 */
export function lostLetters(text: string, min = 3): string[] {
  const found = new Set<string>();
  for (const m of text.replace(URL, ' ').matchAll(LOST_WORD)) {
    found.add(m[0]);
    if (found.size >= 20) break;
  }
  return found.size >= min ? [...found] : [];
}
