/**
 * Which of the profile's reports a period is for, their due dates and the days left (pure). The due dates and their
 * citations come from the profile's `reports` entries (002 Điều 10 khoản 3: 6-month report before 20/7, annual before
 * 20/01 of the next year; 001 Điều 11 khoản 2 điểm i: the centre's before 10/7 and 10/01).
 */
import type { Period } from '../rules/period.ts';
import { formatCitation, type Policy } from '../rules/policy/schema.ts';

export interface ReportDue {
  id: string;
  title: string;
  from: string;
  to: string;
  /** "Before" date (YYYY-MM-DD), or null when the regulation sets none for this period. */
  due: string | null;
  /** Calendar days from `today` to `due` (negative once it has passed); null without a due date. */
  daysLeft: number | null;
  citation: string;
  draft: boolean;
}

const DAY_MS = 86_400_000;

/** Calendar days from `a` to `b` (YYYY-MM-DD), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * The profile's reports that cover `period`: a year → the annual reports, the first half-year → the 6-month reports,
 * an ad-hoc period → the on-demand report. The second half-year is reported in the annual report, so its 6-month
 * entries carry no due date. Each due date is the report's MM-DD in the period's year, or the next year when the
 * profile says so (`dueNextYear`); `daysLeft` counts from `today` (the build or run date, YYYY-MM-DD).
 */
export function reportsDue(policy: Policy, period: Period, today: string): ReportDue[] {
  const kind = period.kind === 'ad-hoc' ? 'ad-hoc' : period.kind;
  const year = Number(period.to.slice(0, 4));
  const secondHalf = period.kind === 'half-year' && period.id.endsWith('H2');
  return policy.reports
    .filter((r) => r.period === kind)
    .map((r) => {
      const due = r.due === null || secondHalf ? null : `${year + (r.dueNextYear ? 1 : 0)}-${r.due}`;
      return {
        id: r.id,
        title: r.title,
        from: r.from,
        to: r.to,
        due,
        daysLeft: due === null ? null : daysBetween(today, due),
        citation: formatCitation(r.cite),
        draft: r.cite.basis === 'draft',
      };
    });
}

/** The report the document is (the first one addressed to the province's People's Committee), if any. */
export function mainReport(dues: readonly ReportDue[]): ReportDue | null {
  return dues.find((d) => /ủy ban nhân dân/i.test(d.to)) ?? dues[0] ?? null;
}

/** Vietnamese "còn N ngày" / "đến hạn hôm nay" / "quá hạn N ngày". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-daysLeft} ngày`;
}
