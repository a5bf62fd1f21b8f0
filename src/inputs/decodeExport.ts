/**
 * Bytes of an export file → Unicode text (SPEC §3, §3.6). UTF-8 (BOM or not) and UTF-16 LE/BE ("Unicode text" from
 * Excel) are read as they are; a file in a legacy Vietnamese encoding (TCVN3 or VNI, raw 8-bit or saved through a
 * Unicode editor) is converted to Unicode TCVN 6909:2001 as the regulations require (002 Điều 5 khoản 2; 003 Điều 5
 * khoản 2; 004 Điều 3 khoản 4), with a note naming the encoding. Pure: no I/O.
 */
import {
  convertLegacy,
  decodeBytes,
  detectLegacy,
  LEGACY_ENCODING_LABELS,
  type LegacyEncoding,
  type TextEncoding,
} from '../text/legacyEncoding.ts';
import { decodeWindows1258, isSureWindows1258, lostLetters, readsAsWindows1258 } from '../text/legacy/windows1258.ts';

export type DecodeOutcome =
  /** Readable: `notes` say what was converted (for the run's warnings). */
  | { kind: 'text'; text: string; encoding: TextEncoding | 'windows-1258'; legacy: LegacyEncoding | null; notes: string[] }
  /** Not text at all (a binary file or a spreadsheet under a .csv name): the run fails. */
  | { kind: 'binary'; reason: string }
  /** 8-bit text in no encoding we can recognise with confidence, or whose Vietnamese letters were lost at export:
   * the night fails on it (or, with --partial, the file is quarantined). */
  | { kind: 'unsure'; reason: string };

/** How to save an export so it reads right (the message of every file refused for its encoding). */
export const RESAVE_ADVICE = 'hãy mở tệp gốc trong Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)" (hoặc gửi tệp .xlsx)';

const ENCODING_LABELS: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': '8-bit',
};

/** Characters legacy encodings use for Vietnamese letters (the Windows-1252 reading of their bytes). */
const LATIN1 = /[\u0080-\u00ff]/;

/** Characters of evidence the whole-file detection looks at (lines with Latin-1 letters, from the start). */
const DETECTION_SAMPLE_CHARS = 256 * 1024;

/**
 * The lines of `text` that can carry legacy evidence (characters U+0080–U+00FF), up to DETECTION_SAMPLE_CHARS:
 * detection reads a sample from the start anyway, and building it this way keeps a 40 MB registry fast.
 */
function detectionSample(text: string): string {
  if (text.length <= DETECTION_SAMPLE_CHARS) return text;
  const parts: string[] = [];
  let size = 0;
  let start = 0;
  while (start < text.length && size < DETECTION_SAMPLE_CHARS) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    if (LATIN1.test(line)) {
      parts.push(line);
      size += line.length + 1;
    }
    start = end + 1;
  }
  return parts.join('\n');
}

/** Decodes a whole export file and converts legacy text; `file` names it in notes. */
export function decodeExport(file: string, bytes: Uint8Array): DecodeOutcome {
  const decoded = decodeBytes(bytes);
  if ((decoded.encoding === 'utf-8' || decoded.encoding === 'windows-1252') && decoded.text.includes('\u0000')) {
    return { kind: 'binary', reason: 'tệp chứa byte 0 — không phải tệp văn bản (có thể là tệp nhị phân hoặc bảng tính .xlsx đặt tên .csv)' };
  }
  const notes: string[] = [];
  if (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be') {
    notes.push(`${file}: đọc theo bảng mã ${ENCODING_LABELS[decoded.encoding]} (Unicode text của Excel)`);
  }
  if (decoded.encoding === 'windows-1252') {
    // Excel's "CSV (Comma delimited)" on a Vietnamese-locale Windows: base letters and combining tone marks
    const w1258 = readsAsWindows1258(bytes);
    if (isSureWindows1258(w1258)) {
      notes.push(`${file}: đọc theo bảng mã Windows-1258 (CSV của Excel trên Windows tiếng Việt), đã chuyển sang Unicode dựng sẵn (NFC)`);
      return lettersKept(file, { kind: 'text', text: decodeWindows1258(bytes), encoding: 'windows-1258', legacy: null, notes });
    }
  }
  const legacy = detectLegacy(detectionSample(decoded.text));
  if (legacy !== null) {
    notes.push(
      `${file}: văn bản theo bảng mã ${LEGACY_ENCODING_LABELS[legacy.encoding]} đã được chuyển sang Unicode TCVN 6909:2001 ` +
        `(độ tin cậy ${legacy.confidence.toFixed(2)})`,
    );
    return { kind: 'text', text: convertLegacy(decoded.text, legacy.encoding), encoding: decoded.encoding, legacy: legacy.encoding, notes };
  }
  if (decoded.encoding === 'windows-1252') {
    const lost = lostLetters(decoded.text);
    if (lost.length > 0) return lettersKept(file, { kind: 'text', text: decoded.text, encoding: decoded.encoding, legacy: null, notes });
    return {
      kind: 'unsure',
      reason:
        'tệp không phải Unicode (UTF-8/UTF-16) và không nhận ra chắc chắn bảng mã Windows-1258, TCVN3 hay VNI — ' +
        `${RESAVE_ADVICE}, theo Unicode TCVN 6909:2001`,
    };
  }
  return lettersKept(file, { kind: 'text', text: decoded.text, encoding: decoded.encoding, legacy: null, notes });
}

/** A readable file, unless its Vietnamese letters became "?" at export (then refused: the bytes no longer hold them). */
function lettersKept(file: string, outcome: DecodeOutcome & { kind: 'text' }): DecodeOutcome {
  const lost = lostLetters(outcome.text.length > 2_000_000 ? outcome.text.slice(0, 2_000_000) : outcome.text);
  if (lost.length === 0) return outcome;
  const shown = lost.slice(0, 3).map((w) => `"${w}"`).join(', ');
  return {
    kind: 'unsure',
    reason:
      `các chữ tiếng Việt đã bị thay bằng dấu "?" khi xuất tệp (ví dụ ${shown}): máy xuất tệp không dùng bảng mã tiếng ` +
      `Việt nên các chữ đó đã mất, không khôi phục được — ${RESAVE_ADVICE}`,
  };
}

/**
 * A per-cell repair for files that mix Unicode with legacy text: converts a cell `detectLegacy` flags and counts
 * conversions by encoding. Results are memoised (names, departments and titles repeat thousands of times).
 */
export function legacyCellFixer(): { fix: (text: string) => string; converted: Map<LegacyEncoding, number> } {
  const memo = new Map<string, { text: string; encoding: LegacyEncoding | null }>();
  const converted = new Map<LegacyEncoding, number>();
  const fix = (text: string): string => {
    if (!LATIN1.test(text)) return text;
    let hit = memo.get(text);
    if (hit === undefined) {
      const legacy = detectLegacy(text);
      hit = legacy === null ? { text, encoding: null } : { text: convertLegacy(text, legacy.encoding), encoding: legacy.encoding };
      memo.set(text, hit);
    }
    if (hit.encoding !== null) converted.set(hit.encoding, (converted.get(hit.encoding) ?? 0) + 1);
    return hit.text;
  };
  return { fix, converted };
}
