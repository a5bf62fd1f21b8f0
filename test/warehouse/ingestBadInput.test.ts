/**
 * The bad-input corpus (SPEC §3.6): each folder of test/fixtures/bad-input is one night with one kind of trouble.
 * Every case asserts the exact quarantine entries (file, line, column, reason) and that the good rows loaded.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError } from '../../src/errors.ts';
import { findNights } from '../../src/warehouse/ingest/exportFolder.ts';
import { ingestNight, type NightResult } from '../../src/warehouse/ingest/ingestNight.ts';
import { copyFixture, dumpWarehouse, FIXTURES, query, sha256File, tempDir } from '../fixtures/warehouseSupport.ts';

interface Case {
  db: string;
  result: NightResult;
  quarantine: Array<{ file: string; line: number | null; column_name: string | null; reason: string }>;
}

async function ingestCase(name: string, options: { partial?: boolean } = {}): Promise<Case> {
  const db = join(tempDir(), 'w.duckdb');
  const [night] = findNights(join(FIXTURES, 'bad-input', name, '2026-11-20'));
  const result = await ingestNight(night!, db, { now: () => new Date('2026-11-21T02:00:00+07:00'), ...options });
  const quarantine = await query<Case['quarantine'][number]>(db, 'SELECT file, line, column_name, reason FROM quarantine ORDER BY file, line');
  return { db, result, quarantine };
}

const addresses = (db: string) => query<{ address: string }>(db, 'SELECT address FROM mailboxes ORDER BY address').then((r) => r.map((x) => x.address));

describe('bad input never stops a good night (SPEC §3.6)', () => {
  it('missing columns: a required one fails the night, naming file, line and column; the warehouse is not written', async () => {
    const db = join(tempDir(), 'w.duckdb');
    const [night] = findNights(join(FIXTURES, 'bad-input', 'missing-columns', '2026-11-20'));
    await expect(ingestNight(night!, db)).rejects.toThrow(
      /^không đọc được tệp .*missing-columns\/2026-11-20\/mailboxes\.csv: dòng tiêu đề \(dòng 1\) thiếu cột bắt buộc "status"; .*Đêm 2026-11-20 không được nạp, kho dữ liệu giữ nguyên; .*--partial/,
    );
    expect(existsSync(db)).toBe(false);
  });

  it('missing columns under --partial: a required one rejects its file once at line 1 and is a gap; a missing optional one is a warning', async () => {
    const c = await ingestCase('missing-columns', { partial: true });
    expect(c.result.gaps).toEqual([
      { file: 'mailboxes.csv', reason: 'dòng tiêu đề (dòng 1) thiếu cột bắt buộc "status"; hãy xuất lại tệp với đủ các cột của mailboxes.csv theo mẫu' },
    ]);
    expect(await query(c.db, 'SELECT gaps::VARCHAR AS gaps FROM ingest_runs')).toEqual([{ gaps: JSON.stringify(c.result.gaps) }]);
    expect(c.quarantine).toEqual([
      { file: 'mailboxes.csv', line: 1, column_name: 'status', reason: 'thiếu cột bắt buộc "status" — không nạp dòng nào của tệp' },
    ]);
    expect(c.result.warnings).toEqual([
      'agencies.csv: thiếu cột không bắt buộc phone, address, valid_to, successor_code',
      `thiếu dữ liệu: mailboxes.csv — ${c.result.gaps[0]!.reason} (nạp một phần theo --partial)`,
    ]);
    expect(c.result.rowsLoaded).toEqual({ agencies: 2, logins: 2 });
    expect(await query(c.db, 'SELECT count(*)::INTEGER AS n FROM mailboxes')).toEqual([{ n: 0 }]);
  });

  it('extra columns are ignored with a warning', async () => {
    const c = await ingestCase('extra-columns');
    expect(c.quarantine).toEqual([]);
    expect(c.result.warnings).toEqual(['agencies.csv: bỏ qua cột thừa Ghi chú, Người nhập', 'mailboxes.csv: bỏ qua cột thừa Số hiệu phiếu']);
    expect(c.result.rowsLoaded).toEqual({ agencies: 2, mailboxes: 1 });
  });

  it('Excel CSV: BOM, ";" separators, CRLF, Vietnamese headers, dd/mm/yyyy dates and decimal commas', async () => {
    const c = await ingestCase('excel-semicolon');
    expect(c.quarantine).toEqual([
      { file: 'agencies.csv', line: 3, column_name: null, reason: 'số trường không khớp: dòng có 13 trường, dòng tiêu đề có 12 (dòng bị cắt cụt hoặc lỗi định dạng)' },
    ]);
    expect(await query(c.db, "SELECT code, valid_from::VARCHAR AS valid_from, address FROM agencies ORDER BY code")).toEqual([
      { code: 'SKHCN', valid_from: '2008-04-01', address: '108 Lê Hồng Phong; Phường 3' },
      { code: 'STTTT', valid_from: '2008-04-01', address: '18 Hùng Vương, Phường 6, TP. Sóc Trăng' },
    ]);
    expect(await query(c.db, 'SELECT m.address, kind, status, must_change_password, used_mb FROM mailboxes m JOIN mailbox_activity USING (address) ORDER BY 1')).toEqual([
      { address: 'dcnguyen@soctrang.gov.vn', kind: 'ca-nhan', status: 'active', must_change_password: false, used_mb: 1530.25 },
      { address: 'sotttt@soctrang.gov.vn', kind: 'co-quan', status: 'active', must_change_password: false, used_mb: 812.5 },
    ]);
  });

  it('Excel "Unicode text": UTF-16 LE, tab-separated', async () => {
    const c = await ingestCase('excel-unicode-text');
    expect(c.quarantine).toEqual([]);
    expect(c.result.warnings).toEqual(['mailboxes.csv: đọc theo bảng mã UTF-16 LE (Unicode text của Excel)']);
    expect(await query(c.db, "SELECT display_name, department FROM mailboxes WHERE address = 'thachsophal@soctrang.gov.vn'")).toEqual([
      { display_name: 'Thạch Sô Phal', department: 'Văn phòng HĐND và UBND' },
    ]);
  });

  it('TCVN3 (8-bit) files are converted to Unicode with a warning naming file and encoding', async () => {
    const c = await ingestCase('tcvn3');
    expect(c.quarantine).toEqual([]);
    expect(c.result.warnings.map((w) => w.replace(/ \(độ tin cậy [\d.]+\)$/, ''))).toEqual([
      'agencies.csv: văn bản theo bảng mã TCVN3 (ABC, phông .VnTime) đã được chuyển sang Unicode TCVN 6909:2001',
      'mailboxes.csv: văn bản theo bảng mã TCVN3 (ABC, phông .VnTime) đã được chuyển sang Unicode TCVN 6909:2001',
    ]);
    expect(await query(c.db, "SELECT name FROM agencies WHERE code = 'STTTT'")).toEqual([{ name: 'Sở Thông tin và Truyền thông' }]);
    expect(await query(c.db, 'SELECT display_name, department FROM mailboxes ORDER BY address')).toEqual([
      { display_name: 'Dương Chí Nguyện', department: 'Phòng Chuyển đổi số' },
      { display_name: 'Nguyễn Thanh Bình', department: 'Phòng Văn hóa và Thông tin' },
    ]);
  });

  it('VNI: a whole 8-bit file and single VNI cells in a Unicode file are converted', async () => {
    const c = await ingestCase('vni');
    expect(c.quarantine).toEqual([]);
    expect(c.result.warnings[0]).toBe('mailboxes.csv: 3 ô theo bảng mã VNI-Windows (phông VNI-Times) đã được chuyển sang Unicode TCVN 6909:2001');
    expect(c.result.warnings[1]).toMatch(/^requests\.csv: văn bản theo bảng mã VNI-Windows \(phông VNI-Times\) đã được chuyển sang Unicode TCVN 6909:2001/);
    expect(await query(c.db, "SELECT display_name, department, title FROM mailboxes WHERE address = 'lvpan@soctrang.gov.vn'")).toEqual([
      { display_name: 'Lò Văn Pản', department: 'Phòng Quản lý khoa học', title: 'Chuyên viên' },
    ]);
    expect(await query(c.db, "SELECT note FROM requests WHERE id = 'YC-2026-0101'")).toEqual([{ note: 'Cấp hộp thư cho Lò Văn Pản mới tuyển dụng' }]);
  });

  it('8-bit text in no recognisable Vietnamese encoding fails the night; under --partial it is quarantined as a whole file', async () => {
    const [night] = findNights(join(FIXTURES, 'bad-input', 'unsure-encoding', '2026-11-20'));
    await expect(ingestNight(night!, join(tempDir(), 'w.duckdb'))).rejects.toThrow(/^không đọc được tệp .*\/incidents\.csv: tệp không phải Unicode/);
    const c = await ingestCase('unsure-encoding', { partial: true });
    expect(c.quarantine).toEqual([
      {
        file: 'incidents.csv',
        line: null,
        column_name: null,
        reason:
          'tệp không phải Unicode (UTF-8/UTF-16) và không nhận ra chắc chắn bảng mã Windows-1258, TCVN3 hay VNI — hãy mở tệp gốc ' +
          'trong Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)" (hoặc gửi tệp .xlsx), theo Unicode TCVN 6909:2001 — không nạp dòng nào của tệp',
      },
    ]);
    expect(c.result.rowsLoaded).toEqual({ agencies: 3, logins: 1, incidents: 0 });
  });

  it('Excel "CSV (Comma delimited)" from a Vietnamese Windows (Windows-1258, saved by LibreOffice Calc): every row, names as the UTF-8 original (NFC)', async () => {
    const c = await ingestCase('windows-1258');
    expect(c.quarantine).toEqual([]);
    expect(c.result.gaps).toEqual([]);
    expect(c.result.warnings).toEqual([
      'agencies.csv: đọc theo bảng mã Windows-1258 (CSV của Excel trên Windows tiếng Việt), đã chuyển sang Unicode dựng sẵn (NFC)',
      'mailboxes.csv: đọc theo bảng mã Windows-1258 (CSV của Excel trên Windows tiếng Việt), đã chuyển sang Unicode dựng sẵn (NFC)',
    ]);
    const original = join(tempDir(), 'w.duckdb');
    await ingestNight(findNights(join(FIXTURES, 'nights', '2026-11-20'))[0]!, original);
    for (const sql of [
      'SELECT code, name, abbr, address FROM agencies ORDER BY code',
      'SELECT address, display_name, department, title, phone FROM mailboxes ORDER BY address',
    ]) {
      const rows = await query<Record<string, string | null>>(c.db, sql);
      expect(rows.length).toBeGreaterThan(3);
      expect(rows).toEqual(await query(original, sql));
      for (const row of rows) for (const v of Object.values(row)) if (typeof v === 'string') expect(v).toBe(v.normalize('NFC'));
    }
  });

  it('Vietnamese letters turned into "?" at export (Windows-1252, saved by LibreOffice Calc) fail the night, saying how to re-save', async () => {
    const [night] = findNights(join(FIXTURES, 'bad-input', 'question-marks', '2026-11-20'));
    const db = join(tempDir(), 'w.duckdb');
    await expect(ingestNight(night!, db)).rejects.toThrow(
      /^không đọc được tệp .*question-marks\/2026-11-20\/mailboxes\.csv: các chữ tiếng Việt đã bị thay bằng dấu "\?" khi xuất tệp \(ví dụ "Truy\?n", "D\?\?ng", "Nguy\?n"\).*lưu lại bằng "CSV UTF-8 \(Comma delimited\)".*Đêm 2026-11-20 không được nạp, kho dữ liệu giữ nguyên/,
    );
    expect(existsSync(db)).toBe(false);
    const c = await ingestCase('question-marks', { partial: true });
    expect(c.result.rowsLoaded).toEqual({ agencies: 4 });
    expect(c.result.gaps.map((g) => g.file)).toEqual(['mailboxes.csv']);
    expect(c.quarantine).toEqual([{ file: 'mailboxes.csv', line: null, column_name: null, reason: expect.stringMatching(/^các chữ tiếng Việt đã bị thay bằng dấu "\?"/) }]);
  });

  it('dd/mm/yyyy dates (with and without time) load; an impossible date is quarantined at its cell', async () => {
    const c = await ingestCase('dates-ddmmyyyy');
    expect(c.quarantine).toEqual([
      { file: 'incidents.csv', line: 3, column_name: 'reported_at', reason: 'thời điểm báo cáo trước thời điểm xảy ra sự cố' },
      {
        file: 'requests.csv',
        line: 3,
        column_name: 'received_at',
        reason: 'thời điểm không hợp lệ "31/02/2026 10:15" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])',
      },
    ]);
    expect(await query(c.db, 'SELECT id, received_at::VARCHAR AS r, completed_at::VARCHAR AS c FROM requests ORDER BY id')).toEqual([
      { id: 'YC-2026-0101', r: '2026-11-03 09:00:00+07', c: '2026-11-07 15:30:00+07' },
      { id: 'YC-2026-0103', r: '2026-11-17 00:00:00+07', c: '2026-11-18 08:05:00+07' },
    ]);
    expect(await query(c.db, 'SELECT id, reported_at::VARCHAR AS r FROM incidents')).toEqual([{ id: 'SC-2026-07', r: '2026-11-13 06:10:00+07' }]);
  });

  it('duplicated rows: exact repeats and conflicting repeats name the first line', async () => {
    const c = await ingestCase('duplicates');
    expect(c.quarantine).toEqual([
      { file: 'logins.csv', line: 3, column_name: null, reason: 'dòng trùng lặp với dòng 2' },
      { file: 'mailboxes.csv', line: 4, column_name: null, reason: 'dòng trùng lặp với dòng 2' },
      { file: 'mailboxes.csv', line: 5, column_name: null, reason: 'địa chỉ "ttlan@soctrang.gov.vn" đã có ở dòng 3 (nội dung khác)' },
    ]);
    expect(await addresses(c.db)).toEqual(['dcnguyen@soctrang.gov.vn', 'ttlan@soctrang.gov.vn']);
    expect(await query(c.db, "SELECT status FROM mailboxes WHERE address = 'ttlan@soctrang.gov.vn'")).toEqual([{ status: 'active' }]);
  });

  it('unknown agency codes in mailboxes and requests are quarantined at the agency_code column', async () => {
    const c = await ingestCase('unknown-agencies');
    const reason = (code: string) => `mã cơ quan "${code}" không có trong danh mục cơ quan (tính đến ngày 20/11/2026)`;
    expect(c.quarantine).toEqual([
      { file: 'mailboxes.csv', line: 3, column_name: 'agency_code', reason: reason('SGTVT') },
      { file: 'mailboxes.csv', line: 4, column_name: 'agency_code', reason: reason('SGTVT') },
      { file: 'requests.csv', line: 3, column_name: 'agency_code', reason: reason('HCT') },
    ]);
    expect(await addresses(c.db)).toEqual(['dcnguyen@soctrang.gov.vn']);
    expect(await query(c.db, 'SELECT id FROM requests')).toEqual([{ id: 'YC-2026-0101' }]);
  });

  it('truncated and garbled lines: an unclosed quote spoils one line, a cut last line is quarantined', async () => {
    const c = await ingestCase('truncated');
    expect(c.quarantine).toEqual([
      { file: 'logins.csv', line: 3, column_name: null, reason: 'số trường không khớp: dòng có 2 trường, dòng tiêu đề có 4 (dòng bị cắt cụt hoặc lỗi định dạng)' },
      { file: 'mailboxes.csv', line: 3, column_name: null, reason: 'dấu ngoặc kép mở ở dòng 3 không được đóng' },
      { file: 'mailboxes.csv', line: 5, column_name: null, reason: 'số trường không khớp: dòng có 16 trường, dòng tiêu đề có 17 (dòng bị cắt cụt hoặc lỗi định dạng)' },
    ]);
    expect(await addresses(c.db)).toEqual(['dcnguyen@soctrang.gov.vn', 'myxuyen@soctrang.gov.vn']);
    const raw = await query<{ raw: string }>(c.db, 'SELECT raw FROM quarantine');
    expect(raw.map((r) => r.raw).join('\n')).not.toMatch(/0940920|094190004321|03\/11\/1990|0907654321|0919888777/);
  });

  it('invalid enums, addresses, booleans and numbers: one entry per row, blaming the first bad column', async () => {
    const c = await ingestCase('bad-values');
    expect(c.quarantine).toEqual([
      { file: 'agencies.csv', line: 3, column_name: 'headcount', reason: 'số nguyên không âm không hợp lệ "một trăm"' },
      {
        file: 'agencies.csv',
        line: 4,
        column_name: 'kind',
        reason: 'giá trị "ban-nganh" không hợp lệ (chấp nhận: so-nganh, ubnd-huyen, ubnd-xa, phong-ban, dvsn, dang-doan-the, trung-uong, dn-nha-nuoc)',
      },
      // HMX was rejected, so its mailboxes would also fail the agency check; their own problems are reported first.
      { file: 'mailboxes.csv', line: 3, column_name: 'kind', reason: 'giá trị "nhân viên" không hợp lệ (chấp nhận: ca-nhan, co-quan)' },
      { file: 'mailboxes.csv', line: 4, column_name: 'address', reason: 'địa chỉ thư không hợp lệ "lvpan@soctrang"' },
      {
        file: 'mailboxes.csv',
        line: 5,
        column_name: 'must_change_password',
        reason: 'giá trị đúng/sai không hợp lệ "chưa" (chấp nhận TRUE/FALSE, 1/0, có/không); cột forward_to: địa chỉ chuyển tiếp không hợp lệ "thachsophal@gmail"',
      },
      { file: 'mailboxes.csv', line: 6, column_name: 'quota_mb', reason: 'số không hợp lệ "5 GB" (số không âm, ví dụ 2048 hoặc 1,5)' },
      {
        file: 'requests.csv',
        line: 3,
        column_name: 'type',
        reason:
          'giá trị "xoa-hop-thu" không hợp lệ (chấp nhận: cap-moi-ca-nhan, cap-moi-to-chuc, thu-hoi, thay-doi-ca-nhan, thay-doi-to-chuc, ' +
          'khoi-phuc-mat-khau-ca-nhan, khoi-phuc-mat-khau-to-chuc, mo-khoa)',
      },
      {
        file: 'requests.csv',
        line: 4,
        column_name: 'channel',
        // Cross-field checks (completed before received) run only once every cell is valid.
        reason: 'giá trị "dien-thoai" không hợp lệ (chấp nhận: qlvbdh, giay, thu-dien-tu)',
      },
    ]);
    expect(c.result.rowsLoaded).toEqual({ agencies: 1, mailboxes: 1, requests: 1 });
    expect(c.result.rowsQuarantined).toBe(8);
  });

  it('personal data of rejected rows never reaches the warehouse', async () => {
    for (const name of ['bad-values', 'duplicates', 'unknown-agencies', 'truncated', 'missing-columns']) {
      const dump = await dumpWarehouse((await ingestCase(name, { partial: true })).db);
      for (const secret of ['094085001234', '094190004321', '094092007777', '094088123456', '094080005555', '12/05/1985', '03/11/1990', '21/07/1992', '09/09/1980', '0918123456', '0907654321', '0913555666']) {
        expect(dump, `${name}: ${secret}`).not.toContain(secret);
      }
    }
  });

  it('a corrupt file fails the run, naming the file, and leaves the previous warehouse byte-identical', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    const [good] = findNights(copyFixture('nights/2026-11-20', join(root, '2026-11-20')));
    await ingestNight(good!, db);
    const before = sha256File(db);
    const [bad] = findNights(join(FIXTURES, 'bad-input', 'corrupt', '2026-11-20'));
    const failure = ingestNight(bad!, db);
    await expect(failure).rejects.toThrow(RunError);
    await expect(failure).rejects.toThrow(
      /^không đọc được tệp .*bad-input\/corrupt\/2026-11-20\/agencies\.csv: tệp có dạng bảng tính Excel \(\.xlsx\) nhưng bị hỏng hoặc không trọn vẹn, không mở được \(.*\).*Đêm 2026-11-20 không được nạp/,
    );
    expect(sha256File(db)).toBe(before);
  });
});
