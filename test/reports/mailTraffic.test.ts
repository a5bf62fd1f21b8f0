// Mail traffic and rejects in the report: totals equal the sums of the annex rows and independent warehouse queries
// (per-agency aggregates, raw facts where they are still kept), merger-year attribution, honest coverage wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportAnnexes } from '../../src/reports/annexes.ts';
import type { Cell } from '../../src/text/table.ts';
import { renderReportHtml } from '../../src/reports/html.ts';
import { buildReportModel, type ReportModel } from '../../src/reports/model.ts';
import { generatedRecommendations } from '../../src/reports/recommendations.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { queryRows } from '../../src/warehouse/open.ts';
import { dayGaps, reportFigures } from '../../src/warehouse/reports/figures.ts';
import type { Fixture } from '../compliance/fixture.ts';
import { reportYearFixture } from './fixture.ts';
import { ComplianceSession } from '../../src/warehouse/compliance/session.ts';

const policy = loadPolicy('soctrang-2024');
let f: Fixture;
beforeAll(async () => {
  f = await reportYearFixture(':memory:', { mailLog: true });
});
afterAll(() => f.close());

async function model(periodText: string, fixture = f): Promise<ReportModel> {
  const figures = await reportFigures(new ComplianceSession().on(fixture.conn, policy), parsePeriod(periodText));
  return buildReportModel(policy, figures, '2026-01-05', { file: null, generated: (m) => generatedRecommendations(policy, m) });
}

async function one<T>(sql: string, params: Record<string, unknown>): Promise<T> {
  const [row] = await queryRows<T>(f.conn, sql, params);
  return row!;
}

const TRAFFIC_KEYS = [
  'mailSent', 'mailSentRcptInternal', 'mailSentRcptExternal', 'mailReceived', 'mailReceivedInternal', 'mailReceivedExternal',
  'mailSentMb', 'mailReceivedMb', 'mailActiveSenders',
] as const;

/** Column index of `header` in an annex's detail table (they follow the agency columns). */
function col(annex: ReturnType<typeof reportAnnexes>[number], header: string): number {
  const j = annex.table.columns.findIndex((c) => c.header === header);
  expect(j, header).toBeGreaterThanOrEqual(5);
  return j;
}

