import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAnnexes } from '../../src/reports/annexes.ts';
import type { Cell } from '../../src/text/table.ts';
import { buildReportModel, FIGURE_KEYS, type ReportModel } from '../../src/reports/model.ts';
import { generatedRecommendations } from '../../src/reports/recommendations.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { queryRows } from '../../src/warehouse/open.ts';
import { reportFigures } from '../../src/warehouse/reports/figures.ts';
import type { Fixture } from '../compliance/fixture.ts';
import { reportYearFixture } from './fixture.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';

const policy = loadPolicy('soctrang-2024');
let f: Fixture;
beforeAll(async () => {
  f = await reportYearFixture();
});
afterAll(() => f.close());

async function model(periodText: string): Promise<ReportModel> {
  const figures = await reportFigures(new ComplianceSession().on(f.conn, policy), parsePeriod(periodText));
  return buildReportModel(policy, figures, '2026-01-05', { file: null, generated: (m) => generatedRecommendations(policy, m) });
}

async function scalar(sql: string, params: Record<string, unknown>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(f.conn, sql, params);
  return Number(row!.n);
}

describe.each(['2025', '2025-H1', '2025-H2', '2025-02-01..2025-03-31'])('period %s: numbers reconcile', (periodText) => {
  it('every total equals the sum of its annex rows, in the XLSX detail and in the printed, rolled-up table', async () => {
    const m = await model(periodText);
    for (const k of FIGURE_KEYS) {
      expect(m.totals[k]).toBeCloseTo(m.rows.reduce((s, r) => s + r[k], 0), 6);
    }
    for (const annex of reportAnnexes(m).filter((a) => a.print.rows.some((r) => r.kind === 'total'))) {
      // Detail: one row per unit, the total as the XLSX footer (the CSV has no total row).
      const total = annex.table.footer![0]!;
      expect(total[2]).toBe('Tổng cộng');
      const first = annex.table.columns.findIndex((c) => c.numFmt !== undefined && c.header !== 'STT');
      expect(first).toBe(8);
      for (let col = first; col < annex.table.columns.length; col++) {
        const sum = annex.table.rows.reduce((s, r) => s + Number(r[col] as Cell), 0);
        expect(Number(total[col])).toBeCloseTo(sum, 6);
      }
      // Print: each group's row is the sum of its agencies (the collapsed rest line holds only zeros), the groups sum
      // to the total, and the total is the detail's.
      const rows = annex.print.rows;
      const printTotal = rows.find((r) => r.kind === 'total')!;
      const width = annex.print.columns.length;
      for (let col = 2; col < width; col++) {
        const groups = rows.filter((r) => r.kind === 'group');
        expect(groups.reduce((s, r) => s + Number(r.cells[col]), 0)).toBeCloseTo(Number(printTotal.cells[col]), 6);
        let i = 0;
        for (const r of rows) {
          if (r.kind !== 'group') continue;
          const start = rows.indexOf(r, i);
          const next = rows.findIndex((x, k) => k > start && (x.kind === 'group' || x.kind === 'total'));
          const items = rows.slice(start + 1, next).filter((x) => x.kind === 'item');
          expect(items.reduce((s, x) => s + Number(x.cells[col]), 0)).toBeCloseTo(Number(r.cells[col]), 6);
          i = next;
        }
        expect(Number(printTotal.cells[col])).toBeCloseTo(Number(total[first + col - 2]), 6);
      }
    }
  });

  it('the totals equal direct warehouse queries', async () => {
    const p = parsePeriod(periodText);
    const m = await model(periodText);
    const range = { from: p.from, to: p.to };
    expect(m.totals.issued).toBe(
      await scalar(
        `SELECT count(*) AS n FROM (SELECT address, min(created_at) AS c FROM mailboxes GROUP BY address)
          WHERE CAST(timezone('Asia/Ho_Chi_Minh', c) AS DATE) BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
        range,
      ),
    );
    expect(m.totals.reqReceived).toBe(
      await scalar(
        `SELECT count(*) AS n FROM requests WHERE CAST(timezone('Asia/Ho_Chi_Minh', received_at) AS DATE)
          BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
        range,
      ),
    );
    expect(m.incidentSummary.total).toBe(
      await scalar(
        `SELECT count(*) AS n FROM incidents WHERE CAST(timezone('Asia/Ho_Chi_Minh', occurred_at) AS DATE)
          BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)`,
        range,
      ),
    );
    const end = m.evaluatedTo;
    expect(m.totals.activePersonal + m.totals.activeAgency).toBe(
      await scalar(
        `SELECT count(*) AS n FROM mailboxes WHERE status = 'active' AND seen_from <= CAST($end AS DATE)
          AND (seen_to IS NULL OR seen_to > CAST($end AS DATE))`,
        { end },
      ),
    );
  });
});

