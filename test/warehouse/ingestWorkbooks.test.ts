/**
 * Tables as offices keep them (SPEC §3): every kind as an .xlsx saved by LibreOffice Calc (test/fixtures/office/make.sh)
 * with an empty first sheet, a merged title, a subtitle and a blank row above the header, date cells, dd/mm/yyyy text
 * and numbers. The night loads exactly what the same night's UTF-8 CSVs load.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailboxesSpec } from '../../src/inputs/mailboxes.ts';
import { readWorkbookTable, WorkbookError } from '../../src/inputs/readWorkbook.ts';
import { findNights } from '../../src/warehouse/ingest/exportFolder.ts';
import { ingestNight, type NightResult } from '../../src/warehouse/ingest/ingestNight.ts';
import { FIXTURES, query, tempDir } from '../fixtures/warehouseSupport.ts';

const SAME = [
  'SELECT code, name, abbr, parent_code, kind, grp, headcount, phone, address, valid_from::VARCHAR AS f, valid_to::VARCHAR AS t FROM agencies ORDER BY code',
  `SELECT address, kind, display_name, agency_code, department, title, status, created_at::VARCHAR AS c, password_changed_at::VARCHAR AS p,
     must_change_password AS m, quota_mb, forward_to, phone FROM mailboxes ORDER BY address`,
  'SELECT address, last_login_at::VARCHAR AS l, used_mb FROM mailbox_activity ORDER BY address',
  'SELECT time::VARCHAR AS t, address, protocol, client_ip FROM logins ORDER BY time, address',
  'SELECT id, type, agency_code, channel, received_at::VARCHAR AS r, completed_at::VARCHAR AS c, result, note FROM requests ORDER BY id',
  'SELECT id, occurred_at::VARCHAR AS o, reported_at::VARCHAR AS r, kind, severity, summary FROM incidents ORDER BY id',
];

describe('a night of .xlsx tables saved by LibreOffice Calc', () => {
  let csv: string;
  let xlsx: string;
  let result: NightResult;
  beforeAll(async () => {
    csv = join(tempDir(), 'csv.duckdb');
    xlsx = join(tempDir(), 'xlsx.duckdb');
    await ingestNight(findNights(join(FIXTURES, 'nights', '2026-11-20'))[0]!, csv, { now: () => new Date('2026-11-21T02:00:00+07:00') });
    result = await ingestNight(findNights(join(FIXTURES, 'xlsx', '2026-11-20'))[0]!, xlsx, { now: () => new Date('2026-11-21T02:00:00+07:00') });
  });

  it('loads every row of every kind, as the CSV night does', async () => {
    expect(result.rowsLoaded).toEqual({ agencies: 4, mailboxes: 6, logins: 3, requests: 2, incidents: 1 });
    expect(result.rowsQuarantined).toBe(0);
    expect(result.gaps).toEqual([]);
    for (const sql of SAME) {
      const rows = await query(xlsx, sql);
      expect(rows.length, sql).toBeGreaterThan(0);
      expect(rows, sql).toEqual(await query(csv, sql));
    }
  });

  it('keeps the personal data rules: no CCCD or birth date stored', async () => {
    const dump = JSON.stringify(await query(xlsx, 'SELECT * FROM mailboxes'));
    for (const secret of ['094085001234', '12/05/1985', '1985-05-12']) expect(dump).not.toContain(secret);
  });
});

describe('readWorkbookTable', () => {
  async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('finds the header below a title block, reads dates, numbers, links and formulas as a CSV would hold them', async () => {
    const bytes = await workbook((wb) => {
      const s = wb.addWorksheet('DS');
      s.addRow(['DANH SÁCH']);
      s.mergeCells('A1:D1');
      s.addRow([]);
      s.addRow(['Địa chỉ', 'Kind', 'Display Name', 'Quota MB', 'Created At']);
      s.addRow([{ text: 'an@soctrang.gov.vn', hyperlink: 'mailto:an@soctrang.gov.vn' }, 'ca-nhan', 'Lâm An', { formula: '1024*2', result: 2048 }, new Date(Date.UTC(2026, 2, 14, 1, 57))]);
    });
    const t = await readWorkbookTable(bytes, mailboxesSpec.columns);
    expect(t.headerLine).toBe(3);
    expect(t.records).toEqual([{ line: 4, fields: ['an@soctrang.gov.vn', 'ca-nhan', 'Lâm An', '2048', '2026-03-14 01:57:00'] }]);
  });

  it('says which sheet has data but no header, and refuses bytes that are no workbook', async () => {
    const bytes = await workbook((wb) => wb.addWorksheet('Tổng hợp').addRow(['Tổng cộng', 12]));
    await expect(readWorkbookTable(bytes, mailboxesSpec.columns)).rejects.toThrow(/^trang "Tổng hợp" có dữ liệu nhưng không có dòng tiêu đề/);
    await expect(readWorkbookTable(Buffer.from('PK\x03\x04 not really'), mailboxesSpec.columns)).rejects.toThrow(WorkbookError);
  });

  it('a workbook saved under a .csv name is read as one, with a warning', async () => {
    const night = join(tempDir(), '2026-11-20');
    mkdirSync(night);
    copyFileSync(join(FIXTURES, 'xlsx', '2026-11-20', 'agencies.xlsx'), join(night, 'agencies.csv'));
    writeFileSync(join(night, 'logins.csv'), 'time,address,protocol,client_ip\n');
    const r = await ingestNight(findNights(night)[0]!, join(tempDir(), 'w.duckdb'));
    expect(r.rowsLoaded.agencies).toBe(4);
    expect(r.warnings).toContain('agencies.csv: tệp là bảng tính Excel (.xlsx) mang tên .csv — đã đọc như bảng tính');
  });
});
