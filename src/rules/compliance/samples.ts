/**
 * When an agency is observed during a period. Pure: no I/O.
 *
 * Scores describe a whole period, not its last night: every state criterion is counted on each month's last day
 * within the span the agency existed in the period (and the data exists), plus the span's last day, and the
 * counts are summed. So a year gives 12 observations, a half-year 6, an agency merged on 15/07 is observed on
 * 31/01 … 30/06 and 14/07 under its own name, and an ad-hoc period ending mid-month adds its last day.
 */
import { addDays } from '../calendar/index.ts';

function lastDayOfMonth(iso: string): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * The observation days (YYYY-MM-DD, ascending) for a span `from`..`to` (inclusive): each month end inside the span
 * and `to` itself. Empty when `from` is after `to`.
 */
export function sampleDates(from: string, to: string): string[] {
  if (from > to) return [];
  const out: string[] = [];
  for (let end = lastDayOfMonth(from); end < to; end = lastDayOfMonth(addDays(end, 1))) out.push(end);
  out.push(to);
  return out;
}
