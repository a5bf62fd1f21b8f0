import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { neutraliseCell, toCsv, UTF8_BOM, type DataTable } from '../../src/reports/csv.ts';

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
