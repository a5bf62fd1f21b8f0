/**
 * Hand-made warehouse fixtures: an in-memory DuckDB with the real schema (`schemaSql()`), rows inserted directly.
 * Times are local (+07:00) unless a test writes another offset.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { schemaSql } from '../../src/warehouse/open.ts';

export interface AgencyRow {
  code: string;
  abbr?: string;
  name: string;
  grp?: string;
  kind?: string;
  headcount?: number | null;
  validFrom?: string;
  validTo?: string | null;
  successor?: string | null;
  parent?: string | null;
}

export interface MailboxRow {
  address: string;
  agency: string;
  kind?: 'ca-nhan' | 'co-quan';
  status?: 'active' | 'locked' | 'closed';
  seenFrom?: string;
  seenTo?: string | null;
  createdAt?: string | null;
  passwordChangedAt?: string | null;
  mustChange?: boolean | null;
  quotaMb?: number | null;
  forwardTo?: string[];
  name?: string;
  department?: string | null;
}

export class Fixture {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
  ) {}

  /** An empty warehouse in memory, or in `file` (for commands that open the file themselves). */
  static async create(file = ':memory:'): Promise<Fixture> {
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    await conn.run(schemaSql());
    return new Fixture(instance, conn);
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  async agency(a: AgencyRow): Promise<void> {
    await this.conn.run(
      `INSERT INTO agencies (code, valid_from, valid_to, name, abbr, parent_code, kind, grp, headcount, successor_code,
         first_seen, last_seen)
       VALUES ($code, CAST($from AS DATE), CAST($to AS DATE), $name, $abbr, $parent, $kind, $grp, CAST($hc AS INTEGER),
         $succ, CAST($from AS DATE), CAST($from AS DATE))`,
      {
        code: a.code,
        abbr: a.abbr ?? a.code.toLowerCase(),
        from: a.validFrom ?? '2020-01-01',
        to: a.validTo ?? null,
        name: a.name,
        parent: a.parent ?? null,
        kind: a.kind ?? 'so-nganh',
        grp: a.grp ?? 'so-nganh',
        hc: a.headcount === undefined ? 10 : a.headcount,
        succ: a.successor ?? null,
      } as never,
    );
  }

  async mailbox(m: MailboxRow): Promise<void> {
    await this.conn.run(
      `INSERT INTO mailboxes (address, seen_from, seen_to, kind, display_name, agency_code, department, title, status,
         created_at, password_changed_at, must_change_password, quota_mb, forward_to, phone, source)
       VALUES ($address, CAST($from AS DATE), CAST($to AS DATE), $kind, $name, $agency, $dept, NULL, $status,
         CAST($created AS TIMESTAMPTZ), CAST($pw AS TIMESTAMPTZ), CAST($must AS BOOLEAN), CAST($quota AS DOUBLE),
         CAST($fwd AS VARCHAR[]), NULL, 'mailboxes.csv')`,
      {
        address: m.address,
        from: m.seenFrom ?? '2025-01-01',
        to: m.seenTo ?? null,
        kind: m.kind ?? 'ca-nhan',
        name: m.name ?? m.address.split('@')[0],
        agency: m.agency,
        dept: m.department ?? null,
        status: m.status ?? 'active',
        created: m.createdAt === undefined ? '2024-01-01T08:00:00+07:00' : m.createdAt,
        pw: m.passwordChangedAt === undefined ? '2024-12-01T08:00:00+07:00' : m.passwordChangedAt,
        must: m.mustChange ?? false,
        quota: m.quotaMb ?? null,
        fwd: JSON.stringify(m.forwardTo ?? []).replace(/"/g, "'"),
      } as never,
    );
  }

  /** One night's activity row (last login as Zimbra recorded it, used MB). */
  async activity(exportDate: string, address: string, lastLoginAt: string | null, usedMb: number | null = 100): Promise<void> {
    await this.conn.run(
      `INSERT INTO mailbox_activity VALUES (CAST($d AS DATE), $a, CAST($l AS TIMESTAMPTZ), CAST($u AS DOUBLE))`,
      { d: exportDate, a: address, l: lastLoginAt, u: usedMb } as never,
    );
  }

  async login(time: string, address: string): Promise<void> {
    await this.conn.run(`INSERT INTO logins VALUES (CAST($t AS TIMESTAMPTZ), $a, 'imap', '10.0.0.1')`, { t: time, a: address } as never);
  }

  /** A day on which the mailbox sent `n` messages (mail-log usage aggregate, 002_maillog.sql). */
  async sentMail(day: string, address: string, n = 1): Promise<void> {
    await this.conn.run(
      `INSERT INTO mail_daily_mailbox VALUES (CAST($d AS DATE), $a, NULL, CAST($n AS BIGINT), 1000, CAST($n AS BIGINT), 0,
         0, 0, 0, 0, 0, 0)`,
      { d: day, a: address, n } as never,
    );
  }

  async request(r: { id: string; type: string; agency: string; receivedAt: string; completedAt: string | null }): Promise<void> {
    await this.conn.run(
      `INSERT INTO requests VALUES ($id, $type, $agency, 'qlvbdh', CAST($rec AS TIMESTAMPTZ), CAST($done AS TIMESTAMPTZ),
         NULL, NULL, DATE '2025-01-01', DATE '2025-01-01')`,
      { id: r.id, type: r.type, agency: r.agency, rec: r.receivedAt, done: r.completedAt } as never,
    );
  }

  async incident(i: { id: string; occurredAt: string; reportedAt: string | null }): Promise<void> {
    await this.conn.run(
      `INSERT INTO incidents VALUES ($id, CAST($o AS TIMESTAMPTZ), CAST($r AS TIMESTAMPTZ), 'mat-an-toan', 'cao',
         'Sự cố thử', DATE '2025-01-01', DATE '2025-01-01')`,
      { id: i.id, o: i.occurredAt, r: i.reportedAt } as never,
    );
  }

  async meta(key: string, value: string): Promise<void> {
    await this.conn.run('INSERT INTO warehouse_meta VALUES ($k, $v)', { k: key, v: value } as never);
  }

  async ingestRun(exportDate: string, warnings: string[] = []): Promise<void> {
    await this.conn.run(
      `INSERT INTO ingest_runs (run_id, export_date, export_dir, fingerprint, started_at, finished_at, rows_loaded,
         rows_quarantined, warnings, files)
       VALUES ((SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs), CAST($d AS DATE), '/x',
         $d, TIMESTAMPTZ '2025-01-01 00:00:00+07', TIMESTAMPTZ '2025-01-01 00:00:00+07', '{}', 0, CAST($w AS JSON), '[]')`,
      { d: exportDate, w: JSON.stringify(warnings) } as never,
    );
  }

  async quarantine(exportDate: string, file: string, line: number, reason: string): Promise<void> {
    await this.conn.run(
      `INSERT INTO quarantine VALUES (1, CAST($d AS DATE), $f, CAST($l AS INTEGER), NULL, NULL, $r)`,
      { d: exportDate, f: file, l: line, r: reason } as never,
    );
  }
}
