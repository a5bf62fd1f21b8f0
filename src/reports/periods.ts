/**
 * Which report periods the site publishes for a data date (pure), the 6-month and annual reports that are due or
 * being prepared (002 Điều 10 khoản 3): in the first half of a year, that half-year and the year before (its annual
 * report is due on 20/01); in the second half, the year so far and its first half (due on 20/7).
 */
import { parsePeriod, type Period } from '../rules/period.ts';

/** Report periods for `asOf` (YYYY-MM-DD), newest first, without duplicates. */
export function sitePeriods(asOf: string): Period[] {
  const year = Number(asOf.slice(0, 4));
  const h1 = asOf.slice(5) <= '06-30';
  const ids = h1 ? [`${year}-H1`, `${year - 1}`] : [`${year}`, `${year}-H1`];
  return ids.map(parsePeriod);
}
