// A small warehouse filled by SQL inserts into the core tables: three agencies (one merged into another), mailboxes
// with hostile display names and personal data where the schema would allow it, one ingest run with quarantine.
import { DuckDBInstance } from '@duckdb/node-api';
import { schemaSql } from '../../src/warehouse/open.ts';

export const FIXTURE_NIGHT = '2026-11-20';

/** Personal values the fixture plants; no build may contain any of them. */
export const PERSONAL = {
  phone: '0912345678',
  idNumber: '094088001234',
  birthDate: '1988-04-15',
  birthDateVi: '15/04/1988',
};

export const HOSTILE = {
  script: '<script>alert(1)</script>',
  formula: '=HYPERLINK("http://x","y")',
};

type Row = Record<string, unknown>;

async function insert(conn: import('@duckdb/node-api').DuckDBConnection, table: string, rows: Row[]) {
  for (const row of rows) {
    const cols = Object.keys(row);
    const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `$${c}`).join(', ')})`;
    await conn.run(sql, row as never);
  }
}

/** Creates the fixture warehouse at `file` (which must not exist). */
export async function createFixtureWarehouse(file: string): Promise<void> {
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  try {
    await conn.run(schemaSql());
    await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
    const agency = (code: string, name: string, abbr: string, kind: string, grp: string, headcount: number, extra: Row = {}) => ({
      code, name, abbr, kind, grp, headcount, valid_from: '2015-01-01', first_seen: FIXTURE_NIGHT, last_seen: FIXTURE_NIGHT,
      phone: '02993822222', address: 'Số 1 Trần Hưng Đạo, Sóc Trăng', ...extra,
    });
    await insert(conn, 'agencies', [
      agency('STTTT', 'Sở Thông tin và Truyền thông', 'sotttt', 'so-nganh', 'so-nganh', 60,
        { valid_to: '2025-03-01', successor_code: 'SKHCN' }),
      agency('SKHCN', 'Sở Khoa học và Công nghệ', 'sokhcn', 'so-nganh', 'so-nganh', 120),
      agency('MYXUYEN', 'Ủy ban nhân dân xã Mỹ Xuyên', 'myxuyen', 'ubnd-xa', 'ubnd-xa', 25),
    ]);
    const mb = (address: string, display_name: string, agency_code: string, extra: Row = {}) => ({
      address, display_name, agency_code, kind: 'ca-nhan', status: 'active', seen_from: '2026-10-01', source: 'mailboxes.csv',
      created_at: '2026-03-10 09:00:00+07', password_changed_at: '2026-03-11 09:00:00+07', must_change_password: false,
      quota_mb: 2048, department: 'Văn phòng', title: 'Chuyên viên', ...extra,
    });
    await insert(conn, 'mailboxes', [
      mb('sokhcn@soctrang.gov.vn', 'Sở Khoa học và Công nghệ', 'SKHCN', { kind: 'co-quan', phone: '02993821111', created_at: '2020-01-02 08:00:00+07' }),
      mb('dcnguyen@soctrang.gov.vn', 'Dương Chí Nguyện', 'SKHCN', { created_at: '2025-12-01 08:00:00+07' }),
      mb('ntbinh@soctrang.gov.vn', 'Nguyễn Thanh Bình', 'SKHCN', { phone: PERSONAL.phone }),
      mb('hacker1@soctrang.gov.vn', HOSTILE.script, 'SKHCN'),
      mb('hacker2@soctrang.gov.vn', HOSTILE.formula, 'MYXUYEN'),
      mb('tson@soctrang.gov.vn', 'Thạch Sô Phanh', 'MYXUYEN', { status: 'locked', created_at: '2026-06-15 10:00:00+07' }),
      mb('old@soctrang.gov.vn', 'Lò Văn Cường', 'MYXUYEN', { seen_from: '2026-09-01', seen_to: '2026-10-01', status: 'active' }),
      mb('old@soctrang.gov.vn', 'Lò Văn Cường', 'MYXUYEN', { seen_from: '2026-10-01', status: 'closed' }),
    ]);
    await insert(conn, 'mailbox_activity', [
      { export_date: FIXTURE_NIGHT, address: 'dcnguyen@soctrang.gov.vn', last_login_at: '2026-11-18 08:00:00+07', used_mb: 512.5 },
      { export_date: FIXTURE_NIGHT, address: 'ntbinh@soctrang.gov.vn', last_login_at: '2026-05-01 08:00:00+07', used_mb: 2000 },
      { export_date: FIXTURE_NIGHT, address: 'hacker1@soctrang.gov.vn', last_login_at: null, used_mb: 1 },
    ]);
    await insert(conn, 'logins', [{ time: '2026-11-19 07:30:00+07', address: 'hacker2@soctrang.gov.vn', protocol: 'imap', client_ip: '10.1.2.3' }]);
    await insert(conn, 'requests', [
      { id: 'YC-1', type: 'cap-moi-ca-nhan', agency_code: 'SKHCN', channel: 'qlvbdh', received_at: '2026-11-02 09:00:00+07',
        completed_at: '2026-11-05 09:00:00+07', result: 'done', first_seen: FIXTURE_NIGHT, last_seen: FIXTURE_NIGHT },
      { id: 'YC-2', type: 'thu-hoi', agency_code: 'MYXUYEN', channel: 'giay', received_at: '2026-09-15 09:00:00+07',
        completed_at: null, result: null, first_seen: FIXTURE_NIGHT, last_seen: FIXTURE_NIGHT },
    ]);
    await insert(conn, 'ingest_runs', [{
      run_id: 1, export_date: FIXTURE_NIGHT, export_dir: `/srv/exports/${FIXTURE_NIGHT}`, fingerprint: 'abc',
      started_at: '2026-11-21 01:00:00+07', finished_at: '2026-11-21 01:02:30+07',
      rows_loaded: JSON.stringify({ agencies: 3, mailboxes: 8 }), rows_quarantined: 2,
      warnings: JSON.stringify(['tệp maillog bị cắt cụt ở dòng 120']), files: JSON.stringify(['agencies.csv', 'mailboxes.csv']),
      // loaded with --partial: the data page lists it
      gaps: JSON.stringify([{ file: 'maillog.gz', reason: 'tệp nén bị cắt cụt hoặc hỏng sau 120 dòng (unexpected end of file); hãy sao chép lại tệp từ máy chủ thư' }]),
    }]);
    await insert(conn, 'quarantine', [
      { run_id: 1, export_date: FIXTURE_NIGHT, file: 'mailboxes.csv', line: 7, column_name: 'agency_code',
        raw: 'x@soctrang.gov.vn,ca-nhan,<b>X</b>,KHONGCO,,,active,,,,,,,,,,', reason: 'mã cơ quan "KHONGCO" không có trong danh mục' },
      { run_id: 1, export_date: FIXTURE_NIGHT, file: 'agencies.csv', line: 4, column_name: 'valid_from',
        raw: 'X1,Cơ quan X,,,so-nganh,so-nganh,10,,,31/02/2026,,', reason: 'ngày không hợp lệ "31/02/2026"' },
    ]);
    const mail = (day: string, sent: number, received: number) => ({
      day, agency_code: 'SKHCN', active_senders: 1, active_receivers: 1, sent_messages: sent, sent_bytes: sent * 1000,
      sent_rcpt_internal: sent, sent_rcpt_external: 0, received_messages: received, received_from_internal: received,
      received_from_external: 0, received_bytes: received * 1000, bounced: 0, rejected_inbound: 0,
    });
    await insert(conn, 'mail_daily_agency', [mail('2026-10-05', 3, 2), mail('2026-11-10', 5, 7)]);
    await insert(conn, 'warehouse_meta', [{ key: 'policy', value: 'soctrang-2024' }]);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
