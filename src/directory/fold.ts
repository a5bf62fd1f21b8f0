/**
 * Folding for the directory search (SPEC §5 Danh bạ; QĐ 17/2014 Điều 9 khoản 8: the directory is published for
 * citizens and officials to look addresses up). Pure: no I/O, safe in the browser.
 */
import { foldVietnamese } from '../text/fold.ts';

/** Connective words skipped when a name is abbreviated ("Sở Thông tin và Truyền thông" → "tttt"). */
const CONNECTIVES = new Set(['va', 'cua', 'the']);

/**
 * Folds text into search words: accent- and case-insensitive with `đ` = `d`, old and new tone placement equal
 * (foldVietnamese), and any punctuation (`.`, `@`, `-`, `/`) treated as a word break.
 */
export function searchWords(text: string | null | undefined): string[] {
  if (!text) return [];
  return foldVietnamese(text).split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/**
 * The keys a person's name is typed as: initials of every word but the last plus the last word ("Nguyễn Thanh Bình"
 * → "ntbinh", the usual local-part shape) and all initials ("ntb"). Empty for a one-word name.
 */
export function nameInitialKeys(name: string | null | undefined): string[] {
  return nameInitialKeysOf(searchWords(name));
}

/** nameInitialKeys of a name already folded into its search words. */
export function nameInitialKeysOf(words: readonly string[]): string[] {
  if (words.length < 2) return [];
  const initials = words.map((w) => w[0]).join('');
  return [initials.slice(0, -1) + words[words.length - 1], initials];
}

/**
 * The keys an agency name is abbreviated as: initials of the words after the first, connectives skipped ("Sở Thông
 * tin và Truyền thông" → "tttt", so "so tttt" finds it), the first word joined to them ("sotttt"), and every word's
 * initial ("Ủy ban nhân dân xã Hòa Tú 1" → "ubndxht1", so "ubnd hoa tu" finds it).
 */
export function agencyInitialKeys(name: string | null | undefined): string[] {
  return agencyInitialKeysOf(searchWords(name));
}

/** agencyInitialKeys of a name already folded into its search words. */
export function agencyInitialKeysOf(words: readonly string[]): string[] {
  if (words.length < 2) return [];
  const rest = words.slice(1).filter((w) => !CONNECTIVES.has(w)).map((w) => w[0]).join('');
  return rest.length > 1 ? [rest, words[0] + rest, words[0]![0] + rest] : [];
}
