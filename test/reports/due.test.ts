import { describe, expect, it } from 'vitest';
import { daysBetween, describeDaysLeft, mainReport, reportsDue } from '../../src/reports/due.ts';
import { parsePeriod } from '../../src/rules/period.ts';
import { loadPolicy } from '../../src/rules/policy/load.ts';
import { sitePeriods } from '../../src/reports/periods.ts';

describe('due dates from the profile (002 Điều 10 khoản 3; 001 Điều 11 khoản 2 điểm i)', () => {
  const policy = loadPolicy('soctrang-2024');
  it.each([
    ['2025-H1', '2025-07-01', [['ubnd-6-thang', '2025-07-20', 19], ['ttcns-6-thang', '2025-07-10', 9]]],
    ['2025', '2026-01-05', [['ubnd-nam', '2026-01-20', 15], ['ttcns-nam', '2026-01-10', 5]]],
    ['2025', '2026-01-25', [['ubnd-nam', '2026-01-20', -5], ['ttcns-nam', '2026-01-10', -15]]],
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
    expect(d).toMatchObject({ id: 'dinh-ky', due: null, daysLeft: null, draft: false });
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
