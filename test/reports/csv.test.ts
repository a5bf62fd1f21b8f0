import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { CSV_CONVENTION, formatDecimals, neutraliseCell, roundTo, toCsv, UTF8_BOM } from '../../src/reports/csv.ts';
import type { DataTable } from '../../src/text/table.ts';

describe.each([
  ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
  ['+84 912', `'+84 912`],
  ['-1+1', `'-1+1`],
  ['@SUM(A1)', `'@SUM(A1)`],
  ['\t=1', `'\t=1`],
  ['\r=1', `'\r=1`],
  ['Nguyễn Văn An', 'Nguyễn Văn An'],
  ['a=b', 'a=b'],
  ['', ''],
])('neutraliseCell(%j)', (input, expected) => {
  it(`gives ${JSON.stringify(expected)}`, () => expect(neutraliseCell(input)).toBe(expected));
});

describe('neutraliseCell for non-text', () => {
  it('keeps numbers, including negatives, as numbers', () => {
    expect(neutraliseCell(-5)).toBe('-5');
    expect(neutraliseCell(1234.5)).toBe('1234.5');
  });
  it('writes empty for null, undefined and non-finite numbers', () => {
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(undefined)).toBe('');
    expect(neutraliseCell(Number.NaN)).toBe('');
  });
});

describe('toCsv', () => {
  const table: DataTable = {
    columns: [{ header: 'Địa chỉ' }, { header: 'Tên hiển thị' }, { header: 'Điểm' }],
    rows: [
      ['a@soctrang.gov.vn', '<script>alert(1)</script>', 87.5],
      ['b@soctrang.gov.vn', '=HYPERLINK("http://x","y")', -2],
      ['c@soctrang.gov.vn', 'Dòng 1\nDòng 2, "trích"', null],
    ],
  };
  const csv = toCsv(table);

  it('starts with a UTF-8 BOM and uses CRLF', () => {
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`${UTF8_BOM}Địa chỉ,Tên hiển thị,Điểm`);
  });

  it('round-trips through PapaParse with formulas neutralised and text intact', () => {
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toEqual([
      ['Địa chỉ', 'Tên hiển thị', 'Điểm'],
      ['a@soctrang.gov.vn', '<script>alert(1)</script>', '87.5'],
      ['b@soctrang.gov.vn', `'=HYPERLINK("http://x","y")`, '-2'],
      ['c@soctrang.gov.vn', 'Dòng 1\nDòng 2, "trích"', ''],
    ]);
  });
});

describe('the CSV convention for machines (CSV_CONVENTION, stated on the data page)', () => {
  const table: DataTable = {
    columns: [
      { header: 'Ngày', type: 'date' },
      { header: 'Lúc', type: 'datetime' },
      { header: 'Dung lượng (MB)', numFmt: '#,##0.0' },
      { header: 'Tỷ lệ', numFmt: '0.0%' },
      { header: 'Số' },
    ],
    rows: [['2026-03-14', '2026-03-14 01:57', 656.1999998092651, 0.87543, 1234567]],
    footer: [['Tổng cộng', null, 656.2, null, 1234567]],
  };

  it('writes ISO dates, times with the +07:00 offset, numbers with a dot rounded to their column, no thousands separator', () => {
    const lines = toCsv(table).split('\r\n');
    expect(lines[1]).toBe('2026-03-14,2026-03-14T01:57+07:00,656.2,0.875,1234567');
  });

  it('leaves the footer (total) rows to the XLSX: a machine summing the CSV counts each figure once', () => {
    expect(toCsv(table)).not.toContain('Tổng cộng');
    expect(toCsv(table).split('\r\n').filter((l) => l !== '')).toHaveLength(2);
  });

  it('rounds half away from zero, ignoring binary noise', () => {
    expect(roundTo(84.25, 1)).toBe(84.3);
    expect(roundTo(-84.25, 1)).toBe(-84.3);
    expect(roundTo(0.1 + 0.2, 4)).toBe(0.3);
    expect(formatDecimals('#,##0')).toBe(0);
    expect(formatDecimals('+0.0;-0.0;0')).toBe(1);
    expect(formatDecimals(undefined)).toBe(4);
  });

  it('is stated in Vietnamese for the data page', () => {
    expect(CSV_CONVENTION.join(' ')).toMatch(/YYYY-MM-DD.*dấu chấm thập phân|dấu chấm thập phân.*YYYY-MM-DD/);
  });
});
