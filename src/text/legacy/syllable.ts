/**
 * A structural check of Vietnamese syllables (âm tiết): initial consonant + rhyme (vần) + at most one tone, with
 * the spelling constraints of the standard orthography (k/gh/ngh before i, e, ê, y; c/g/ng elsewhere; stop finals
 * c, ch, p, t only with sắc or nặng). Used to judge whether a legacy-to-Unicode conversion produced Vietnamese.
 * It accepts some syllables no one writes, and rejects loanword spellings; it is a detector, not a dictionary.
 */

import { splitTone, type Tone } from './letters.ts';

const INITIALS = [
  '', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'p', 'ph', 'qu',
  'r', 's', 't', 'th', 'tr', 'v', 'x',
] as const;

/** Vowel groups that may end a syllable (open rhymes). */
const OPEN = [
  'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ai', 'ao', 'au', 'âu', 'ay', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi',
  'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu', 'ươi', 'ươu', 'uôi', 'iêu', 'yêu', 'oa', 'oe', 'uê', 'uơ', 'uy', 'oai',
  'oay', 'oao', 'oeo', 'uây', 'uya', 'uyu',
];

/** Vowel groups and the consonant finals they take. */
const CLOSED: ReadonlyArray<[string, string]> = [
  ['a', 'c ch m n ng nh p t'],
  ['ă', 'c m n ng p t'],
  ['â', 'c m n ng p t'],
  ['e', 'c m n ng p t'],
  ['ê', 'ch m n nh p t ng'],
  ['i', 'ch m n nh p t'],
  ['o', 'c m n ng p t'],
  ['oo', 'c ng'],
  ['ô', 'c m n ng p t'],
  ['ơ', 'm n p t'],
  ['u', 'c m n ng p t'],
  ['ư', 'c m n ng t'],
  ['iê', 'c m n ng p t'],
  ['yê', 'c m n ng p t'],
  ['uô', 'c m n ng t'],
  ['ươ', 'c m n ng p t'],
  ['oa', 'c ch m n ng nh p t'],
  ['oă', 'c m n ng t'],
  ['oe', 'n t'],
  ['uâ', 'n ng t'],
  ['uê', 'ch n nh'],
  ['uy', 'ch n nh p t'],
  ['uyê', 'n t'],
];

const STOP_FINALS = ['c', 'ch', 'p', 't'];

interface Rhyme {
  /** Length of the vowel group at the start of the rhyme. */
  vowels: number;
  /** Ends in c, ch, p or t. */
  stop: boolean;
  /** Indexes in the vowel group where the tone mark may sit. */
  tonePositions: readonly number[];
}

/**
 * Where the tone mark goes (quy tắc đặt dấu thanh): on the (last) vowel with a shape mark; else on the last vowel
 * when a consonant follows; else in oa, oe, uy on either vowel (old and new style: hòa/hoà); else on the middle
 * of three vowels or the first of two.
 */
function tonePositions(group: string, hasFinal: boolean): number[] {
  const shaped = [...group].map((c, i) => ('ăâêôơư'.includes(c) ? i : -1)).filter((i) => i >= 0);
  const lastShaped = shaped[shaped.length - 1];
  if (lastShaped !== undefined) return [lastShaped];
  if (hasFinal) return [group.length - 1];
  if (group === 'oa' || group === 'oe' || group === 'uy') return [0, 1];
  return [group.length === 3 ? 1 : 0];
}

const RHYMES: ReadonlyMap<string, Rhyme> = new Map<string, Rhyme>([
  ...OPEN.map((r): [string, Rhyme] => [r, { vowels: r.length, stop: false, tonePositions: tonePositions(r, false) }]),
  ...CLOSED.flatMap(([group, finals]) =>
    finals.split(' ').map((f): [string, Rhyme] => [
      group + f,
      { vowels: group.length, stop: STOP_FINALS.includes(f), tonePositions: tonePositions(group, true) },
    ]),
  ),
]);

/** Rhyme first letters before which k, gh, ngh are written (and c, g, ng are not). */
const FRONT_VOWELS = new Set(['i', 'e', 'ê', 'y']);
/** Tones allowed on a syllable ending in a stop consonant: sắc, nặng. */
const STOP_TONES: ReadonlySet<Tone> = new Set<Tone>(['acute', 'dot']);

function initialFits(initial: string, rhyme: string): boolean {
  const front = FRONT_VOWELS.has(rhyme.charAt(0));
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return front;
  if (initial === 'c' || initial === 'ng') return !front;
  if (initial === 'g') return !front || rhyme.startsWith('i');
  if (initial === 'qu') return !rhyme.startsWith('u') && !rhyme.startsWith('o');
  return true;
}

/** Lowercase letters without tone, the tone, and the index of the letter carrying it (-1 for none); null when
 * more than one letter carries a tone. */
function analyse(word: string): { bare: string; tone: Tone; toneAt: number } | null {
  let bare = '';
  let tone: Tone = 'none';
  let toneAt = -1;
  for (const char of word.normalize('NFC').toLowerCase()) {
    if (char < '\u0080') {
      bare += char;
      continue;
    }
    const split = splitTone(char);
    if (split === null) return null;
    if (split.tone !== 'none') {
      if (toneAt >= 0) return null;
      tone = split.tone;
      toneAt = bare.length;
    }
    bare += split.base;
  }
  return { bare, tone, toneAt };
}

/**
 * True when `word` (any case, NFC or NFD) is spelled like one Vietnamese syllable: "Nguyễn", "giếng", "khuya",
 * "TRƯỜNG", "hòa" and "hoà". False for letters outside the Vietnamese alphabet (f, j, w, z), two tone marks, an
 * impossible rhyme ("cafộ", "nguyơn"), a misplaced tone ("xaõ" for "xã") or a stop final with a forbidden tone
 * ("bàt").
 */
export function isVietnameseSyllable(word: string): boolean {
  const parts = analyse(word);
  if (parts === null || !/^[a-zđăâêôơư]+$/.test(parts.bare)) return false;
  const { bare, tone, toneAt } = parts;
  for (const initial of INITIALS) {
    if (!bare.startsWith(initial)) continue;
    const rhyme = RHYMES.get(bare.slice(initial.length));
    if (rhyme === undefined || !initialFits(initial, bare.slice(initial.length))) continue;
    if (rhyme.stop && !STOP_TONES.has(tone)) continue;
    if (tone !== 'none' && !rhyme.tonePositions.includes(toneAt - initial.length)) continue;
    return true;
  }
  return false;
}
