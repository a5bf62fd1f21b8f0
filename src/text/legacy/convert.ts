/**
 * Dispatch over the two legacy Vietnamese encodings the province's old systems produced. The regulations require
 * Unicode TCVN 6909:2001 (002 Điều 5 khoản 2; 003 Điều 5 khoản 2; 004 Điều 3 khoản 4); these functions bring
 * TCVN3 and VNI text back to it.
 */
import { decodeTcvn3, encodeTcvn3 } from './tcvn3.ts';
import { decodeVni, encodeVni } from './vni.ts';

export type LegacyEncoding = 'tcvn3' | 'vni';

export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = ['tcvn3', 'vni'];

/** Vietnamese names of the encodings, for run summaries and quarantine reasons. */
export const LEGACY_ENCODING_LABELS: Readonly<Record<LegacyEncoding, string>> = {
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI-Windows (phông VNI-Times)',
};

/**
 * Letters no Windows-1252 reading of legacy bytes can produce: Vietnamese letters beyond Latin-1 and the combining
 * tone marks. A word holding one is Unicode already.
 */
export const UNICODE_VIETNAMESE = /[ăĂơƠưƯđĐĩĨũŨ\u0300\u0301\u0303\u0309\u0323\u1ea0-\u1ef9]/;

/**
 * Converts a legacy byte string (the Windows-1252/Latin-1 reading of TCVN3 or VNI bytes, e.g. "NguyÔn V¨n An")
 * to NFC Unicode. A whitespace-separated word that already holds a Vietnamese letter beyond Latin-1 ("Nguyễn")
 * cannot be legacy and is left as it is; other text that is not legacy is changed wherever it has Latin-1
 * letters ("Tân" → "Tõn"), so call this only on text `detectLegacy` flagged or that is known to be legacy.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const decode = encoding === 'tcvn3' ? decodeTcvn3 : decodeVni;
  return text.replace(/[^\s]+/g, (word) => (UNICODE_VIETNAMESE.test(word) ? word : decode(word))).normalize('NFC');
}

/**
 * Encodes Unicode text as a legacy byte string (one character per byte, Windows-1252 reading): the inverse of
 * `convertLegacy`, for round-trip tests and bad-input fixtures. TCVN3 writes toned capitals as their lowercase
 * code point (VN3 has none); VNI is exact.
 */
export function encodeLegacy(unicode: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? encodeTcvn3(unicode) : encodeVni(unicode);
}
