import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { toXlsx } from '../../src/reports/xlsx.ts';

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
    expect(ws.getRow(2).getCell(2).value).toBe(91.25);
    const hostile = ws.getRow(3).getCell(1);
    expect(hostile.type).toBe(ExcelJS.ValueType.String);
    expect(hostile.value).toBe('=HYPERLINK("http://x","y")');
    expect(hostile.formula).toBeUndefined();
  });
});
