/**
 * Recognises text written in a legacy Vietnamese encoding, so ingest can convert it to the Unicode TCVN 6909:2001
 * the regulations require (002 Điều 5 khoản 2; 003 Điều 5 khoản 2; 004 Điều 3 khoản 4) and say so in the run
 * summary. Works on the Windows-1252/Latin-1 reading of the legacy bytes: raw 8-bit files decoded by `decodeBytes`
 * and UTF-8 mojibake ("NguyÔn V¨n An", "Nguyeãn Vaên An") alike.
 */
import { convertLegacy, LEGACY_ENCODINGS, type LegacyEncoding, UNICODE_VIETNAMESE } from './convert.ts';
import { isVietnameseSyllable } from './syllable.ts';
import { isTcvn3Char } from './tcvn3.ts';
import { countVniChars } from './vni.ts';

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /**
   * 0–1: share of non-ASCII words the conversion turns into Vietnamese syllables (words already Vietnamese count a
   * quarter) × share of non-ASCII characters it reads as legacy letters × context: the share of all words that
   * read as Vietnamese after conversion (counted in full from 60% once three distinct words were repaired).
   */
  confidence: number;
  /** Words with non-ASCII characters that were not Vietnamese syllables and become one after conversion. */
  wordsRepaired: number;
  /** Words with non-ASCII characters inspected. */
  wordsAffected: number;
}

/** Below this confidence the text is not flagged. */
const MIN_CONFIDENCE = 0.6;
/** With fewer distinct repaired words than this, the evidence is weak: confidence is scaled by the share of all
 * words that read as Vietnamese after conversion. */
const STRONG_EVIDENCE_WORDS = 3;
/** With strong evidence, a Vietnamese share at or above this counts fully (exports mix names with codes and
 * user names); below it confidence falls off, so Norwegian "på … må … å" stays unflagged. */
const FULL_CONTEXT_SHARE = 0.6;
/**
 * Weight of a word that already reads as Vietnamese ("chÕ", "Tù": TCVN3 for chế, tự, but also Unicode chõ, tù):
 * such words are common in legacy text, so they count against a legacy reading only a quarter as much as a word
 * that stays foreign after conversion.
 */
const VALID_BEFORE_WEIGHT = 0.25;
/** Words with non-ASCII characters inspected at most (a sample from the start of a large file). */
const MAX_AFFECTED_WORDS = 20_000;

/** Official abbreviations with Đ (HĐND, QĐ, TTĐT): after conversion they are as good as a syllable. */
const ABBREVIATION_WITH_D = /^[A-Z]*Đ[A-ZĐ]*$/;
/** Emails and URLs are never Vietnamese words; drop them before counting. */
const NOT_PROSE = /\S+@\S+|https?:\/\/\S+/g;
/** Word characters: ASCII letters, every Latin-1 character a legacy encoding may use as a letter, Latin
 * Extended, combining marks and Vietnamese. Everything else (digits, ASCII punctuation, spaces, “ ” – …) splits. */
const SEPARATORS = /[^A-Za-z\u00ad\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]+/;

function legacyCharCount(word: string, encoding: LegacyEncoding): number {
  if (encoding === 'vni') return countVniChars(word);
  let count = 0;
  for (const char of word) if (isTcvn3Char(char)) count += 1;
  return count;
}

interface Tally {
  encoding: LegacyEncoding;
  words: number;
  vietnameseWords: number;
  affected: number;
  /** Affected words with a Vietnamese letter outside Latin-1 (ă, ơ, ư, đ, ạ …): certainly Unicode already. */
  unicodeWords: number;
  /** Other affected words that are Vietnamese syllables as they stand (weak evidence against a legacy reading). */
  validBefore: number;
  repaired: number;
  /** The distinct repaired words: "× × ×" in a table is one piece of evidence, not three. */
  repairedWords: Set<string>;
  nonAsciiChars: number;
  legacyChars: number;
}

/** Words inspected at most, ASCII included (a sample from the start of a large file). */
const MAX_WORDS = 200_000;

/** isVietnameseSyllable with a per-call memo: exports repeat the same names and words thousands of times. */
function memoised(): (word: string) => boolean {
  const memo = new Map<string, boolean>();
  return (word) => {
    let valid = memo.get(word);
    if (valid === undefined) {
      valid = isVietnameseSyllable(word);
      memo.set(word, valid);
    }
    return valid;
  };
}