describe.each(['2025', '2025-H1', '2025-02-01..2025-03-31', '2025-06-01..2025-09-30'])('period %s: mail figures reconcile', (periodText) => {
  it('every traffic total equals the sum of its annex rows (Phụ lục VI) and the rejects to mailboxes those of Phụ lục III', async () => {
    const m = await model(periodText);
    const annexes = reportAnnexes(m);
    const traffic = annexes.find((a) => a.slug === 'phu-luc-6-luu-luong-thu')!;
    const first = col(traffic, 'Thư gửi đi');
    expect(traffic.table.columns.slice(first).map((c) => c.header)).toHaveLength(TRAFFIC_KEYS.length);
    const total = traffic.table.footer![0]!;
    expect(total[2]).toBe('Tổng cộng');
    TRAFFIC_KEYS.forEach((k, i) => {
      const j = first + i;
      const sum = traffic.table.rows.reduce((s, r) => s + Number(r[j] as Cell), 0);
      expect(Number(total[j]), k).toBeCloseTo(sum, 6);
      expect(m.totals[k], k).toBeCloseTo(Number(total[j]), 6);
    });
    const security = annexes.find((a) => a.slug === 'phu-luc-3-an-toan')!;
    const j = col(security, 'Thư gửi đến bị máy chủ từ chối');
    expect(Number(security.table.footer![0]![j])).toBe(security.table.rows.reduce((s, r) => s + Number(r[j]), 0));
    expect(m.totals.mailRejectedInbound).toBe(Number(security.table.footer![0]![j]));
  });

  it('the totals equal independent queries over the per-agency aggregates and the server counters', async () => {
    const p = parsePeriod(periodText);
    const m = await model(periodText);
    const range = { from: p.from, to: p.to };
    // mail_daily_agency (the loader's per-agency sums) plus the province's addresses that have no agency.
    const agg = await one<Record<string, number>>(
      `WITH x AS (
         SELECT sent_messages, sent_rcpt_internal, sent_rcpt_external, received_messages, received_from_internal,
           received_from_external, rejected_inbound FROM mail_daily_agency WHERE day BETWEEN $from::DATE AND $to::DATE
         UNION ALL
         SELECT sent_messages, sent_rcpt_internal, sent_rcpt_external, received_messages, received_from_internal,
           received_from_external, rejected_inbound FROM mail_daily_mailbox
          WHERE agency_code IS NULL AND day BETWEEN $from::DATE AND $to::DATE)
       SELECT coalesce(sum(sent_messages), 0)::INTEGER AS sent, coalesce(sum(sent_rcpt_internal), 0)::INTEGER AS rin,
         coalesce(sum(sent_rcpt_external), 0)::INTEGER AS rex, coalesce(sum(received_messages), 0)::INTEGER AS recv,
         coalesce(sum(received_from_internal), 0)::INTEGER AS fin, coalesce(sum(received_from_external), 0)::INTEGER AS fex,
         coalesce(sum(rejected_inbound), 0)::INTEGER AS rej FROM x`,
      range,
    );
    const t = m.totals;
    expect([t.mailSent, t.mailSentRcptInternal, t.mailSentRcptExternal, t.mailReceived, t.mailReceivedInternal, t.mailReceivedExternal, t.mailRejectedInbound])
      .toEqual([agg.sent, agg.rin, agg.rex, agg.recv, agg.fin, agg.fex, agg.rej]);
    const senders = await one<{ n: number }>(
      `SELECT count(DISTINCT address)::INTEGER AS n FROM mail_daily_mailbox WHERE sent_messages > 0 AND day BETWEEN $from::DATE AND $to::DATE`,
      range,
    );
    expect(t.mailActiveSenders).toBe(senders.n);
    const bytes = await one<{ sent: number; recv: number; rows: number }>(
      `SELECT coalesce(sum(sent_bytes), 0)::DOUBLE / 1048576 AS sent, coalesce(sum(received_bytes), 0)::DOUBLE / 1048576 AS recv,
         count(DISTINCT coalesce(agency_code, ''))::INTEGER AS rows
         FROM mail_daily_mailbox WHERE day BETWEEN $from::DATE AND $to::DATE`,
      range,
    );
    // Each annex row is rounded to 0.1 MB: the total is within half a tenth per row of the exact figure.
    expect(Math.abs(t.mailSentMb - bytes.sent)).toBeLessThanOrEqual(0.05 * bytes.rows + 1e-9);
    expect(Math.abs(t.mailReceivedMb - bytes.recv)).toBeLessThanOrEqual(0.05 * bytes.rows + 1e-9);
    const server = await one<{ received: number; rejected: number; days: number }>(
      `SELECT coalesce(sum(received), 0)::INTEGER AS received, coalesce(sum(rejected), 0)::INTEGER AS rejected,
         count(DISTINCT day)::INTEGER AS days FROM mail_daily_totals WHERE day BETWEEN $from::DATE AND $to::DATE`,
      range,
    );
    expect(m.mailLog!.server.received).toBe(server.received);
    expect(m.mailLog!.server.rejected).toBe(server.rejected);
    expect(m.mailLog!.daysCovered).toBe(server.days);
    // The reject classes add up to the reject facts still kept (a purged day keeps its count in the totals only).
    const facts = await one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM mail_rejects WHERE kind = 'reject' AND day BETWEEN $from::DATE AND $to::DATE`,
      range,
    );
    expect(m.mailLog!.rejectClasses.reduce((s, c) => s + c.n, 0)).toBe(facts.n);
  });
});

describe('raw facts, for days still within the retention', () => {
  it('messages sent by the province and rejects equal the Postfix facts (amavis re-injections counted once)', async () => {
    const range = { from: '2025-06-01', to: '2025-09-30' };
    const m = await model(`${range.from}..${range.to}`);
    const raw = await one<{ sent: number; external: number; rejected: number }>(
      `SELECT
         (SELECT count(*) FROM mail_messages WHERE via IN ('smtpd', 'pickup')
            AND sender LIKE '%@soctrang.gov.vn' AND day BETWEEN $from::DATE AND $to::DATE)::INTEGER AS sent,
         (SELECT count(*) FROM mail_recipient_facts WHERE status = 'sent' AND sender LIKE '%@soctrang.gov.vn'
            AND recipient NOT LIKE '%@soctrang.gov.vn' AND day BETWEEN $from::DATE AND $to::DATE)::INTEGER AS external,
         (SELECT count(*) FROM mail_rejects WHERE kind = 'reject' AND day BETWEEN $from::DATE AND $to::DATE)::INTEGER AS rejected`,
      range,
    );
    expect(m.totals.mailSent).toBe(raw.sent);
    expect(m.totals.mailSentRcptExternal).toBe(raw.external);
    expect(m.mailLog!.server.rejected).toBe(raw.rejected);
    // Counted by hand on the fixture's log lines: sent a@ 1 + c@ 1 (through amavis) on 10/06, a@ 2 and f@ 1 on 15/09;
    // external deliveries c@→z, a@→p, q, a@→p; rejects 3 on 10/06 and 1 on 15/09.
    expect([m.totals.mailSent, m.totals.mailSentRcptExternal, m.mailLog!.server.rejected]).toEqual([5, 4, 4]);
  });
});

describe('a year in which agencies merged: traffic goes to the agency of each date', () => {
  it('a@ sent in February under the merged Sở TT&TT and in June and September under Sở KH&CN', async () => {
    const m = await model('2025');
    const by = new Map(m.rows.map((r) => [r.code, r]));
    expect(by.get('STTTT')!.mailSent).toBe(1);
    expect(by.get('STTTT')!.mailReceived).toBe(1);
    expect(by.get('SKHCN')!.mailSent).toBe(4);
    expect(by.get('ZZZ')!.mailSent).toBe(1);
    // a@ is one sender, counted under the agency of its last sending day (SKHCN); a, c and f are the three senders.
    expect(by.get('STTTT')!.mailActiveSenders).toBe(0);
    expect(by.get('SKHCN')!.mailActiveSenders).toBe(2);
    expect(m.totals.mailActiveSenders).toBe(3);
    // The reject to an address the registry lacks lands on the "no agency" row, so no figure is dropped.
    expect(by.get('')!.mailRejectedInbound).toBe(1);
    const h1 = await model('2025-H1');
    expect(h1.rows.find((r) => r.code === 'STTTT')!.mailSent).toBe(1);
    expect(h1.rows.find((r) => r.code === 'SKHCN')!.mailSent).toBe(2);
  });
});

describe('coverage and unavailable figures are said plainly', () => {
  it('names the days covered, the missing ranges and the rejects that can no longer be classified', async () => {
    const m = await model('2025');
    expect(m.mailLog).toMatchObject({ daysCovered: 3, periodDays: 365 });
    const html = renderReportHtml(m, reportAnnexes(m), '');
    const text = html.replace(/\s+/g, ' ');
    expect(text).toContain('Số liệu nhật ký thư có cho 3/365 ngày của kỳ (chưa có: từ 01/01/2025 đến 19/02/2025; từ 21/02/2025 đến 09/06/2025;');
    // February's reject facts were purged after the 6-month retention when September was loaded: 4 of 6 classified.
    expect(text).toContain('Phân loại theo lý do (được 4/6 lượt; nhật ký chi tiết của các ngày còn lại đã quá thời hạn lưu giữ)');
    expect(text).toContain('máy gửi nằm trong danh sách chặn thư rác (DNSBL) 1');
    expect(text).toContain('chưa nêu được số thư rác bị lọc sau khi tiếp nhận');
    expect(text).toContain('Phụ lục VI</span><span class="ten-phu-luc">LƯU LƯỢNG THƯ ĐIỆN TỬ THEO CƠ QUAN, ĐƠN VỊ');
    expect(text).not.toContain('kho dữ liệu chưa có số liệu nhật ký thư tổng hợp');
    const adhoc = await model('2025-06-10..2025-06-10');
    expect(renderReportHtml(adhoc, reportAnnexes(adhoc), '')).toContain('Số liệu nhật ký thư có đủ cho 1/1 ngày của kỳ.');
  });

  it('a period without mail log, and a warehouse without the mail-log tables, say the figures are not available', async () => {
    const none = await model('2025-03-01..2025-03-31');
    expect(none.mailLog!.daysCovered).toBe(0);
    const html = renderReportHtml(none, reportAnnexes(none), '');
    expect(html).toContain('Kho dữ liệu chưa có số liệu nhật ký thư cho kỳ này');
    expect(html).toContain('<td>Thư gửi đi</td><td class="so">Chưa có số liệu</td>');
    const bare = await reportYearFixture();
    try {
      await bare.conn.run('DROP VIEW mail_recipient_facts; DROP TABLE mail_daily_totals');
      const m = await model('2025', bare);
      expect(m.mailLog).toBeNull();
      expect(renderReportHtml(m, reportAnnexes(m), '')).toContain('Kho dữ liệu chưa có số liệu nhật ký thư cho kỳ này');
    } finally {
      bare.close();
    }
  });

  it('lists the gaps of a period as inclusive day ranges', () => {
    expect(dayGaps('2025-01-01', '2025-01-10', ['2025-01-01', '2025-01-05', '2025-01-06'])).toEqual([
      { from: '2025-01-02', to: '2025-01-04' },
      { from: '2025-01-07', to: '2025-01-10' },
    ]);
    expect(dayGaps('2025-01-01', '2025-01-02', ['2025-01-01', '2025-01-02'])).toEqual([]);
    expect(dayGaps('2025-01-01', '2025-01-01', [])).toEqual([{ from: '2025-01-01', to: '2025-01-01' }]);
  });
});
