/**
 * TCVN3 (TCVN 5712:1993, variant VN3, the "ABC" fonts .VnTime/.VnTimeH) ↔ Unicode TCVN 6909:2001.
 *
 * Legacy text is handled as a "byte string": one character per legacy byte, as a Windows-1252/Latin-1 reading of
 * the bytes gives it (e.g. "NguyÔn V¨n An"). Every TCVN3 letter lives in 0xA1–0xFE, where Windows-1252 and Latin-1
 * agree, so either reading works.
 *
 * Capitals: VN3 has distinct code points only for the seven bare capitals Ă Â Ê Ô Ơ Ư Đ. A capital with a tone mark
 * was shown by switching to an uppercase font (.VnTimeH) that draws the *lowercase* code point as a capital, so the
 * bytes do not say whether "Ễ" or "ễ" was meant. We therefore decode those code points to the lowercase letter and
 * capitalise nothing we cannot know; encoding a toned capital writes its lowercase code point (what .VnTimeH users
 * produced). The VN1 capital slots (0x80–0x9F and a few others) are not part of VN3 and are left untouched, so
 * Windows punctuation such as “ ” – keeps its meaning.
 */
import { composeLetter, splitTone, TONE_MARKS, TONES, type Tone, type VowelBase } from './letters.ts';

/** Byte per tone (order of TONES: none, sắc, huyền, hỏi, ngã, nặng); null where the letter is plain ASCII. */
const TONED_BYTES: ReadonlyArray<[VowelBase, ReadonlyArray<number | null>]> = [
  ['a', [null, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9]],
  ['ă', [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6]],
  ['â', [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb]],
  ['e', [null, 0xd0, 0xcc, 0xce, 0xcf, 0xd1]],
  ['ê', [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6]],
  ['i', [null, 0xdd, 0xd7, 0xd8, 0xdc, 0xde]],
  ['o', [null, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4]],
  ['ô', [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9]],
  ['ơ', [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee]],
  ['u', [null, 0xf3, 0xef, 0xf1, 0xf2, 0xf4]],
  ['ư', [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9]],
  ['y', [null, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe]],
];

/** đ and the seven capitals VN3 can write. */
const SINGLE_BYTES: ReadonlyArray<[string, number]> = [
  ['đ', 0xae],
  ['Ă', 0xa1],
  ['Â', 0xa2],
  ['Ê', 0xa3],
  ['Ô', 0xa4],
  ['Ơ', 0xa5],
  ['Ư', 0xa6],
  ['Đ', 0xa7],
];

/** VN3 0xB0–0xB4: the tone marks as separate characters ("dấu rời"), written after the vowel. */
const COMBINING_TONES: ReadonlyMap<number, Tone> = new Map<number, Tone>([
  [0xb0, 'grave'],
  [0xb1, 'hook'],
  [0xb2, 'tilde'],
  [0xb3, 'acute'],
  [0xb4, 'dot'],
]);

const DECODE = new Map<string, string>();
const ENCODE = new Map<string, string>();
for (const [base, bytes] of TONED_BYTES) {
  TONES.forEach((tone, i) => {
    const byte = bytes[i];
    if (byte === null || byte === undefined) return;
    const letter = composeLetter(base, tone);
    DECODE.set(String.fromCharCode(byte), letter);
    ENCODE.set(letter, String.fromCharCode(byte));
  });
}
for (const [letter, byte] of SINGLE_BYTES) {
  DECODE.set(String.fromCharCode(byte), letter);
  ENCODE.set(letter, String.fromCharCode(byte));
}

const BARE_VOWEL = /^[aăâeêioôơuưy]$/i;

/** The characters TCVN3 decoding changes (used by detection to measure how "legacy" a text looks). */
export function isTcvn3Char(char: string): boolean {
  return DECODE.has(char);
}

/**
 * Decodes a TCVN3 byte string to NFC Unicode. Toned letters come out lowercase (see the module note on .VnTimeH);
 * a separate tone mark 0xB0–0xB4 is applied only right after a vowel without a tone, otherwise kept as is
 * (so "30°C" survives). Characters outside the table pass through unchanged.
 */
export function decodeTcvn3(legacy: string): string {
  const out: string[] = [];
  for (const char of legacy) {
    const letter = DECODE.get(char);
    if (letter !== undefined) {
      out.push(letter);
      continue;
    }
    const tone = COMBINING_TONES.get(char.charCodeAt(0));
    const previous = out[out.length - 1];
    if (tone !== undefined && tone !== 'none' && previous !== undefined && BARE_VOWEL.test(previous)) {
      out[out.length - 1] = (previous + TONE_MARKS[tone]).normalize('NFC');
      continue;
    }
    out.push(char);
  }
  return out.join('').normalize('NFC');
}

/**
 * Encodes Unicode text as a TCVN3 byte string (one char per byte). Lossy by design where VN3 is: a toned capital
 * becomes its lowercase code point. Characters that are not Vietnamese letters pass through unchanged.
 */
export function encodeTcvn3(unicode: string): string {
  let out = '';
  for (const char of unicode.normalize('NFC')) {
    const direct = ENCODE.get(char);
    if (direct !== undefined) out += direct;
    else if (char.charCodeAt(0) < 0x80 || splitTone(char)?.tone === 'none') out += char;
    else out += ENCODE.get(char.toLowerCase()) ?? char;
  }
  return out;
}