/** An ASCII word in capitals (UBND, VT, II) is an abbreviation or numeral: neither Vietnamese nor foreign prose. */
const ASCII_CAPITALS = /^[A-Z]+$/;

function tally(words: readonly string[], encoding: LegacyEncoding, isSyllable: (w: string) => boolean): Tally {
  const t: Tally = {
    encoding,
    words: 0,
    vietnameseWords: 0,
    affected: 0,
    unicodeWords: 0,
    validBefore: 0,
    repaired: 0,
    repairedWords: new Set(),
    nonAsciiChars: 0,
    legacyChars: 0,
  };
  for (const word of words) {
    const ascii = !/[^\x00-\x7f]/.test(word);
    if (ascii && (word.length < 2 || ASCII_CAPITALS.test(word))) continue;
    t.words += 1;
    if (ascii) {
      if (isSyllable(word)) t.vietnameseWords += 1;
      continue;
    }
    if (t.affected >= MAX_AFFECTED_WORDS) break;
    t.affected += 1;
    const converted = convertLegacy(word, encoding);
    const after = isSyllable(converted) || ABBREVIATION_WITH_D.test(converted);
    if (after) t.vietnameseWords += 1;
    if (UNICODE_VIETNAMESE.test(word)) t.unicodeWords += 1;
    else if (isSyllable(word)) t.validBefore += 1;
    else if (after) {
      t.repaired += 1;
      t.repairedWords.add(word);
    }
    t.nonAsciiChars += word.replace(/[\x00-\x7f]/g, '').length;
    t.legacyChars += legacyCharCount(word, encoding);
  }
  return t;
}

function confidenceOf(t: Tally): number {
  const distinct = [...t.repairedWords];
  // One-character words ("ë" = ở, but also "×", "å") are too easy to repair by accident to stand alone.
  if (distinct.length === 0 || (distinct.length < STRONG_EVIDENCE_WORDS && distinct.every((w) => w.length < 2))) {
    return 0;
  }
  const foreignAfter = t.affected - t.unicodeWords - t.validBefore;
  const wordShare = t.repaired / (foreignAfter + t.unicodeWords + VALID_BEFORE_WEIGHT * t.validBefore);
  const charShare = t.nonAsciiChars === 0 ? 0 : Math.min(1, t.legacyChars / t.nonAsciiChars);
  const vietnameseShare = t.vietnameseWords / t.words;
  const context =
    distinct.length >= STRONG_EVIDENCE_WORDS ? Math.min(1, vietnameseShare / FULL_CONTEXT_SHARE) : vietnameseShare;
  return Math.round(wordShare * charShare * context * 1000) / 1000;
}

/**
 * Says whether `text` is TCVN3 or VNI read as Windows-1252, and how sure it is; null when it is neither (plain
 * ASCII, ordinary Unicode Vietnamese such as "Nguyễn", French or English with a few accents such as "café").
 * A word counts as evidence when it is not a Vietnamese syllable as it stands but becomes one after conversion
 * ("V¨n" → "Văn", "Vaên" → "Văn"). Words holding Vietnamese letters beyond Latin-1 count against a legacy
 * reading, so text that is mostly Unicode with a legacy name inside is not flagged (check such text field by
 * field). When both encodings explain the text equally well ("Löu": VNI Lưu, TCVN3 Lửu) the answer is null.
 */
export function detectLegacy(text: string): LegacyDetection | null {
  if (!/[\u0080-\u00ff]/.test(text)) return null;
  const words = text
    .replace(NOT_PROSE, ' ')
    .split(SEPARATORS)
    .filter((w) => w.length > 0)
    .slice(0, MAX_WORDS);
  const isSyllable = memoised();
  const ranked = LEGACY_ENCODINGS.map((encoding) => {
    const t = tally(words, encoding, isSyllable);
    return { t, confidence: confidenceOf(t) };
  }).sort((a, b) => b.confidence - a.confidence || b.t.repaired - a.t.repaired);
  const [best, runnerUp] = ranked;
  if (best === undefined || best.confidence < MIN_CONFIDENCE) return null;
  if (runnerUp !== undefined && runnerUp.confidence === best.confidence && runnerUp.t.repaired === best.t.repaired) {
    return null; // both readings explain the text equally well: do not guess
  }
  return {
    encoding: best.t.encoding,
    confidence: best.confidence,
    wordsRepaired: best.t.repaired,
    wordsAffected: best.t.affected,
  };
}
