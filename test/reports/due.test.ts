import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/rules/calendar/civilDate.ts';
import { describeDaysLeft, mainReport, rangeKind, reportsDue } from '../../src/reports/due.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { POLICY_IDS } from '../../src/rules/policy/schema.ts';
import { sitePeriods } from '../../src/reports/periods.ts';

describe('due dates from the profile (002 Điều 10 khoản 3; 001 Điều 11 khoản 2 điểm i)', () => {
  const policy = loadPolicy('soctrang-2024');
  // Days are counted to the last day on time: the day before the text's "trước ngày …".
  it.each([
    ['2025-H1', '2025-07-01', [['ubnd-6-thang', '2025-07-20', 18], ['ttcns-6-thang', '2025-07-10', 8]]],
    ['2025', '2026-01-05', [['ubnd-nam', '2026-01-20', 14], ['ttcns-nam', '2026-01-10', 4]]],
    ['2025', '2026-01-25', [['ubnd-nam', '2026-01-20', -6], ['ttcns-nam', '2026-01-10', -16]]],
    ['2025-H2', '2026-01-05', [['ubnd-6-thang', null, null], ['ttcns-6-thang', null, null]]],
    ['2025-03-01..2025-03-31', '2025-04-02', [['dot-xuat', null, null]]],
  ] as const)('%s seen on %s', (p, today, expected) => {
    const dues = reportsDue(policy, parsePeriod(p), today);
    expect(dues.map((d) => [d.id, d.due, d.daysLeft])).toEqual(expected);
  });

  it('the document is the report addressed to UBND', () => {
    expect(mainReport(reportsDue(policy, parsePeriod('2025'), '2026-01-01'))?.id).toBe('ubnd-nam');
  });

  it('a profile without a due date (sonla-2025, draft) says so', () => {
    const [d] = reportsDue(loadPolicy('sonla-2025'), parsePeriod('2025'), '2026-01-01');
    expect(d).toMatchObject({ id: 'dinh-ky', due: null, lastDay: null, daysLeft: null });
  });

  // Item 12 of issue 17: 002 Điều 10 khoản 3 "Báo cáo … định kỳ 06 tháng (trước ngày 20/7 của năm), năm (trước ngày
  // 20/01 năm kế tiếp)". "Trước" is before: 19/7 is the last day, 20/7 is already late.
  it.each([
    ['2025-H1', '2025-07-18', 'còn 1 ngày'],
    ['2025-H1', '2025-07-19', 'đến hạn hôm nay'],
    ['2025-H1', '2025-07-20', 'quá hạn 1 ngày'],
    ['2025', '2026-01-19', 'đến hạn hôm nay'],
    ['2025', '2026-01-20', 'quá hạn 1 ngày'],
  ] as const)('“trước ngày 20/7”, “trước ngày 20/01”: report for %s on %s is %s', (p, today, text) => {
    const d = mainReport(reportsDue(policy, parsePeriod(p), today))!;
    expect(describeDaysLeft(d.daysLeft!)).toBe(text);
    expect(d.lastDay).toBe(p === '2025' ? '2026-01-19' : '2025-07-19');
  });

  it('the profile says how it reads “trước ngày”', () => {
    const report = policy.reports.find((r) => r.id === 'ubnd-6-thang')!;
    expect(report.cite.note).toMatch(/hạn cuối là hết ngày 19\/7; ngày 20\/7 đã quá hạn/);
  });

  it.each([
    [3, 'còn 3 ngày'],
    [0, 'đến hạn hôm nay'],
    [-2, 'quá hạn 2 ngày'],
  ])('%i days → %s', (n, text) => expect(describeDaysLeft(n)).toBe(text));

  it('counts calendar days across a year end', () => expect(daysBetween('2025-12-31', '2026-01-20')).toBe(20));
});

describe('periods published on the site', () => {
  it.each([
    ['2026-01-05', ['2026-H1', '2025']],
    ['2025-06-30', ['2025-H1', '2024']],
    ['2025-07-01', ['2025', '2025-H1']],
    ['2025-12-31', ['2025', '2025-H1']],
  ])('data to %s → %j', (asOf, ids) => expect(sitePeriods(asOf).map((p) => p.id)).toEqual(ids));
});

// Item 7 of issue 17: 003 Điều 9 khoản 13 "Báo cáo định kỳ hàng tháng, quý, năm hoặc đột xuất". The command line's
// periods stay a year, a half-year or a range (SPEC §2); a range of exactly one month or quarter is that report.
describe('monthly and quarterly reports of QĐ 17/2014 as ranges', () => {
  const policy = loadPolicy('soctrang-2014');
  it.each([
    ['2014-11-01..2014-11-30', 'month', ['thang']],
    ['2014-02-01..2014-02-28', 'month', ['thang']],
    ['2016-02-01..2016-02-29', 'month', ['thang']],
    ['2014-12-01..2014-12-31', 'month', ['thang']],
    ['2014-10-01..2014-12-31', 'quarter', ['quy']],
    ['2015-01-01..2015-03-31', 'quarter', ['quy']],
    ['2014-11-01..2014-11-29', 'ad-hoc', ['dot-xuat']],
    ['2014-11-02..2014-11-30', 'ad-hoc', ['dot-xuat']],
    ['2014-11-01..2015-01-31', 'ad-hoc', ['dot-xuat']],
    ['2014-02-01..2014-04-30', 'ad-hoc', ['dot-xuat']],
  ] as const)('%s is a %s report → %j', (p, kind, ids) => {
    expect(rangeKind(parsePeriod(p))).toBe(kind);
    const dues = reportsDue(policy, parsePeriod(p), '2014-12-31');
    expect(dues.map((d) => d.id)).toEqual(ids);
    expect(dues.every((d) => d.due === null && d.citation === '003 Điều 9 khoản 13')).toBe(true);
  });

  it('the same month under QĐ 59/2024, which has no monthly report, is an on-demand report', () => {
    expect(reportsDue(loadPolicy('soctrang-2024'), parsePeriod('2025-03-01..2025-03-31'), '2025-04-02').map((d) => d.id)).toEqual(['dot-xuat']);
  });

  it.each(POLICY_IDS)('%s: no dead report entries — each is produced by some PERIOD of the command line', (id) => {
    const sample = { year: '2025', 'half-year': '2025-H1', month: '2025-03-01..2025-03-31', quarter: '2025-01-01..2025-03-31', 'ad-hoc': '2025-03-05..2025-03-20' };
    for (const r of loadPolicy(id).reports) {
      expect(reportsDue(loadPolicy(id), parsePeriod(sample[r.period]), '2025-12-31').map((d) => d.id)).toContain(r.id);
    }
  });
});
