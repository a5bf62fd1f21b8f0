/**
 * Windows-1252, the code page Excel and Notepad on Vietnamese Windows fall back to when a file is not Unicode.
 * Decoding follows the WHATWG Encoding Standard: 0x80–0x9F per the code page, the five undefined bytes
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) to the C1 control of the same number, every other byte to U+00xx.
 */

/** Code points of bytes 0x80–0x9F. */
const HIGH_CONTROLS: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d,
  0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x009d, 0x017e, 0x0178,
];

const BYTE_OF = new Map<number, number>(HIGH_CONTROLS.map((codePoint, i) => [codePoint, 0x80 + i]));

/** Decodes bytes as Windows-1252; never fails (every byte has a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (b) =>
      b >= 0x80 && b <= 0x9f ? (HIGH_CONTROLS[b - 0x80] ?? b) : b,
    );
    chars.push(String.fromCharCode(...codes));
  }
  return chars.join('');
}

/**
 * Encodes text as Windows-1252 bytes: the inverse of decodeWindows1252, so a legacy byte string from
 * `encodeLegacy` becomes the bytes an old system would have written. Also accepts U+0080–U+009F (a Latin-1
 * reading) as the same byte. Throws RangeError naming the first character the code page cannot hold.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code <= 0xff ? code : BYTE_OF.get(code);
    if (byte === undefined) {
      throw new RangeError(`Ký tự "${text.charAt(i)}" (U+${code.toString(16).toUpperCase()}) không có trong Windows-1252`);
    }
    bytes[i] = byte;
  }
  return bytes;
}
