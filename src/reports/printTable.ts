/**
 * An annex table as the report prints it (pure), for the HTML print view and the Word document alike: grouped rows
 * with their subtotals, one line for the units of a group with nothing to report, a total row; and column widths
 * worked out from the text they hold, so no number, code or header word is ever split across lines (issue 15: the
 * Word annexes printed "S/T/T" and "42/3" in a 6 mm column).
 */
import type { Cell } from '../text/table.ts';
import { textWidthMm } from './textWidth.ts';

export interface PrintColumn {
  header: string;
  /** Numbers are right-aligned and formatted 1.234,5 with this many decimals. */
  decimals?: number;
  /** Signed numbers (+1,2 / −0,5). */
  signed?: boolean;
  /** A column of local times (`YYYY-MM-DD HH:MM`), printed 14:30 04/03/2025. */
  datetime?: boolean;
  /** The text column that takes the width left over (the name of the unit); every other column fits its content. */
  grow?: boolean;
}

/**
 * A row: an item; a group row (bold, its figures the group's subtotals; first cell a Roman numeral); the one line of a
 * group's units with nothing to report (italic, no figures); the total (bold).
 */
export interface PrintRow {
  kind: 'item' | 'group' | 'rest' | 'total';
  cells: Cell[];
}

export interface PrintTable {
  columns: PrintColumn[];
  rows: PrintRow[];
  /** Printed instead of the table when there is nothing to show, saying why ("Không có sự cố trong kỳ."). */
  empty: string | null;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  const key = String(decimals);
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(key, f);
  }
  return f;
}

/** "2025-03-04 09:15" → "09:15 04/03/2025". */
export function localTime(s: string): string {
  return `${s.slice(11, 16)} ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** A cell as printed: numbers 1.234,5 (zero as "0"), signed ones with + and −, times as 09:15 04/03/2025. */
export function printCell(v: Cell, c: PrintColumn): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const abs = v === 0 ? '0' : numberFormat(c.decimals ?? 0).format(Math.abs(v));
    if (c.signed) return v > 0 ? `+${abs}` : v < 0 ? `\u2212${abs}` : '0';
    return v < 0 ? `\u2212${abs}` : abs;
  }
  return c.datetime && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(v) ? localTime(v) : v;
}

/** Point size of the printed annex tables (HTML and Word alike). */
export const ANNEX_TABLE_PT = 11;

/** Cell padding on each side, in mm, assumed by the widths (the renderers use it too). */
export const CELL_PAD_MM = 1;

/** The share of the width a text column may take while other columns' headers still wrap on more than two lines. */
const GROW_SHARE = 0.36;
/** The widest a figure column is made for its header's sake. */
const OTHER_MAX_MM = 26;

/**
 * Column widths in mm that add up to at most `totalMm`: each column at least as wide as its widest printed value and its
 * longest header word (at `pt` points, plus padding), so nothing is split inside a word or number. The text columns
 * ('grow', wrapping at spaces) get up to the width of their longest text, at most GROW_SHARE of the table between
 * them; what is left widens the other columns evenly (up to OTHER_MAX_MM, so their headers wrap on fewer lines), then
 * the text columns up to their longest text. A table that needs less than `totalMm` is narrower (and centred).
 */
export function columnWidthsMm(t: PrintTable, totalMm: number, pt: number): number[] {
  const pad = 2 * CELL_PAD_MM + 0.6;
  const need: number[] = [];
  const full: number[] = [];
  t.columns.forEach((c, j) => {
    let w = Math.max(0, ...c.header.split(/\s+/).map((x) => textWidthMm(x, pt, true)));
    let whole = textWidthMm(c.header, pt, true) / 2;
    for (const r of t.rows) {
      const text = printCell(r.cells[j], c);
      if (text === '' || (r.kind === 'rest' && j > 0)) continue; // the rest line spans the columns after the first
      const bold = r.kind === 'group' || r.kind === 'total';
      // A text column wraps at spaces: only its longest word must fit; any other column fits whole values.
      for (const p of c.grow ? text.split(/\s+/) : [text]) w = Math.max(w, textWidthMm(p, pt, bold));
      whole = Math.max(whole, textWidthMm(text, pt, bold));
    }
    need.push(w + pad);
    full.push(whole + pad);
  });
  const grow = t.columns.map((c) => c.grow === true);
  const fixedNeed = need.reduce((s, w, j) => s + (grow[j] ? 0 : w), 0);
  const growCount = grow.filter(Boolean).length;
  const widths = need.slice();
  if (growCount > 0) {
    const cap = fixedNeed > 0 ? (totalMm * GROW_SHARE) / growCount : totalMm / growCount;
    const room = Math.max(0, totalMm - fixedNeed) / growCount;
    t.columns.forEach((_, j) => {
      if (grow[j]) widths[j] = Math.max(need[j]!, Math.min(full[j]!, cap, room));
    });
  }
  // Spare width: first to the other columns, up to OTHER_MAX_MM each (fewer header lines), then to the text columns.
  let spare = totalMm - widths.reduce((a, b) => a + b, 0);
  const others = t.columns.map((_, j) => j).filter((j) => !grow[j] && j > 0);
  for (let pass = 0; pass < others.length && spare > 0.01; pass++) {
    const open = others.filter((j) => widths[j]! < OTHER_MAX_MM);
    if (open.length === 0) break;
    const each = spare / open.length;
    for (const j of open) {
      const add = Math.min(each, OTHER_MAX_MM - widths[j]!);
      widths[j]! += add;
      spare -= add;
    }
  }
  // Then to the text columns up to their longest text; a table that needs less than the page stays narrower.
  for (const j of t.columns.map((_, k) => k).filter((k) => grow[k])) {
    const add = Math.max(0, Math.min(spare, full[j]! - widths[j]!));
    widths[j]! += add;
    spare -= add;
  }
  return widths;
}
