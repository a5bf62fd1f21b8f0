import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findNights } from '../../src/warehouse/ingest/exportFolder.ts';
import { ingestNight, type NightResult } from '../../src/warehouse/ingest/ingestNight.ts';
import { copyFixture, dumpWarehouse, query, sha256File, tempDir } from '../fixtures/warehouseSupport.ts';
import { REAL_LOGS } from '../postfix/support.ts';

const clock = () => new Date('2026-11-21T02:00:00+07:00');

async function ingest(dir: string, db: string): Promise<NightResult> {
  const [night] = findNights(dir);
  return ingestNight(night!, db, { now: clock });
}

describe('ingest of the fixture nights (exports → warehouse)', () => {
  const root = tempDir();
  const db = join(root, 'warehouse.duckdb');
  const night20 = copyFixture('nights/2026-11-20', join(root, 'exports', '2026-11-20'));
  const night21 = copyFixture('nights/2026-11-21', join(root, 'exports', '2026-11-21'));
  let first: NightResult;
  let second: NightResult;

  beforeAll(async () => {
    first = await ingest(night20, db);
  });

  it('loads every file of the first night, with nothing quarantined', () => {
    expect(first).toMatchObject({
      night: '2026-11-20',
      runId: 1,
      unchanged: false,
      rowsLoaded: { agencies: 4, mailboxes: 6, logins: 3, requests: 2, incidents: 1 },
      rowsQuarantined: 0,
      warnings: [],
      policy: { id: 'soctrang-2024', how: 'nhận ra từ tên miền soctrang.gov.vn' },
    });
  });

  it('stores normalised values: +07:00 times, booleans, forwarding lists, office phones only', async () => {
    const rows = await query<Record<string, unknown>>(
      db,
      `SELECT address, kind, status, created_at::VARCHAR AS created_at, must_change_password, forward_to, phone
         FROM mailboxes ORDER BY address`,
    );
    expect(rows).toEqual([
      { address: 'dcnguyen@soctrang.gov.vn', kind: 'ca-nhan', status: 'active', created_at: '2019-06-10 00:00:00+07', must_change_password: false, forward_to: null, phone: null },
      { address: 'myxuyen@soctrang.gov.vn', kind: 'co-quan', status: 'active', created_at: '2014-10-06 00:00:00+07', must_change_password: false, forward_to: null, phone: '02993851234' },
      { address: 'phongvhtt.myxuyen@soctrang.gov.vn', kind: 'co-quan', status: 'active', created_at: '2016-05-05 00:00:00+07', must_change_password: true, forward_to: null, phone: null },
      { address: 'sotttt@soctrang.gov.vn', kind: 'co-quan', status: 'active', created_at: '2015-03-02 08:00:00+07', must_change_password: false, forward_to: null, phone: '02993822001' },
      { address: 'thachsophal@soctrang.gov.vn', kind: 'ca-nhan', status: 'active', created_at: '2021-08-01 00:00:00+07', must_change_password: true, forward_to: null, phone: null },
      { address: 'ttlan@soctrang.gov.vn', kind: 'ca-nhan', status: 'locked', created_at: '2020-01-15 00:00:00+07', must_change_password: true, forward_to: ['ttlan.ca@gmail.com'], phone: null },
    ]);
    expect(await query(db, 'SELECT key, value FROM warehouse_meta ORDER BY key')).toEqual([
      { key: 'policy', value: 'soctrang-2024' },
      { key: 'registry_night', value: '2026-11-20' },
    ]);
  });

  it('re-ingesting the same night is a no-op: the warehouse file is byte-identical', async () => {
    const before = sha256File(db);
    const again = await ingest(night20, db);
    expect(again).toEqual({
      night: '2026-11-20',
      runId: null,
      unchanged: true,
      rowsLoaded: {},
      rowsQuarantined: 0,
      gaps: [],
      warnings: ['đêm 2026-11-20 đã được nạp với đúng các tệp này (lượt 1) — không thay đổi gì'],
      policy: null,
    });
    expect(sha256File(db)).toBe(before);
  });

  describe('the next night', () => {
    beforeAll(async () => {
      second = await ingest(night21, db);
    });

    it('loads it as run 2', () => {
      expect(second).toMatchObject({ runId: 2, rowsLoaded: { agencies: 4, mailboxes: 6, logins: 4, requests: 3 }, rowsQuarantined: 0 });
    });

    it('closes the merged agency and versions the renamed one; last year\'s facts survive', async () => {
      const rows = await query(
        db,
        `SELECT code, valid_from::VARCHAR AS valid_from, valid_to::VARCHAR AS valid_to, name, successor_code
           FROM agencies WHERE code IN ('STTTT', 'HMX-PVHTT') ORDER BY code, valid_from`,
      );
      expect(rows).toEqual([
        { code: 'HMX-PVHTT', valid_from: '2004-01-01', valid_to: '2026-11-21', name: 'Phòng Văn hóa và Thông tin huyện Mỹ Xuyên', successor_code: null },
        { code: 'HMX-PVHTT', valid_from: '2026-11-21', valid_to: null, name: 'Phòng Văn hóa, Thể thao và Du lịch huyện Mỹ Xuyên', successor_code: null },
        { code: 'STTTT', valid_from: '2008-04-01', valid_to: '2026-11-21', name: 'Sở Thông tin và Truyền thông', successor_code: 'SKHCN' },
      ]);
    });

    it('versions a mailbox only when a stable fact changes, and closes one gone from the registry', async () => {
      const rows = await query(
        db,
        `SELECT address, seen_from::VARCHAR AS seen_from, seen_to::VARCHAR AS seen_to, agency_code, status
           FROM mailboxes ORDER BY address, seen_from`,
      );
      expect(rows).toEqual([
        { address: 'dcnguyen@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: '2026-11-21', agency_code: 'STTTT', status: 'active' },
        { address: 'dcnguyen@soctrang.gov.vn', seen_from: '2026-11-21', seen_to: null, agency_code: 'SKHCN', status: 'active' },
        { address: 'lvpan@soctrang.gov.vn', seen_from: '2026-11-21', seen_to: null, agency_code: 'SKHCN', status: 'active' },
        { address: 'myxuyen@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: null, agency_code: 'HMX', status: 'active' },
        { address: 'phongvhtt.myxuyen@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: '2026-11-21', agency_code: 'HMX-PVHTT', status: 'active' },
        { address: 'sotttt@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: null, agency_code: 'STTTT', status: 'active' },
        { address: 'thachsophal@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: null, agency_code: 'HMX', status: 'active' },
        { address: 'ttlan@soctrang.gov.vn', seen_from: '2026-11-20', seen_to: '2026-11-21', agency_code: 'SKHCN', status: 'locked' },
        { address: 'ttlan@soctrang.gov.vn', seen_from: '2026-11-21', seen_to: null, agency_code: 'SKHCN', status: 'closed' },
      ]);
    });

    it('keeps the volatile facts per night in mailbox_activity', async () => {
      expect(
        await query(db, `SELECT export_date::VARCHAR AS night, last_login_at::VARCHAR AS login, used_mb FROM mailbox_activity
                          WHERE address = 'thachsophal@soctrang.gov.vn' ORDER BY 1`),
      ).toEqual([
        { night: '2026-11-20', login: '2026-11-18 14:05:00+07', used_mb: 300 },
        { night: '2026-11-21', login: '2026-11-21 08:05:00+07', used_mb: 301 },
      ]);
    });

    it('deduplicates logins across nights and upserts requests keeping first_seen', async () => {
      expect(await query(db, 'SELECT count(*)::INTEGER AS n FROM logins')).toEqual([{ n: 6 }]);
      expect(
        await query(db, `SELECT id, completed_at::VARCHAR AS completed_at, result, first_seen::VARCHAR AS first_seen, last_seen::VARCHAR AS last_seen
                           FROM requests ORDER BY id`),
      ).toEqual([
        { id: 'YC-2026-0101', completed_at: '2026-11-07 15:30:00+07', result: 'da-cap', first_seen: '2026-11-20', last_seen: '2026-11-21' },
        { id: 'YC-2026-0102', completed_at: '2026-11-20 16:00:00+07', result: 'da-thu-hoi', first_seen: '2026-11-20', last_seen: '2026-11-21' },
        { id: 'YC-2026-0103', completed_at: '2026-11-21 08:00:00+07', result: 'da-cap', first_seen: '2026-11-21', last_seen: '2026-11-21' },
      ]);
    });

    it('an older registry ingested afterwards does not rewrite the versions', async () => {
      const older = copyFixture('nights/2026-11-20', join(root, 'late', '2026-11-19'));
      appendFileSync(join(older, 'logins.csv'), '2026-11-19 09:00:00,ttlan@soctrang.gov.vn,pop3,10.20.7.9\n');
      const before = await query(db, 'SELECT * FROM mailboxes ORDER BY address, seen_from');
      const late = await ingest(older, db);
      expect(late.warnings).toContain(
        'mailboxes.csv: danh sách hộp thư của đêm 19/11/2026 cũ hơn danh sách đã nạp (21/11/2026) — không cập nhật phiên bản hộp thư, ' +
          'chỉ nạp hoạt động của đêm này (hãy nạp các đêm theo thứ tự ngày)',
      );
      expect(await query(db, 'SELECT * FROM mailboxes ORDER BY address, seen_from')).toEqual(before);
      expect(await query(db, "SELECT count(*)::INTEGER AS n FROM mailbox_activity WHERE export_date = '2026-11-19'")).toEqual([{ n: 6 }]);
    });

    it('stores CCCD, birth dates and personal phones nowhere', async () => {
      const dump = await dumpWarehouse(db);
      for (const secret of ['094085001234', '094190004321', '094092007777', '094088123456', '12/05/1985', '1985-05-12', '03/11/1990', '21/07/1992', '0918123456', '0907654321', '0987111222']) {
        expect(dump).not.toContain(secret);
      }
      expect(dump).toContain('02993822001'); // an agency mailbox keeps its office phone
    });
  });
});

describe('a changed export of the same night', () => {
  it('replaces that night\'s quarantine and re-applies its rows', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    const night = copyFixture('nights/2026-11-20', join(root, '2026-11-20'));
    const incidents = join(night, 'incidents.csv');
    writeFileSync(incidents, 'id,occurred_at,reported_at,kind,severity,summary\nSC-2026-07,12/11/2026 22:40,hôm sau,mat-ket-noi,cao,Mất kết nối\n');
    const bad = await ingest(night, db);
    expect(bad.rowsQuarantined).toBe(1);
    expect(await query(db, 'SELECT run_id, file, line, column_name, reason FROM quarantine')).toEqual([
      {
        run_id: 1,
        file: 'incidents.csv',
        line: 2,
        column_name: 'reported_at',
        reason: 'thời điểm không hợp lệ "hôm sau" (định dạng ISO 8601 hoặc dd/mm/yyyy hh:mm[:ss])',
      },
    ]);
    writeFileSync(incidents, 'id,occurred_at,reported_at,kind,severity,summary\nSC-2026-07,12/11/2026 22:40,13/11/2026 06:10,mat-ket-noi,cao,Mất kết nối\n');
    const fixed = await ingest(night, db);
    expect(fixed).toMatchObject({ runId: 2, rowsQuarantined: 0 });
    expect(await query(db, 'SELECT count(*)::INTEGER AS n FROM quarantine')).toEqual([{ n: 0 }]);
    expect(await query(db, 'SELECT reported_at::VARCHAR AS r FROM incidents')).toEqual([{ r: '2026-11-13 06:10:00+07' }]);
    expect(await query(db, 'SELECT count(*)::INTEGER AS n FROM mailboxes')).toEqual([{ n: 6 }]);
  });
});

describe('a run that fails after loading part of the night', () => {
  it('leaves the previous warehouse byte-identical', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    await ingest(copyFixture('nights/2026-11-20', join(root, '2026-11-20')), db);
    const before = sha256File(db);
    const night = copyFixture('nights/2026-11-21', join(root, '2026-11-21'));
    // agencies and mailboxes load into the working copy first; then logins.csv turns out to be a binary file.
    writeFileSync(join(night, 'logins.csv'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
    await expect(ingest(night, db)).rejects.toThrow(/không đọc được tệp .*logins\.csv/);
    expect(sha256File(db)).toBe(before);
  });
});

describe('a Zimbra night (zimbra-accounts.txt + quota.txt)', () => {
  it('maps accounts onto mailboxes, takes usage from quota.txt and quarantines what does not fit', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    const night = copyFixture('zimbra/2026-11-22', join(root, '2026-11-22'));
    const result = await ingest(night, db);
    expect(result.rowsLoaded).toEqual({ agencies: 4, quota: 4, mailboxes: 4 });
    expect(await query(db, 'SELECT file, line, column_name, reason FROM quarantine ORDER BY file, line')).toEqual([
      { file: 'quota.txt', line: 6, column_name: 'address', reason: 'địa chỉ "ghost@soctrang.gov.vn" không có trong danh sách hộp thư của đêm này (zimbra-accounts.txt)' },
      { file: 'zimbra-accounts.txt', line: 73, column_name: 'company', reason: 'không tìm thấy cơ quan "Sở Giao thông vận tải" trong danh mục cơ quan (tính đến ngày 22/11/2026)' },
    ]);
    expect(
      await query(db, `SELECT m.address, kind, display_name, agency_code, status, quota_mb, forward_to, used_mb, source
                         FROM mailboxes m JOIN mailbox_activity a USING (address) ORDER BY address`),
    ).toEqual([
      { address: 'dcnguyen@soctrang.gov.vn', kind: 'ca-nhan', display_name: 'Dương Chí Nguyện', agency_code: 'SKHCN', status: 'active', quota_mb: 2048, forward_to: null, used_mb: 1532, source: 'zimbra-accounts.txt' },
      { address: 'lvpan@soctrang.gov.vn', kind: 'ca-nhan', display_name: 'Lò Văn Pản', agency_code: 'SKHCN', status: 'active', quota_mb: 2048, forward_to: ['lvpan.skhcn@gmail.com'], used_mb: 1, source: 'zimbra-accounts.txt' },
      { address: 'myxuyen@soctrang.gov.vn', kind: 'co-quan', display_name: 'UBND huyện Mỹ Xuyên', agency_code: 'HMX', status: 'active', quota_mb: 5120, forward_to: null, used_mb: 4960, source: 'zimbra-accounts.txt' },
      { address: 'thachsophal@soctrang.gov.vn', kind: 'ca-nhan', display_name: 'Thạch Sô Phal', agency_code: 'HMX', status: 'active', quota_mb: 2048, forward_to: null, used_mb: 302, source: 'zimbra-accounts.txt' },
    ]);
    const dump = await dumpWarehouse(db);
    expect(dump).not.toContain('SSHA512');
    expect(dump).not.toContain('c2VjcmV0aGFzaHZhbHVl');
  });
});

describe('a parent folder of nights', () => {
  it('ingests each night in date order, each its own run', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    copyFixture('nights/2026-11-21', join(root, 'exports', '2026-11-21'));
    copyFixture('nights/2026-11-20', join(root, 'exports', '2026-11-20'));
    mkdirSync(join(root, 'exports', 'ghi-chu'));
    const nights = findNights(join(root, 'exports'));
    expect(nights.map((n) => n.date)).toEqual(['2026-11-20', '2026-11-21']);
    for (const n of nights) await ingestNight(n, db, { now: clock });
    expect(await query(db, 'SELECT run_id, export_date::VARCHAR AS night FROM ingest_runs ORDER BY run_id')).toEqual([
      { run_id: 1, night: '2026-11-20' },
      { run_id: 2, night: '2026-11-21' },
    ]);
  });
});

describe('a night with a mail log, ingested again', () => {
  // the logs' fingerprint is hashed by the parser threads as they read them (two files: one thread each)
  it('is unchanged with the same files (file byte-identical), and loaded again when the log changed', async () => {
    const root = tempDir();
    const db = join(root, 'warehouse.duckdb');
    const night = copyFixture('nights/2026-11-20', join(root, 'exports', '2026-11-20'));
    copyFileSync(join(REAL_LOGS, 'kdent_mail.log'), join(night, 'maillog.1'));
    copyFileSync(join(REAL_LOGS, 'kdent_mail2.log'), join(night, 'maillog'));
    const first = await ingest(night, db);
    expect(first.rowsLoaded).toMatchObject({ mail_rejects: 1304 });
    const before = sha256File(db);
    const again = await ingest(night, db);
    expect(again.unchanged).toBe(true);
    expect(sha256File(db)).toBe(before);

    appendFileSync(join(night, 'maillog'), 'Jun 14 23:59:59 conch postfix/smtpd[1]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 x; from=<a@b.c> to=<d@e.f> proto=ESMTP helo=<h>\n');
    const changed = await ingest(night, db);
    expect(changed).toMatchObject({ unchanged: false, runId: 2, rowsLoaded: { mail_rejects: 1305 } });
  });
});

