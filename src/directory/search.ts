/**
 * Directory search (SPEC §5 Danh bạ): accent- and case-insensitive with đ = d, old and new tone placement equal,
 * partial words, address parts and initials; exact matches first. Pure and synchronous: runs in the browser island.
 */
import { agencyInitialKeys, agencyInitialKeysOf, nameInitialKeysOf, searchWords } from './fold.ts';
import type { IndexedEntry } from './indexFile.ts';

/**
 * How well an entry matches, best first: the address itself (its local part or the whole address, as seen in an
 * e-mail), then a person's initials key ("htxuan" is the key of every Hồ Thị Xuân, whose addresses are htxuan1,
 * htxuan2 … once htxuan@ is taken), then the exact folded name, then every word a word prefix, then substrings.
 */
export const Rank = { Address: 5, Initials: 4, Name: 3, WordPrefix: 2, Substring: 1, None: 0 } as const;
export type Rank = (typeof Rank)[keyof typeof Rank];

export interface PreparedEntry {
  entry: IndexedEntry;
  /** Every searchable word, each preceded by a space, so " tok" finds word prefixes and "tok" substrings. */
  hay: string;
  /** Folded full name ("nguyen thanh binh"), or of an agency box. */
  name: string;
  /** Local part as written ("ntbinh", "nguyen.thanh.binh"), lower case. */
  local: string;
  /** The first initials key ("ntbinh"), or "" (agency boxes, one-word names). */
  initials: string;
  address: string;
}

/**
 * Folds every entry once, after the index is loaded. A directory repeats itself (agency names, titles, departments,
 * common names), so each distinct text is folded once and kept as its search words joined by spaces.
 */
export function prepareEntries(entries: readonly IndexedEntry[]): PreparedEntry[] {
  const agencyHay = new Map<string, string>();
  const folded = new Map<string, { words: string[]; joined: string }>();
  const fold = (text: string | null | undefined) => {
    const key = text ?? '';
    let f = folded.get(key);
    if (f === undefined) {
      const words = PLAIN_WORD.test(key) ? [key] : searchWords(key);
      f = { words, joined: words.join(' ') };
      folded.set(key, f);
    }
    return f;
  };
  return entries.map((entry) => {
    let agency = agencyHay.get(entry.agencyCode);
    if (agency === undefined) {
      agency = agencySearchText(entry.agencyName, entry.agencyAbbr);
      agencyHay.set(entry.agencyCode, agency);
    }
    const local = entry.address.slice(0, entry.address.indexOf('@')).toLowerCase();
    const name = fold(entry.name);
    const initials = entry.personal ? nameInitialKeysOf(name.words) : agencyInitialKeysOf(name.words);
    // the words of each part, in this order: name, local part (as is and as words), initials, title, department, agency
    const parts = [name.joined, local, fold(local).joined, initials.join(' '), fold(entry.title).joined, fold(entry.department).joined, agency];
    return {
      entry,
      hay: ` ${parts.filter((p) => p !== '').join(' ')}`,
      name: name.joined,
      local,
      initials: initials[0] ?? '',
      address: entry.address.toLowerCase(),
    };
  });
}

/** An agency's search words joined by spaces: its name's words, its abbreviation, its initials keys ("tttt", "sotttt"). */
export function agencySearchText(name: string | null | undefined, abbr: string | null | undefined): string {
  return [...searchWords(name), ...searchWords(abbr), ...agencyInitialKeys(name)].join(' ');
}

/** Text that is already one search word (most local parts): lower-case ASCII letters and digits. */
const PLAIN_WORD = /^[a-z0-9]+$/;

/** A parsed query: its folded words, joined with spaces and without; the text as typed, as an address or local part. */
export interface Query {
  words: string[];
  phrase: string;
  compact: string;
  /** Trimmed, lower case, a trailing "@" dropped ("htxuan@" is the local part htxuan). */
  raw: string;
}

export function parseQuery(text: string): Query {
  const words = searchWords(text);
  return { words, phrase: words.join(' '), compact: words.join(''), raw: text.trim().toLowerCase().replace(/@$/, '') };
}

