/**
 * Legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows): byte decoding, detection and conversion to the Unicode
 * TCVN 6909:2001 the regulations require (002 Điều 5 khoản 2; 003 Điều 5 khoản 2; 004 Điều 3 khoản 4).
 * Pure functions, no I/O; safe in the browser. The tables and their case rules are documented in ./legacy/.
 *
 * Typical use on an export: `decodeBytes(bytes)` → `repairLegacy(text)` (whole file, or field by field when a file
 * mixes Unicode and legacy text).
 */
import { convertLegacy, UNICODE_VIETNAMESE } from './legacy/convert.ts';
import { detectLegacy, type LegacyDetection } from './legacy/detect.ts';

export { decodeBytes, type DecodedText, type TextEncoding } from './legacy/decodeBytes.ts';
export {
  convertLegacy,
  encodeLegacy,
  LEGACY_ENCODING_LABELS,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
} from './legacy/convert.ts';
export { detectLegacy, type LegacyDetection } from './legacy/detect.ts';
export { isVietnameseSyllable } from './legacy/syllable.ts';
export { VIETNAMESE_LETTERS, VIETNAMESE_LOWER_LETTERS } from './legacy/letters.ts';
export { decodeWindows1252, encodeWindows1252 } from './legacy/windows1252.ts';

/**
 * Detects a legacy encoding and, if found, converts: returns the Unicode text and what was detected, or the text
 * unchanged with `legacy: null`. Never converts text that `detectLegacy` does not flag. A line that already holds
 * a Vietnamese letter beyond Latin-1 (a row added or fixed in Unicode inside a legacy file) is kept as it is, since
 * converting it would silently turn its Latin-1 letters into other letters ("Bình" → "Bỡnh").
 */
export function repairLegacy(text: string): { text: string; legacy: LegacyDetection | null } {
  const legacy = detectLegacy(text);
  if (legacy === null) return { text, legacy };
  const lines = text.split(/(\r\n|\n|\r)/);
  const repaired = lines.map((line) => (UNICODE_VIETNAMESE.test(line) ? line : convertLegacy(line, legacy.encoding)));
  return { text: repaired.join(''), legacy };
}