describe('events of the year, by period', () => {
  it.each([
    // period, issued, changed, locked, revoked
    ['2025', 4, 1, 1, 2],
    ['2025-H1', 3, 1, 0, 1],
    ['2025-H2', 1, 0, 1, 1],
    ['2025-02-01..2025-03-31', 1, 1, 0, 1],
  ])('%s: issued %i, changed %i, locked %i, revoked %i', async (periodText, issued, changed, locked, revoked) => {
    const t = (await model(periodText)).totals;
    expect([t.issued, t.changed, t.locked, t.revoked]).toEqual([issued, changed, locked, revoked]);
  });
});

describe('a year in which agencies merged shows the agencies of each date', () => {
  it('the merged Sở, its successor, the new agency and the unknown code each have their own row and days', async () => {
    const m = await model('2025');
    const byCode = new Map(m.rows.map((r) => [r.code, r]));
    expect([...byCode.keys()]).toEqual(['SKHCN', 'SNV', 'STTTT', 'XNEW', 'ZZZ']);
    expect(byCode.get('STTTT')!.existed).toBe('01/01/2025 – 28/02/2025');
    expect(byCode.get('STTTT')!.note).toBe('Sáp nhập vào Sở Khoa học và Công nghệ từ 01/03/2025');
    expect(byCode.get('STTTT')!.revoked).toBe(1);
    expect(byCode.get('STTTT')!.activePersonal).toBe(0);
    expect(byCode.get('SKHCN')!.changed).toBe(1);
    expect(byCode.get('SKHCN')!.activePersonal).toBe(2);
    expect(byCode.get('XNEW')!.note).toBe('Thành lập từ 01/09/2025');
    expect(byCode.get('XNEW')!.activeAgency).toBe(1);
    expect(byCode.get('ZZZ')!.existed).toBeNull();
    expect(byCode.get('ZZZ')!.name).toContain('không có trong danh mục');
    expect(byCode.get('ZZZ')!.issued).toBe(1);
    expect(byCode.get('ZZZ')!.passwordDefault).toBe(1);
  });

  it('after the merger (H2) the merged Sở is no longer listed, and before it (Jan–Feb) the new agency is not', async () => {
    expect((await model('2025-H2')).rows.map((r) => r.code)).not.toContain('STTTT');
    const early = (await model('2025-01-01..2025-02-28')).rows.map((r) => r.code);
    expect(early).toContain('STTTT');
    expect(early).not.toContain('XNEW');
  });
});

describe('security, requests and incidents', () => {
  it('counts the default password and external forwarding of c@, and the incident reported after 8 hours', async () => {
    const m = await model('2025');
    const skhcn = m.rows.find((r) => r.code === 'SKHCN')!;
    expect(skhcn.passwordDefault).toBe(1);
    expect(skhcn.forwardExternal).toBe(1);
    expect(m.incidentSummary).toMatchObject({ total: 2, withinDeadline: 1, late: 1, hours: 8 });
  });

  it('requests: one on time, one done late, one unlock never done (late)', async () => {
    const t = (await model('2025')).totals;
    expect([t.reqReceived, t.reqDone, t.reqOnTime, t.reqLate, t.reqOpenNotDue]).toEqual([3, 2, 1, 2, 0]);
  });

  it('generated recommendations name the problems with their citations', async () => {
    const m = await model('2025');
    expect(m.recommendationsSource).toBe('generated');
    expect(m.recommendations).toMatch(/\*\*2\*\* người dùng đổi mật khẩu mặc định/);
    // Cited as an official text cites: by the document's name and number, never by our seed file id.
    expect(m.recommendations).toMatch(/chuyển tiếp thư tự động ra ngoài.*theo khoản 3 Điều 9 Quy chế ban hành kèm theo Quyết định số 59\/2024\/QĐ-UBND/);
    expect(m.recommendations).toMatch(/mật khẩu mặc định.*theo điểm i khoản 2 Điều 11 Dự thảo 2 Quy chế quản lý, sử dụng Hệ thống thư điện tử tỉnh Sóc Trăng/);
    expect(m.recommendations).not.toMatch(/\b00\d Điều/);
  });
});

describe('a period before the first registry night', () => {
  it('says the registry was not observed instead of reporting zero active mailboxes', async () => {
    const { renderReportHtml } = await import('../../src/reports/html.ts');
    const m = await model('2024');
    expect(m.registryObserved).toBe(false);
    expect(renderReportHtml(m, reportAnnexes(m), '')).toContain('Kho dữ liệu chỉ có danh sách hộp thư từ ngày 01/01/2025');
    expect((await model('2025')).registryObserved).toBe(true);
  });
});
