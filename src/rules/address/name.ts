/**
 * Parsing a person's full name into the parts the address rules use (SPEC §4.2).
 * Pure: no I/O, safe in the browser.
 */
import { foldVietnamese, nameWords } from '../../text/fold.ts';

/** Why a name or an abbreviation cannot give an address. `message` is Vietnamese, for operators. */
export type AddressErrorCode = 'empty-name' | 'bad-marker' | 'agency-required' | 'bad-part' | 'unknown-template';

/** A name, abbreviation or template that cannot produce a mailbox address. */
export class AddressError extends Error {
  constructor(
    readonly code: AddressErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AddressError';
  }
}

/**
 * Separates the family and middle names from a multi-syllable given name, e.g. "Thạch Thị|Sa Rươne".
 * Khmer given names are often several words ("Sa Rươne", "Sà Phonl"); the words alone cannot tell where the given
 * name starts, so without the marker the last word is taken as the given name.
 */
export const GIVEN_NAME_MARKER = '|';

/** A name reduced to what the address rules need: folded words, family/middle names apart from the given name. */
export interface ParsedName {
  /** Family and middle names, folded to a–z (each non-empty); their initials form the short part. */
  familyAndMiddle: string[];
  /** The given name, folded to a–z and written in one piece ("Sa Rươne" → "saruone"). */
  given: string;
}

/**
 * Folds one word of a personal name to the letters a–z: accents removed, `đ` → `d`, NFC or NFD alike, capitals
 * lowered; an apostrophe (H'Mông, "H'Hen", "Ksor H'Lim"), hyphen, digit or any other character is dropped, because
 * the regulations allow only "chữ in thường tiếng Việt không dấu" (002 Điều 3 khoản 3; 003 Điều 3 khoản 2).
 */
export function foldNameWord(word: string): string {
  return foldVietnamese(word).replace(/[^a-z]/g, '');
}

function foldedWords(text: string): string[] {
  return nameWords(text)
    .map(foldNameWord)
    .filter((w) => w.length > 0);
}

/**
 * Splits a full name into family + middle names and the given name.
 *
 * - Words are separated by any run of spaces (including NBSP); input may be NFC or NFD, in any case.
 * - With the marker `|` the words after it form the given name ("Thạch Thị|Sa Rươne" → given "saruone"); without
 *   it, the last word is the given name (001 Điều 3 khoản 3: <họ><tên lót><tên>).
 * - A two-word name is family + given ("Mùa Sính"); a one-word name has only a given name (no initials).
 * - Words that fold to nothing (stray punctuation, another script) are dropped, and so is a remark in brackets:
 *   001 Điều 3 khoản 4 điểm a writes "ông Dương Chí Nguyện (khác)"; registries write "Nguyễn Văn An (Phó Giám đốc)".
 *
 * @throws AddressError `empty-name` when no letter a–z is left, `bad-marker` for more than one marker or an empty
 *   side of it.
 */
export function parsePersonalName(fullName: string): ParsedName {
  const cleaned = fullName.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const sides = cleaned.split(GIVEN_NAME_MARKER);
  if (sides.length > 2) {
    throw new AddressError('bad-marker', `họ tên "${fullName.trim()}" có nhiều hơn một dấu "${GIVEN_NAME_MARKER}"`);
  }
  if (sides.length === 2) {
    const familyAndMiddle = foldedWords(sides[0] ?? '');
    const givenWords = foldedWords(sides[1] ?? '');
    if (familyAndMiddle.length === 0 || givenWords.length === 0) {
      throw new AddressError(
        'bad-marker',
        `họ tên "${fullName.trim()}": dấu "${GIVEN_NAME_MARKER}" phải đứng giữa họ, tên lót và tên ` +
          `(ví dụ "Thạch Thị${GIVEN_NAME_MARKER}Sa Rươne")`,
      );
    }
    return { familyAndMiddle, given: givenWords.join('') };
  }
  const words = foldedWords(cleaned);
  const given = words.pop();
  if (given === undefined) {
    throw new AddressError('empty-name', `họ tên "${fullName.trim()}" không còn chữ cái nào sau khi bỏ dấu`);
  }
  return { familyAndMiddle: words, given };
}

/** Every way to read `fullName` as family/middle + given (given = last 1, 2, … words); the marker fixes one reading. */
export function personalNameReadings(fullName: string): ParsedName[] {
  if (fullName.includes(GIVEN_NAME_MARKER)) return [parsePersonalName(fullName)];
  const first = parsePersonalName(fullName);
  const words = [...first.familyAndMiddle, first.given];
  const readings: ParsedName[] = [first];
  for (let split = words.length - 2; split >= 1; split--) {
    readings.push({ familyAndMiddle: words.slice(0, split), given: words.slice(split).join('') });
  }
  return readings;
}
