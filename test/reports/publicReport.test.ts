// The report in the public build (provincial portal): agency-level aggregates only. No mailbox address of a person
// and no per-person finding may reach it — the incidents' free text (which may name a person's mailbox) is left out
// of the public annex; the internal build keeps it and adds the .docx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/reports/csv.ts';
import type { DataTable } from '../../src/text/table.ts';
import { collectReports, type ReportsSlice } from '../../src/site/build/collect/reports.ts';
import type { Audience, CollectContext } from '../../src/site/build/types.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';
import type { Fixture } from '../compliance/fixture.ts';
import { reportYearFixture } from './fixture.ts';

const PERSONAL = 'nguyen.van.an@soctrang.gov.vn';
/** Any e-mail address (the report names agencies, never mailboxes). */
const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

let f: Fixture;
beforeAll(async () => {
  f = await reportYearFixture(':memory:', { mailLog: true });
  await f.conn.run(
    `INSERT INTO incidents VALUES ('SC-3', TIMESTAMPTZ '2025-11-03 09:00:00+07', TIMESTAMPTZ '2025-11-03 10:00:00+07', 'lo-mat-khau', 'cao',
       'Hộp thư ${PERSONAL} bị lộ mật khẩu, đã khóa và đặt lại', DATE '2025-11-03', DATE '2025-11-03')`,
  );
});
afterAll(() => {
  f.close();
});

async function collect(audience: Audience): Promise<{ slice: ReportsSlice; tables: DataTable[]; files: string[] }> {
  const tables: DataTable[] = [];
  const files: string[] = [];
  const policy = loadPolicy('soctrang-2024');
  const ctx: CollectContext = {
    conn: f.conn,
    audience,
    policy,
    base: '/',
    asOf: '2025-12-31',
    today: '2026-01-05',
    compliance: new ComplianceSession().on(f.conn, policy),
    addDownload: (path, title, table) => {
      tables.push(table);
      return { csv: `${path}.csv`, xlsx: `${path}.xlsx`, title, rows: table.rows.length };
    },
    emitFile: (path) => {
      files.push(path);
      return path;
    },
  };
  return { slice: await collectReports(ctx), tables, files };
}

describe('the report in the public build', () => {
  it('holds no mailbox address and no per-person row: every annex row is an agency, a total, an incident or a rank', async () => {
    const { slice, tables, files } = await collect('public');
    expect(slice.reports.map((r) => r.period.id)).toEqual(['2025', '2025-H1']);
    for (const r of slice.reports) {
      expect(r.fragment).not.toMatch(ADDRESS);
      expect(r.docx).toBeNull();
    }
    expect(files.some((p) => p.endsWith('.docx'))).toBe(false);
    for (const t of tables) {
      const csv = toCsv(t);
      expect(csv).not.toMatch(ADDRESS);
      expect(t.columns.map((c) => c.header)).not.toEqual(expect.arrayContaining(['Địa chỉ thư', 'Hộp thư', 'Họ và tên']));
    }
    // The incidents annex keeps what an aggregate report needs (times, kind, severity, deadline), not the free text.
    const incidents = tables.find((t) => t.columns.some((c) => c.header === 'Mã sự cố'))!;
    expect(incidents.columns.map((c) => c.header)).not.toContain('Nội dung');
    expect(incidents.rows.map((r) => r[1])).toContain('SC-3');
  });

  it('the internal build keeps the incident text and links the .docx', async () => {
    const { slice, tables, files } = await collect('internal');
    expect(slice.reports[0]!.fragment).toContain(PERSONAL);
    expect(tables.some((t) => toCsv(t).includes(PERSONAL))).toBe(true);
    expect(slice.reports.map((r) => r.docx)).toEqual(['bao-cao/2025/bao-cao-2025.docx', 'bao-cao/2025-H1/bao-cao-2025-H1.docx']);
    expect(files).toEqual(expect.arrayContaining(['bao-cao/2025/bao-cao-2025.docx']));
  });
});
