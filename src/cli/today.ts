/**
 * "Today" for a command, decided once at the CLI edge and passed down as an argument (reports date themselves with it
 * and count the days left to their due dates from it): the calendar day in Asia/Ho_Chi_Minh at `now`, whatever the
 * machine's time zone.
 */
export function vietnamToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}
