/**
 * Vietnamese text folding, shared by address rules (SPEC §4.2), the directory search (SPEC §5) and ingest.
 * Pure functions: no I/O, safe in the browser.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Folds Vietnamese text to lowercase ASCII letters: accents removed, `đ`/`Đ` → `d` (which NFD leaves intact,
 * the usual bug of NFD-and-strip recipes), NFC or NFD input alike, whitespace collapsed and trimmed.
 * Old and new tone placement fold to the same string ("hoà" and "hòa" → "hoa").
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folds and keeps only a–z and 0–9: the building block of a mailbox local part. */
export function asciiWord(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, '');
}

/** Splits a personal name into syllables/words, tolerant of stray spaces, NBSP and NFD input. */
export function nameWords(fullName: string): string[] {
  return fullName
    .normalize('NFC')
    .replace(/[\u00a0\u2000-\u200b]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}
