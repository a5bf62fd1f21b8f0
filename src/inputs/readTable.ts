/**
 * Delimited text → records with physical line numbers (SPEC §3.6). Accepts `,` `;` and tab separators (sniffed from
 * the header, or Excel's `sep=;` first line), quoted fields with embedded separators, newlines and doubled quotes,
 * CRLF / LF / CR line ends, and blank lines. A record whose opening quote is never closed is reported as garbled and
 * parsing resumes on the next physical line, so one bad line never swallows the rest of the file. Pure: no I/O.
 */

export type Separator = ',' | ';' | '\t';

export interface TableRecord {
  /** 1-based physical line where the record starts (the header is usually line 1). */
  line: number;
  fields: string[];
}

export interface GarbledLine {
  line: number;
  /** The physical line as read. */
  text: string;
  reason: string;
}

export interface ParsedTable {
  separator: Separator;
  header: string[];
  headerLine: number;
  records: TableRecord[];
  garbled: GarbledLine[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Counts the candidate separators in a line outside quotes and picks the most frequent (`,` on a tie or none). */
export function sniffSeparator(line: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Separator = ',';
  for (const sep of [';', '\t'] as const) if (counts[sep] > counts[best]) best = sep;
  return best;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i;
  }
  return text.length;
}

/** Position just after the line break at `pos` (CRLF, LF or CR), or `pos` at the end of the text. */
function skipBreak(text: string, pos: number): number {
  if (text.charCodeAt(pos) === CR) return text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  if (text.charCodeAt(pos) === LF) return pos + 1;
  return pos;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) n++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

interface RecordResult {
  fields: string[];
  next: number;
  nextLine: number;
  /** Set when an opening quote is not closed before the end of the text. */
  unterminated?: boolean;
  /** Set when text follows a closing quote before the separator (`"ab"c`). */
  strayQuote?: boolean;
}

function parseRecord(text: string, start: number, line: number, sep: number): RecordResult {
  const fields: string[] = [];
  let pos = start;
  let strayQuote = false;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) return { fields, next: text.length, nextLine: line, unterminated: true };
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      line += countBreaks(text, start, pos);
      start = pos;
      // Lenient: keep text after a closing quote, but flag the record.
      let end = pos;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
        end++;
      }
      if (end > pos) {
        strayQuote = true;
        value += text.slice(pos, end);
      }
      pos = end;
      fields.push(value);
    } else {
      let end = pos;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === sep || c === LF || c === CR) break;
        end++;
      }
      fields.push(text.slice(pos, end));
      pos = end;
    }
    if (pos < text.length && text.charCodeAt(pos) === sep) {
      pos++;
      continue;
    }
    const next = skipBreak(text, pos);
    return { fields, next, nextLine: next > pos ? line + 1 : line, strayQuote };
  }
}

/**
 * Parses a whole delimited text. The first non-blank line is the header (or `sep=X` then the header). Records keep
 * the physical line they start on; blank lines are skipped but counted.
 */
export function parseTable(text: string, options: { separator?: Separator } = {}): ParsedTable {
  let pos = 0;
  let line = 1;
  const records: TableRecord[] = [];
  const garbled: GarbledLine[] = [];
  let separator = options.separator;
  let header: string[] | null = null;
  let headerLine = 0;
  while (pos < text.length) {
    const end = lineEnd(text, pos);
    const physical = text.slice(pos, end);
    if (physical.trim() === '') {
      pos = skipBreak(text, end);
      line++;
      continue;
    }
    if (header === null && separator === undefined) {
      const declared = /^sep=(.)$/i.exec(physical.trim());
      if (declared && [',', ';', '\t'].includes(declared[1]!)) {
        separator = declared[1] as Separator;
        pos = skipBreak(text, end);
        line++;
        continue;
      }
      separator = sniffSeparator(physical);
    }
    const result = parseRecord(text, pos, line, (separator ?? ',').charCodeAt(0));
    if (result.unterminated) {
      garbled.push({ line, text: physical, reason: `dấu ngoặc kép mở ở dòng ${line} không được đóng` });
      pos = skipBreak(text, end);
      line++;
      continue;
    }
    const malformed = header !== null && (result.strayQuote || result.fields.length !== header.length);
    if (malformed && /[\r\n]/.test(text.slice(pos, result.next).replace(/(\r\n|\n|\r)$/, ''))) {
      // A quote opened here closed lines later and the record came out malformed: blame this line only and read
      // the following lines again as records of their own.
      garbled.push({ line, text: physical, reason: `dấu ngoặc kép mở ở dòng ${line} không được đóng đúng chỗ` });
      pos = skipBreak(text, end);
      line++;
      continue;
    }
    if (header === null) {
      header = result.fields;
      headerLine = line;
    } else if (result.strayQuote) {
      garbled.push({ line, text: text.slice(pos, Math.max(pos, result.next)).replace(/[\r\n]+$/, ''), reason: 'dấu ngoặc kép đặt sai chỗ (có ký tự sau dấu ngoặc đóng)' });
    } else {
      records.push({ line, fields: result.fields });
    }
    pos = result.next;
    line = result.nextLine;
  }
  return { separator: separator ?? ',', header: header ?? [], headerLine, records, garbled };
}
