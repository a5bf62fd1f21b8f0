import { vietnamDate } from '../text/time.ts';

/**
 * "Today" for a command, decided once at the CLI edge and passed down as an argument (reports date themselves with it
 * and count the days left to their due dates from it): the calendar day in Asia/Ho_Chi_Minh at `now`, whatever the
 * machine's time zone (src/text/time.ts).
 */
export function vietnamToday(now: Date = new Date()): string {
  return vietnamDate(now);
}
