/**
 * How wide a line of Times New Roman is on paper (pure), from the advance widths of the standard Times metrics
 * (Adobe's Times-Roman and Times-Bold AFM, which Times New Roman, Liberation Serif and Tinos match to within a few per
 * cent). Used to lay out what NĐ 30/2020 fixes but Word and Chromium would otherwise decide: the issuing agency's
 * name broken into balanced lines, the rule under it, and table columns wide enough that no number wraps.
 */

// Advance widths in 1/1000 em for ' ' (32) to '~' (126).
const ROMAN = [
  250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500,
  500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 333, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500,
  556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

const MM_PER_PT = 25.4 / 72;
/** The horn of ơ, ư widens the letter a little. */
const HORN = 0x031b;

/** The advance of `text` in 1/1000 em. Vietnamese letters count as their base letter (tone marks take no room). */
export function textUnits(text: string, bold = false): number {
  const table = bold ? BOLD : ROMAN;
  let units = 0;
  for (const ch of text.normalize('NFD').replace(/[đ]/g, 'd').replace(/[Đ]/g, 'D')) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code <= 126) units += table[code - 32]!;
    else if (code === HORN) units += 40;
    else if (code >= 0x300 && code <= 0x36f) continue;
    else if (code === 0xa0) units += 250;
    else if (code === 0x2013) units += 500; // –
    else if (code === 0x2014) units += 1000; // —
    else units += 600;
  }
  return units;
}

/** Width in millimetres of `text` set in Times at `pt` points. */
export function textWidthMm(text: string, pt: number, bold = false): number {
  return (textUnits(text, bold) / 1000) * pt * MM_PER_PT;
}

/**
 * Breaks `text` at spaces into as few lines as fit `maxMm`, as even in length as possible (the longest line as short
 * as it can be), a line not ending on "và", "của", "các" when another break fits: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" in a
 * 62 mm cell → "SỞ THÔNG TIN" / "VÀ TRUYỀN THÔNG", never a last word left alone. A single word wider than `maxMm`
 * keeps its own line.
 */
export function balancedLines(text: string, maxMm: number, pt: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const width = (from: number, to: number) => textWidthMm(words.slice(from, to).join(' '), pt, bold);
  // A line ending on a joining word counts as wider, so the word starts the next line instead.
  const cost = (from: number, to: number) => width(from, to) + (to < words.length && JOINERS.has(words[to - 1]!.toLowerCase()) ? pt : 0);
  for (let lines = 1; lines <= words.length; lines++) {
    const fits = (s: ReturnType<typeof split>) => s !== null && Math.max(...s.breaks.map(([a, b]) => width(a, b))) <= maxMm + 1e-9;
    const preferred = split(words.length, lines, cost);
    const best = fits(preferred) ? preferred : split(words.length, lines, width);
    if (best && fits(best)) return best.breaks.map(([a, b]) => words.slice(a, b).join(' '));
  }
  return words;
}

const JOINERS = new Set(['và', 'của', 'các', 'với', 'cho']);

/** The split of n words into exactly `lines` lines that minimises the widest line (small n: exhaustive DP). */
function split(n: number, lines: number, width: (from: number, to: number) => number): { max: number; breaks: [number, number][] } | null {
  // best[k][i]: the best split of the first i words into k lines.
  const best: ({ max: number; breaks: [number, number][] } | null)[][] = [[{ max: 0, breaks: [] }, ...Array<null>(n).fill(null)]];
  for (let k = 1; k <= lines; k++) {
    const row: ({ max: number; breaks: [number, number][] } | null)[] = Array<null>(n + 1).fill(null);
    for (let i = k; i <= n; i++) {
      for (let j = k - 1; j < i; j++) {
        const prev = best[k - 1]![j];
        if (!prev) continue;
        const max = Math.max(prev.max, width(j, i));
        if (!row[i] || max < row[i]!.max) row[i] = { max, breaks: [...prev.breaks, [j, i]] };
      }
    }
    best.push(row);
  }
  return best[lines]![n] ?? null;
}
