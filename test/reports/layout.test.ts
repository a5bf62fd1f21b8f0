// How the printed report is laid out (pure parts): text widths in Times, the agency's name broken into balanced lines
// for the NĐ 30/2020 header, annex columns fitted to what they hold, agencies rolled up and grouped, Roman numerals,
// and the dates of NĐ 30/2020 ("ngày 05 tháng 01 năm 2026").
import { describe, expect, it } from 'vitest';
import { dateWords } from '../../src/reports/document.ts';
import { FIGURE_KEYS, type AgencyReportRow } from '../../src/reports/model.ts';
import { columnWidthsMm, printCell, type PrintTable } from '../../src/reports/printTable.ts';
import { roman, rollUp } from '../../src/reports/rollup.ts';
import { balancedLines, textWidthMm } from '../../src/reports/textWidth.ts';

describe('text widths (Times metrics)', () => {
  it('measures a line as Writer sets it, within a few per cent', () => {
    // Measured with pdftotext -bbox in the PDF Writer made of the report (Liberation Serif): Quốc hiệu at 12 pt bold
    // 250.1 pt = 88.2 mm, Tiêu ngữ at 13 pt bold 159.1 pt = 56.1 mm.
    expect(textWidthMm('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true)).toBeCloseTo(88.2, 0);
    expect(textWidthMm('Độc lập - Tự do - Hạnh phúc', 13, true)).toBeCloseTo(56.1, 0);
    expect(textWidthMm('0123456789', 10)).toBeCloseTo(17.64, 1);
    // Tone marks take no room: the same as the bare letters.
    expect(textWidthMm('Ệ', 13, true)).toBe(textWidthMm('E', 13, true));
  });

  it.each([
    ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG', ['SỞ THÔNG TIN', 'VÀ TRUYỀN THÔNG']],
    ['SỞ KHOA HỌC VÀ CÔNG NGHỆ', ['SỞ KHOA HỌC', 'VÀ CÔNG NGHỆ']],
    ['SỞ Y TẾ', ['SỞ Y TẾ']],
    ['UBND TỈNH SÓC TRĂNG', ['UBND TỈNH SÓC TRĂNG']],
  ])('breaks %j into balanced lines in the header\'s 64 mm, never leaving "và" at a line end: %j', (name, lines) => {
    expect(balancedLines(name, 64, 13, true)).toEqual(lines);
  });

  it('keeps a word wider than the column whole, on its own line', () => {
    expect(balancedLines('A RẤTDÀIKHÔNGCÓKHOẢNGTRẮNGNÀOCẢ B', 20, 13, true)).toEqual(['A', 'RẤTDÀIKHÔNGCÓKHOẢNGTRẮNGNÀOCẢ', 'B']);
  });
});

describe('annex columns', () => {
  const table: PrintTable = {
    columns: [{ header: 'STT' }, { header: 'Cơ quan, đơn vị', grow: true }, { header: 'Hộp thư cá nhân đang hoạt động', decimals: 0 }, { header: 'Dung lượng đã dùng (MB)', decimals: 1 }],
    rows: [
      { kind: 'group', cells: ['III', 'Sở, ban, ngành (19)', 306, 243686.7] },
      { kind: 'item', cells: [142, 'Sở Nông nghiệp và Phát triển nông thôn', 39, 31397.2] },
      { kind: 'rest', cells: ['', '85 cơ quan, đơn vị còn lại chưa có hộp thư.'] },
      { kind: 'total', cells: ['', 'Tổng cộng', 1051, 843492.3] },
    ],
    empty: null,
  };

  it('every column at least as wide as its widest value and its longest header word, within the page', () => {
    const widths = columnWidthsMm(table, 252, 11);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(252 + 1e-9);
    table.columns.forEach((c, j) => {
      const values = table.rows.filter((r) => r.kind !== 'rest').map((r) => printCell(r.cells[j], c));
      const bold = (r: number) => table.rows[r]!.kind !== 'item';
      for (const [i, v] of values.entries()) {
        const parts = c.grow ? v.split(' ') : [v];
        for (const p of parts) expect(textWidthMm(p, 11, bold(i)), `${c.header}: ${p}`).toBeLessThan(widths[j]!);
      }
      for (const w of c.header.split(' ')) expect(textWidthMm(w, 11, true)).toBeLessThan(widths[j]!);
    });
  });

  it('prints numbers the Vietnamese way, zero as 0, signed changes with a true minus', () => {
    expect(printCell(843492.3, { header: '', decimals: 1 })).toBe('843.492,3');
    expect(printCell(0, { header: '', decimals: 1 })).toBe('0');
    expect(printCell(-1.25, { header: '', decimals: 1, signed: true })).toBe('\u22121,3');
    expect(printCell(2.5, { header: '', decimals: 1, signed: true })).toBe('+2,5');
    expect(printCell('2026-05-07 22:42', { header: '', datetime: true })).toBe('22:42 07/05/2026');
  });
});

describe('agencies rolled up and grouped', () => {
  const zero = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as unknown as Record<(typeof FIGURE_KEYS)[number], number>;
  const row = (code: string, name: string, group: string, parent: string | null, issued: number, kind = group): AgencyReportRow => ({
    ...zero, code, name, group, kind, parent, existedFrom: '2026-01-01', existedTo: '2026-12-31', existed: '01/01/2026 – 31/12/2026', note: null, issued,
  });
  const rows = [
    row('ST.14', 'Sở Khoa học và Công nghệ', 'so-nganh', null, 1),
    row('ST.14.P01', 'Văn phòng Sở', 'phong-ban', 'ST.14', 2),
    row('ST.14.U01', 'Trung tâm Công nghệ số', 'dvsn', 'ST.14', 4),
    row('ST.H01', 'UBND huyện Kế Sách', 'ubnd-huyen', null, 0),
    row('ST.H01.X01', 'UBND xã An Mỹ', 'ubnd-xa', 'ST.H01', 3),
    row('ST.22', 'Tỉnh Đoàn', 'dang-doan-the', null, 5),
    { ...row('ZZZ', 'Mã ZZZ (không có trong danh mục cơ quan của kỳ)', '', null, 7), existed: null, existedFrom: null, existedTo: null },
  ];

  it('rolls every unit up into the agency at the top of its tree, groups in a fixed order, codes missing from the list last', () => {
    const groups = rollUp(rows);
    expect(groups.map((g) => [g.label, g.units.map((u) => [u.code, u.members.length, u.figures.issued])])).toEqual([
      ['Sở, ban, ngành', [['ST.14', 3, 7]]],
      ['UBND cấp huyện', [['ST.H01', 2, 3]]],
      ['Đảng, đoàn thể', [['ST.22', 1, 5]]],
      ['Chưa xác định cơ quan', [['ZZZ', 1, 7]]],
    ]);
    expect(groups.reduce((s, g) => s + g.figures.issued, 0)).toBe(rows.reduce((s, r) => s + r.issued, 0));
  });

  it.each([[1, 'I'], [4, 'IV'], [6, 'VI'], [9, 'IX'], [14, 'XIV'], [40, 'XL']])('numbers %i as %s', (n, r) => expect(roman(n)).toBe(r));
});

describe('dates as NĐ 30/2020 writes them', () => {
  it.each([
    ['2026-01-05', 'ngày 05 tháng 01 năm 2026'],
    ['2026-02-28', 'ngày 28 tháng 02 năm 2026'],
    ['2025-03-09', 'ngày 09 tháng 3 năm 2025'],
    ['2026-11-21', 'ngày 21 tháng 11 năm 2026'],
  ])('%s → %s', (iso, words) => expect(dateWords(iso)).toBe(words));
});
