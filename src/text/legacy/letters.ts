/**
 * The Vietnamese letter inventory of TCVN 6909:2001 (the Unicode repertoire the regulations require:
 * 002 Điều 5 khoản 2; 003 Điều 5 khoản 2; 004 Điều 3 khoản 4), modelled as base letter × tone so the legacy
 * tables can be written per base letter and checked for completeness. Pure data and functions, no I/O.
 */

/** The five tone marks as Unicode combining characters (thanh ngang has none). */
export const TONE_MARKS = {
  acute: '\u0301', // sắc
  grave: '\u0300', // huyền
  hook: '\u0309', // hỏi
  tilde: '\u0303', // ngã
  dot: '\u0323', // nặng
} as const;

export type Tone = 'none' | keyof typeof TONE_MARKS;

/** Tones in the order used by every table in this folder: none, sắc, huyền, hỏi, ngã, nặng. */
export const TONES: readonly Tone[] = ['none', 'acute', 'grave', 'hook', 'tilde', 'dot'];

/** The twelve vowel bases (with their shape marks: breve, circumflex, horn), lowercase. */
export const VOWEL_BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
export type VowelBase = (typeof VOWEL_BASES)[number];

const TONE_BY_MARK = new Map<string, Tone>(
  (Object.entries(TONE_MARKS) as Array<[Exclude<Tone, 'none'>, string]>).map(([tone, mark]) => [mark, tone]),
);
const TONE_MARK_PATTERN = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Composes a vowel base (either case) with a tone into one NFC letter: ('ơ', 'grave') → 'ờ'. */
export function composeLetter(base: string, tone: Tone): string {
  return tone === 'none' ? base.normalize('NFC') : (base + TONE_MARKS[tone]).normalize('NFC');
}

/**
 * Splits one letter into its base (shape marks kept, case kept) and its tone: 'Ờ' → { base: 'Ơ', tone: 'grave' }.
 * Returns null when the character carries more than one tone mark (not a Vietnamese letter).
 */
export function splitTone(letter: string): { base: string; tone: Tone } | null {
  const marks = letter.normalize('NFD').match(TONE_MARK_PATTERN) ?? [];
  if (marks.length > 1) return null;
  const base = letter.normalize('NFD').replace(TONE_MARK_PATTERN, '').normalize('NFC');
  const mark = marks[0];
  return { base, tone: mark === undefined ? 'none' : (TONE_BY_MARK.get(mark) ?? 'none') };
}

/**
 * The 67 lowercase precomposed Vietnamese letters that are not plain ASCII: 12 vowel bases × 6 tones, minus the
 * six bare ASCII vowels, plus đ. With their uppercase forms these are the 134 letters every legacy table must cover.
 */
export const VIETNAMESE_LOWER_LETTERS: readonly string[] = [
  ...VOWEL_BASES.flatMap((base) => TONES.map((tone) => composeLetter(base, tone))).filter((l) => !/^[a-z]$/.test(l)),
  'đ',
];

/** All 134 precomposed Vietnamese letters, lowercase then uppercase. */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...VIETNAMESE_LOWER_LETTERS,
  ...VIETNAMESE_LOWER_LETTERS.map((l) => l.toUpperCase()),
];

const VIETNAMESE_LETTER_SET = new Set(VIETNAMESE_LETTERS);

/** True for one of the 134 precomposed Vietnamese letters (not for plain ASCII letters). */
export function isVietnameseLetter(char: string): boolean {
  return VIETNAMESE_LETTER_SET.has(char);
}
