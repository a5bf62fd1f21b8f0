/**
 * Working days for the generator: the Vietnamese calendar of `src/rules/calendar` (holidays, Tết, make-up
 * Saturdays) inside the years it covers, plain Monday–Friday before them (mailboxes created in 2011–2013).
 */
import { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, isWorkingDay } from '../rules/calendar/index.ts';
import { addDays, isWeekend } from './time.ts';

/** Whether state agencies work on `date` (YYYY-MM-DD). */
export function isWorkday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) return !isWeekend(date);
  return isWorkingDay(date);
}

/** The n-th working day strictly after `start` (n > 0) or strictly before it (n < 0); `start` for n = 0. */
export function addWorkdays(start: string, n: number): string {
  let d = start;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    d = addDays(d, step);
    if (isWorkday(d)) left--;
  }
  return d;
}

/** `date` itself when it is a working day, else the next one. */
export function workdayOnOrAfter(date: string): string {
  return isWorkday(date) ? date : addWorkdays(date, 1);
}