/** Ranks one entry against a query (see Rank). An empty query matches nothing. */
export function rankEntry(p: PreparedEntry, q: Query): Rank {
  if (q.words.length === 0) return Rank.None;
  // "htxuan", "htxuan@", "htxuan@soctrang.gov.vn", "so tttt" (sotttt@): the address typed is the mailbox wanted.
  if (p.local === q.raw || p.local === q.compact || p.address === q.raw) return Rank.Address;
  if (p.initials !== '' && (p.initials === q.phrase || p.initials === q.compact)) return Rank.Initials;
  if (p.name !== '' && (p.name === q.phrase || p.name === q.compact)) return Rank.Name;
  return matchWords(p.hay, q.words);
}

/**
 * Whether every query word is in a haystack (search words each preceded by a space): WordPrefix when each starts a
 * word, Substring when some only occur inside one, None when one is missing.
 */
export function matchWords(hay: string, words: readonly string[]): Rank {
  if (words.length === 0) return Rank.None;
  let prefix = true;
  for (const w of words) {
    if (hay.includes(` ${w}`)) continue;
    if (!hay.includes(w)) return Rank.None;
    prefix = false;
  }
  return prefix ? Rank.WordPrefix : Rank.Substring;
}

export interface SearchResult {
  /** Best matches first; within one rank, directory order (Vietnamese collation). */
  hits: IndexedEntry[];
  /** All matches, of which `hits` holds at most `limit`. */
  total: number;
  /** Every matching entry in directory order: a longer query typed after this one only needs to search these. */
  matches: PreparedEntry[];
}

/**
 * True when every entry matching `next` also matches `previous`, so `next` may search only the previous matches:
 * `next` keeps the previous words and lengthens the last one or adds words (typing on). A query with "@" is never
 * narrowed, since a whole address matches exactly without its domain being a searched word.
 */
export function narrows(previous: string, next: string): boolean {
  if (next.includes('@')) return false;
  const a = parseQuery(previous).words;
  const b = parseQuery(next).words;
  if (a.length === 0 || b.length < a.length) return false;
  return a.every((w, i) => (i < a.length - 1 ? b[i] === w : b[i]!.startsWith(w)));
}

/**
 * Searches prepared entries, best rank first (see Rank), each rank in directory order. Pass `within` (the
 * previous result's `matches`) only when `narrows(previousQuery, text)`.
 */
export function searchDirectory(entries: readonly PreparedEntry[], text: string, limit = 50, within?: readonly PreparedEntry[]): SearchResult {
  const q = parseQuery(text);
  const byRank: IndexedEntry[][] = [[], [], [], [], [], []];
  const matches: PreparedEntry[] = [];
  if (q.words.length === 0) return { hits: [], total: 0, matches };
  for (const p of within ?? entries) {
    const rank = rankEntry(p, q);
    if (rank === Rank.None) continue;
    matches.push(p);
    const bucket = byRank[rank]!;
    if (bucket.length < limit) bucket.push(p.entry);
  }
  const hits = byRank.slice(Rank.Substring).reverse().flat().slice(0, limit);
  return { hits, total: matches.length, matches };
}

/**
 * Filters a short list (the agencies of the ranking) by a query, matching as the directory does: the items whose every
 * query word starts one of their words, or, only when none does, those holding the words inside words ("uyen" in
 * "nguyen"). `hays` are search texts such as agencySearchText's. Returns the matching indices in list order, or null
 * for an empty query (nothing to filter).
 */
export function filterList(hays: readonly string[], text: string): number[] | null {
  const { words } = parseQuery(text);
  if (words.length === 0) return null;
  const prefix: number[] = [];
  const inside: number[] = [];
  hays.forEach((hay, i) => {
    const rank = matchWords(` ${hay}`, words);
    if (rank === Rank.WordPrefix) prefix.push(i);
    else if (rank === Rank.Substring) inside.push(i);
  });
  return prefix.length > 0 ? prefix : inside;
}
