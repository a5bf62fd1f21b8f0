/**
 * Turns the raw bytes of an export into text, whatever the old system or Excel wrote (SPEC §3.6): UTF-8 with or
 * without BOM, Excel's "Unicode text" (UTF-16 LE with BOM), UTF-16 without BOM, and 8-bit files. 8-bit files are
 * read as Windows-1252, which keeps every byte recoverable, so TCVN3/VNI bytes come out as the same "byte string"
 * that `detectLegacy` and `convertLegacy` work on.
 */
import { decodeWindows1252 } from './windows1252.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when the input started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/** Share of NUL bytes in one byte lane above which ASCII-heavy text is taken to be UTF-16 without BOM. */
const UTF16_NUL_LANE_SHARE = 0.3;
/** …while the other lane must be almost free of NULs. */
const UTF16_OTHER_LANE_MAX_SHARE = 0.05;
/** Bytes inspected to recognise BOM-less UTF-16. */
const UTF16_SAMPLE_BYTES = 64 * 1024;

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const units = Math.floor(bytes.length / 2);
  const chunks: string[] = [];
  for (let start = 0; start < units; start += 8192) {
    const codes: number[] = [];
    for (let u = start; u < Math.min(units, start + 8192); u++) {
      const lo = bytes[2 * u + (littleEndian ? 0 : 1)] ?? 0;
      const hi = bytes[2 * u + (littleEndian ? 1 : 0)] ?? 0;
      codes.push((hi << 8) | lo);
    }
    chunks.push(String.fromCharCode(...codes));
  }
  // A trailing odd byte cannot be a code unit: mark it rather than drop it silently.
  return chunks.join('') + (bytes.length % 2 === 1 ? '\ufffd' : '');
}

/** Which lane of NULs a BOM-less buffer shows: 'utf-16le' (NUL high bytes), 'utf-16be', or null. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, UTF16_SAMPLE_BYTES));
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs >= UTF16_NUL_LANE_SHARE && evenNul / pairs <= UTF16_OTHER_LANE_MAX_SHARE) return 'utf-16le';
  if (evenNul / pairs >= UTF16_NUL_LANE_SHARE && oddNul / pairs <= UTF16_OTHER_LANE_MAX_SHARE) return 'utf-16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes export bytes. Order: BOM (UTF-8, UTF-16 LE, UTF-16 BE) → BOM-less UTF-16 recognised by its NUL bytes →
 * strict UTF-8 → Windows-1252. A UTF-8 BOM followed by invalid UTF-8 falls back to Windows-1252 for the rest.
 * Never throws: every byte sequence has a reading, and the caller decides what to do with legacy text.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const body = bytes.subarray(3);
    try {
      return { text: strictUtf8.decode(body), encoding: 'utf-8', bom: true };
    } catch {
      return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: true };
    }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be', bom: true };
  }
  const utf16 = bytes.includes(0) ? sniffUtf16(bytes) : null;
  if (utf16 !== null) return { text: decodeUtf16(bytes, utf16 === 'utf-16le'), encoding: utf16, bom: false };
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
}
