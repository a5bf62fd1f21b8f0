/**
 * VNI-Windows (fonts VNI-Times …) ↔ Unicode TCVN 6909:2001.
 *
 * Legacy text is a "byte string" (one char per byte, the Windows-1252/Latin-1 reading, e.g. "Nguyeãn Vaên An").
 * VNI writes a vowel as its base letter followed by one modifier byte that carries the shape mark (circumflex,
 * breve) and/or the tone: "eã" = ễ, "aê" = ă. ơ, ư and đ are single bytes (ô, ö, ñ) that take a tone modifier
 * themselves ("ôø" = ờ, so "ờ" is o-horn byte + tone byte), and i and ỵ have single bytes for each tone.
 * Capitals use the uppercase base and the uppercase modifier (each modifier byte minus 0x20), so VNI, unlike
 * TCVN3, encodes every capital exactly. When decoding, the case of the letter follows the base byte; a modifier
 * of the other case is accepted (mixed-case input typed with Caps Lock).
 */
import { composeLetter, TONES, type VowelBase } from './letters.ts';

/** VNI spelling per tone (order of TONES: none, sắc, huyền, hỏi, ngã, nặng), lowercase. */
const SPELLINGS: ReadonlyArray<[VowelBase, readonly string[]]> = [
  ['a', ['a', 'aù', 'aø', 'aû', 'aõ', 'aï']],
  ['ă', ['aê', 'aé', 'aè', 'aú', 'aü', 'aë']],
  ['â', ['aâ', 'aá', 'aà', 'aå', 'aã', 'aä']],
  ['e', ['e', 'eù', 'eø', 'eû', 'eõ', 'eï']],
  ['ê', ['eâ', 'eá', 'eà', 'eå', 'eã', 'eä']],
  ['i', ['i', 'í', 'ì', 'æ', 'ó', 'ò']],
  ['o', ['o', 'où', 'oø', 'oû', 'oõ', 'oï']],
  ['ô', ['oâ', 'oá', 'oà', 'oå', 'oã', 'oä']],
  ['ơ', ['ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï']],
  ['u', ['u', 'uù', 'uø', 'uû', 'uõ', 'uï']],
  ['ư', ['ö', 'öù', 'öø', 'öû', 'öõ', 'öï']],
  ['y', ['y', 'yù', 'yø', 'yû', 'yõ', 'î']],
];

const DECODE = new Map<string, string>();
const ENCODE = new Map<string, string>();

function addLetter(letter: string, spelling: string): void {
  for (const [l, s] of [
    [letter, spelling],
    [letter.toUpperCase(), spelling.toUpperCase()],
  ] as const) {
    if (l !== s) ENCODE.set(l, s);
    DECODE.set(s, l);
    if (s.length === 2) {
      // Mixed case: the letter's case follows the base byte.
      const base = s.charAt(0);
      const modifier = s.charAt(1);
      const other = modifier === modifier.toUpperCase() ? modifier.toLowerCase() : modifier.toUpperCase();
      DECODE.set(base + other, l);
    }
  }
}

for (const [base, spellings] of SPELLINGS) {
  TONES.forEach((tone, i) => addLetter(composeLetter(base, tone), spellings[i] ?? ''));
}
addLetter('đ', 'ñ');
// "yï" is not VNI's spelling of ỵ (that is the single byte î), but the sequence is unambiguous; accept it.
DECODE.set('yï', 'ỵ').set('YÏ', 'Ỵ').set('yÏ', 'ỵ').set('Yï', 'Ỵ');

/**
 * Decodes a VNI byte string to NFC Unicode: at each position the two-character spelling wins over the
 * one-character one. A modifier byte that follows no matching base is kept as it is, so stray Latin-1 letters
 * survive. Characters outside the table pass through unchanged.
 */
export function decodeVni(legacy: string): string {
  let out = '';
  let i = 0;
  while (i < legacy.length) {
    const pair = DECODE.get(legacy.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 2;
      continue;
    }
    const char = legacy.charAt(i);
    out += DECODE.get(char) ?? char;
    i += 1;
  }
  return out.normalize('NFC');
}

/** Counts the non-ASCII characters of `legacy` that VNI decoding consumes into a letter (used by detection). */
export function countVniChars(legacy: string): number {
  let count = 0;
  let i = 0;
  while (i < legacy.length) {
    const width = DECODE.has(legacy.slice(i, i + 2)) ? 2 : DECODE.has(legacy.charAt(i)) ? 1 : 0;
    for (const char of legacy.slice(i, i + width)) if (char.charCodeAt(0) >= 0x80) count += 1;
    i += Math.max(width, 1);
  }
  return count;
}

/**
 * Encodes Unicode text as a VNI byte string (one char per byte). Exact for all 134 Vietnamese letters, capitals
 * included; characters that are not Vietnamese letters pass through unchanged.
 */
export function encodeVni(unicode: string): string {
  let out = '';
  for (const char of unicode.normalize('NFC')) out += ENCODE.get(char) ?? char;
  return out;
}
