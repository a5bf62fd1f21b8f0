import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from '../../src/cli/command.ts';
import { reportCommand } from '../../src/cli/commands/report.ts';
import { renderReportHtml } from '../../src/reports/html.ts';
import { prepareReport, readRecommendations } from '../../src/reports/writeReport.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { reportYearFixture } from './fixture.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tcv-report-'));
  db = join(dir, 'w.duckdb');
  const f = await reportYearFixture(db);
  f.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(): CommandIO & { out: string[] } {
  const out: string[] = [];
  return { out, stdout: (t) => out.push(t), stderr: () => {}, isTTY: false };
}

describe('report command', () => {
  it('writes the print view, annex CSVs with BOM and an XLSX with frozen Vietnamese headers', async () => {
    const out = join(dir, 'out');
    const o = io();
    const code = await reportCommand.run({ db, period: '2025-H1', out, today: '2025-07-01', 'no-pdf': true }, [], o);
    expect(code).toBe(0);
    // From 01/07, 18 days to 19/07: the last day on time, the day before "trước ngày 20/7" (002 Điều 10 khoản 3).
    expect(o.out.join('')).toContain('hạn trước ngày 20/07/2025, còn 18 ngày');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(html).toContain('Sóc Trăng, ngày 01 tháng 7 năm 2025');
    // Dated 01/07/2025, after Sở TT&TT merged into Sở KH&CN (01/03/2025): the sender is the agency in force that day.
    expect(html).toContain('/BC-SKHCN');
    expect(html).not.toContain('/BC-STTTT');
    expect(html).not.toMatch(/(src|href)="https?:/);
    const csv = readFileSync(join(out, 'phu-luc-1-hop-thu.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSTT,Mã cơ quan,')).toBe(true);
    expect(csv).toContain('"Tên cơ quan, đơn vị"');
    // The CSV is for machines: ISO dates, no total row (the XLSX has it).
    expect(csv).toContain(',2025-01-01,2025-02-28,');
    expect(csv).not.toContain('Tổng cộng');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'phu-luc.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Phụ lục I – Hộp thư', 'Phụ lục II – Phiếu yêu cầu', 'Phụ lục III – An toàn thư', 'Phụ lục IV – Sự cố', 'Phụ lục V – Xếp hạng',
      'Phụ lục VI – Lưu lượng thư',
    ]);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('Tên cơ quan, đơn vị');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(3).value).toBe('Tổng cộng');
    expect(last.font?.bold).toBe(true);
    const from = ws.getRow(2).getCell(6);
    expect(from.value).toBeInstanceOf(Date);
    expect(from.numFmt).toBe('dd/mm/yyyy');
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    // The Word copy of the same document, beside the print view.
    const docx = unzipSync(new Uint8Array(readFileSync(join(out, 'report.docx'))));
    const xml = strFromU8(docx['word/document.xml']!);
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(xml).toContain('VI. Kiến nghị, đề xuất');
    expect(o.out.join('')).toContain('report.docx');
  });

  it('a report dated before the merger is sent by Sở TT&TT, under its own abbreviation', async () => {
    const out = join(dir, 'out-early');
    expect(await reportCommand.run({ db, period: '2025-01-01..2025-01-31', out, today: '2025-02-10', 'no-pdf': true }, [], io())).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('/BC-STTTT');
    expect(html).toContain('SỞ THÔNG TIN<br />VÀ TRUYỀN THÔNG');
  });

  it('refuses a period the warehouse holds no data of, saying why, and writes nothing', async () => {
    const out = join(dir, 'out-2024');
    await expect(reportCommand.run({ db, period: '2024', out, today: '2025-02-10', 'no-pdf': true }, [], io())).rejects.toThrow(
      /Kho dữ liệu không có số liệu của năm 2024 .*danh sách hộp thư chỉ có từ ngày 01\/01\/2025/,
    );
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('rejects a bad period or date as a usage error', async () => {
    await expect(reportCommand.run({ db, period: '2025-H3', out: dir }, [], io())).rejects.toThrow(/không hợp lệ/);
    await expect(reportCommand.run({ db, period: '2025', out: dir, today: '05/01/2026' }, [], io())).rejects.toThrow(/--today/);
  });
});

describe('Kiến nghị, đề xuất from the editable file', () => {
  it('the period file wins over the profile file, and its text replaces the generated one (escaped)', async () => {
    const recs = join(dir, 'recs');
    mkdirSync(recs, { recursive: true });
    writeFileSync(join(recs, 'soctrang-2024.md'), 'Chung cho mọi kỳ.');
    writeFileSync(join(recs, '2025.md'), '\uFEFF- Đề nghị **bổ sung** kinh phí <b>2026</b>.');
    const policy = loadPolicy('soctrang-2024');
    expect(readRecommendations(parsePeriod('2025-H1'), policy, recs)).toBe('Chung cho mọi kỳ.');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
    const conn = await instance.connect();
    try {
      const { model, annexes } = await prepareReport(new ComplianceSession().on(conn, policy), parsePeriod('2025'), '2026-01-05', recs);
      expect(model.recommendationsSource).toBe('file');
      const html = renderReportHtml(model, annexes, '');
      expect(html).toContain('<li>Đề nghị <strong>bổ sung</strong> kinh phí &lt;b&gt;2026&lt;/b&gt;.</li>');
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
  });
});
