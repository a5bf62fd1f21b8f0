import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fitSheetName, SHEET_NAME_MAX, toXlsx } from '../../src/reports/xlsx.ts';

describe('toXlsx', () => {
  it('writes Vietnamese headers, frozen header row, widths, numbers as numbers and formulas as inert text', async () => {
    const bytes = await toXlsx([
      {
        name: 'Xếp hạng: nhóm/sở',
        columns: [{ header: 'Cơ quan', width: 40 }, { header: 'Điểm', numFmt: '0.0' }],
        rows: [
          ['Sở Khoa học và Công nghệ', 91.25],
          ['=HYPERLINK("http://x","y")', null],
        ],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Xếp hạng- nhóm-sở');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(40);
    expect(ws.getRow(1).getCell(1).value).toBe('Cơ quan');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getRow(2).getCell(2).value).toBe(91.3); // rounded to its format '0.0' where it is written
    const hostile = ws.getRow(3).getCell(1);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe('=HYPERLINK("http://x","y")');
    expect(hostile.formula).toBeUndefined();
  });
});

describe('an XLSX for people', () => {
  it('dates and times are date cells shown dd/mm/yyyy, totals in bold, A4 landscape fitted to one page wide, header repeated', async () => {
    const bytes = await toXlsx([
      {
        name: 'Lịch sử nạp dữ liệu',
        title: 'Lịch sử nạp dữ liệu',
        columns: [{ header: 'Ngày', type: 'date' }, { header: 'Lúc', type: 'datetime' }, { header: 'Đã dùng (MB)', numFmt: '#,##0.0' }],
        rows: [['2026-03-14', '2026-03-14 01:57', 656.1999998092651], [null, 'Chưa báo cáo', null]],
        footer: [['', null, 656.2]],
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const day = ws.getRow(2).getCell(1);
    expect(day.value).toEqual(new Date(Date.UTC(2026, 2, 14)));
    expect(day.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 2, 14, 1, 57)));
    expect(ws.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(ws.getRow(2).getCell(3).value).toBe(656.2);
    expect(ws.getRow(3).getCell(2).value).toBe('Chưa báo cáo');
    expect(ws.getRow(4).font?.bold).toBe(true);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
    expect(ws.autoFilter).toBeTruthy();
  });

  it.each([
    ['Phụ lục I – Hộp thư', 'Phụ lục I – Hộp thư'],
    ['Phụ lục 1. Hộp thư theo cơ quan, đơn vị', 'Phụ lục 1. Hộp thư theo cơ quan'],
    ['Phát hiện ST.H11.X05', 'Phát hiện ST.H11.X05'],
    ['Xếp hạng: nhóm/sở', 'Xếp hạng- nhóm-sở'],
    ['Danhsachrấtdàikhôngcókhoảngtrắngnàoởđâucả', 'Danhsachrấtdàikhôngcókhoảngtrắn'],
  ])('fits the sheet name %j to 31 characters without cutting a word: %j', (name, expected) => {
    const fitted = fitSheetName(name);
    expect(fitted).toBe(expected);
    expect(fitted.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });

  it('two names that fit to the same one are told apart', () => {
    const taken = new Set<string>();
    expect(fitSheetName('Phụ lục 1. Hộp thư theo cơ quan, đơn vị', taken)).toBe('Phụ lục 1. Hộp thư theo cơ quan');
    expect(fitSheetName('Phụ lục 1. Hộp thư theo cơ quan, đơn vị', taken)).toBe('Phụ lục 1. Hộp thư theo cơ (2)');
  });
});
