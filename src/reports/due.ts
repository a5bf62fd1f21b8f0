/**
 * Which of the profile's reports a period is for, their due dates and the days left (pure). The due dates and their
 * citations come from the profile's `reports` entries (002 Điều 10 khoản 3: 6-month report before 20/7, annual before
 * 20/01 of the next year; 001 Điều 11 khoản 2 điểm i: the centre's before 10/7 and 10/01).
 *
 * "Trước ngày 20/7" is read as the text says: before 20/7, so the last day to send it is 19/7 and on 20/7 the report
 * is already one day late. The page shows the text's own date ("trước ngày 20/07/2025") and counts days to the last day.
 */
import { addDays, daysBetween } from '../rules/calendar/civilDate.ts';
import type { Period } from '../rules/period.ts';
import { formatCitation, type Citation, type Policy } from '../rules/policy/schema.ts';

export interface ReportDue {
  id: string;
  title: string;
  from: string;
  to: string;
  /** The text's "before" date (YYYY-MM-DD), or null when the regulation sets none for this period. */
  due: string | null;
  /** The last day the report is on time (the day before `due`); null without a due date. */
  lastDay: string | null;
  /** Calendar days from `today` to `lastDay` (0 on the last day, negative once it has passed); null without one. */
  daysLeft: number | null;
  citation: string;
  /** The citation itself, for a document to cite by the regulation's name (`citeDocument`). */
  cite: Citation;
  draft: boolean;
}


/**
 * What kind of report an ad-hoc range is: exactly one calendar month or quarter gives "month" / "quarter" (QĐ
 * 17/2014's monthly and quarterly reports, 003 Điều 9 khoản 13, are asked for as `2014-11-01..2014-11-30` since the
 * command line's periods are a year, a half-year or a range), anything else "ad-hoc".
 */
export function rangeKind(period: Period): 'month' | 'quarter' | 'ad-hoc' {
  if (period.kind !== 'ad-hoc' || period.from.slice(8) !== '01') return 'ad-hoc';
  const year = Number(period.from.slice(0, 4));
  const month = Number(period.from.slice(5, 7));
  // The last day of the month `months` - 1 after the first (Date.UTC rolls month 13 into January).
  const lastDayAfter = (months: number) => addDays(new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10), -1);
  if (period.to === lastDayAfter(1)) return 'month';
  if ((month - 1) % 3 === 0 && period.to === lastDayAfter(3)) return 'quarter';
  return 'ad-hoc';
}

/**
 * The profile's reports that cover `period`: a year → the annual reports, the first half-year → the 6-month reports,
 * a range of exactly one month or quarter → the monthly or quarterly reports where the profile has them (else the
 * on-demand report), any other range → the on-demand report. The second half-year is reported in the annual report,
 * so its 6-month entries carry no due date. Each due date is the report's "before" MM-DD in the period's year, or the
 * next year when the profile says so (`dueNextYear`); `daysLeft` counts from `today` (the build or run date) to the
 * day before it.
 */
export function reportsDue(policy: Policy, period: Period, today: string): ReportDue[] {
  const range = rangeKind(period);
  const kind = period.kind !== 'ad-hoc' ? period.kind : policy.reports.some((r) => r.period === range) ? range : 'ad-hoc';
  const year = Number(period.to.slice(0, 4));
  const secondHalf = period.kind === 'half-year' && period.id.endsWith('H2');
  return policy.reports
    .filter((r) => r.period === kind)
    .map((r) => {
      const due = r.due === null || secondHalf ? null : `${year + (r.dueNextYear ? 1 : 0)}-${r.due}`;
      const lastDay = due === null ? null : addDays(due, -1);
      return {
        id: r.id,
        title: r.title,
        from: r.from,
        to: r.to,
        due,
        lastDay,
        daysLeft: lastDay === null ? null : daysBetween(today, lastDay),
        citation: formatCitation(r.cite),
        cite: r.cite,
        draft: r.cite.basis === 'draft',
      };
    });
}

/** The report the document is (the first one addressed to the province's People's Committee), if any. */
export function mainReport(dues: readonly ReportDue[]): ReportDue | null {
  return dues.find((d) => /ủy ban nhân dân/i.test(d.to)) ?? dues[0] ?? null;
}

/** Vietnamese "còn N ngày" / "đến hạn hôm nay" (the last day) / "quá hạn N ngày". */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft > 0) return `còn ${daysLeft} ngày`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `quá hạn ${-daysLeft} ngày`;
}
