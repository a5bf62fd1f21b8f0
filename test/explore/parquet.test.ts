import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { savedQuestions } from '../../src/site/islands/explore/questions.ts';
import { ROW_GROUP_ROWS, writeExploreParquet, type ParquetTable } from '../../src/site/build/parquet.ts';
import { computeFindings } from '../../src/warehouse/compliance/findings.ts';
import { queryRows } from '../../src/warehouse/open.ts';
import { createFixtureWarehouse, FIXTURE_NIGHT, PERSONAL } from '../site/fixture.ts';

let work: string;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let dir: string;
let tables: ParquetTable[];
let findingsCount: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tcv-parquet-'));
  const db = join(work, 'w.duckdb');
  await createFixtureWarehouse(db);
  instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  conn = await instance.connect();
  await conn.run(`SET TimeZone = 'Asia/Ho_Chi_Minh'`);
  const policy = loadPolicy('soctrang-2024');
  const { findings } = await computeFindings(conn, policy, { asOf: FIXTURE_NIGHT });
  findingsCount = findings.length;
  ({ dir, tables } = await writeExploreParquet(conn, { asOf: FIXTURE_NIGHT, recentDays: 30, offsetMinutes: 420 }, findings));
  for (const t of tables) await conn.run(`CREATE TEMP VIEW ${t.name} AS SELECT * FROM read_parquet('${join(dir, t.file)}')`);
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  rmSync(work, { recursive: true, force: true });
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const table = (name: string) => tables.find((t) => t.name === name)!;

describe('writeExploreParquet', () => {
  it('writes the four tables and nothing else into its folder', () => {
    expect(tables.map((t) => t.name)).toEqual(['agencies', 'mail_daily_agency', 'mailboxes', 'findings']);
    expect(readdirSync(dir).sort()).toEqual(tables.map((t) => t.file).sort());
    for (const t of tables) expect(t.bytes).toBeGreaterThan(0);
  });

  it('describes rows and columns as written', async () => {
    const [agencies] = await queryRows<{ n: number }>(conn, `SELECT count(*)::INTEGER AS n FROM agencies`);
    expect(table('agencies').rows).toBe(agencies!.n);
    expect(table('agencies').rows).toBe(2); // STTTT was merged into SKHCN before the fixture night
    expect(table('mailboxes').rows).toBe(7); // current versions on the night: the closed mailbox's old version is gone
    expect(table('findings').rows).toBe(findingsCount);
    expect(table('mailboxes').columns.map((c) => c.name)).toContain('used_recent');
  });

  it('carries no phone, CCCD or birth date: no such column and no such value', async () => {
    const names = tables.flatMap((t) => t.columns.map((c) => c.name));
    expect(names.filter((n) => /phone|id_number|birth|client_ip/.test(n))).toEqual([]);
    for (const t of tables) {
      const [row] = await queryRows<{ text: string }>(conn, `SELECT string_agg(CAST(x AS VARCHAR), '|') AS text FROM ${t.name} x`);
      for (const value of Object.values(PERSONAL)) expect(row?.text ?? '', t.name).not.toContain(value);
    }
  });

  it('sorts rows for range reads and keeps row groups at most ROW_GROUP_ROWS', async () => {
    const addresses = await queryRows<{ agency_code: string | null; address: string }>(conn, `SELECT agency_code, address FROM mailboxes`);
    const keys = addresses.map((r) => `${r.agency_code ?? '\uffff'}\u0000${r.address}`);
    expect(keys).toEqual([...keys].sort());
    for (const t of tables) {
      const groups = await queryRows<{ n: number }>(
        conn,
        `SELECT DISTINCT row_group_num_rows::INTEGER AS n FROM parquet_metadata('${join(dir, t.file)}')`,
      );
      for (const g of groups) expect(g.n).toBeLessThanOrEqual(ROW_GROUP_ROWS);
    }
  });

  it('computes the regular-use flag over the profile window (a login or mail sent; Zimbra stamp with its margin)', async () => {
    const rows = await queryRows<{ address: string; used_recent: boolean }>(
      conn,
      `SELECT address, used_recent FROM mailboxes WHERE address IN ('dcnguyen@soctrang.gov.vn', 'ntbinh@soctrang.gov.vn', 'hacker2@soctrang.gov.vn') ORDER BY address`,
    );
    expect(rows).toEqual([
      { address: 'dcnguyen@soctrang.gov.vn', used_recent: true }, // registry login 2026-11-18
      { address: 'hacker2@soctrang.gov.vn', used_recent: true }, // audit-log login 2026-11-19
      { address: 'ntbinh@soctrang.gov.vn', used_recent: false }, // 2026-05-01
    ]);
  });

  it('runs every saved question over the exported tables', async () => {
    for (const q of savedQuestions(30, 0.9)) {
      await expect(conn.runAndReadAll(q.sql), q.id).resolves.toBeDefined();
    }
    const [low] = await queryRows<Record<string, unknown>>(conn, savedQuestions(30, 0.9)[0]!.sql);
    expect(Object.keys(low!)).toEqual(['co_quan', 'hop_thu_ca_nhan', 'su_dung_30_ngay', 'ty_le_phan_tram']);
  });
});
