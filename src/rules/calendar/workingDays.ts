/**
 * Working days of Vietnamese state agencies, in Asia/Ho_Chi_Minh whatever the machine's time zone.
 *
 * A working day is Monday–Friday (40-hour week, Quyết định 188/1999/QĐ-TTg) that is not a public
 * holiday, a nghỉ bù or a hoán đổi day, plus the Saturdays the government names as make-up days
 * (see calendarYear.ts for where those come from).
 *
 * Counting "N ngày làm việc" — e.g. "Trong 05 ngày làm việc" (001 Điều 4 khoản 3 điểm a, b; figure of
 * the draft, the final 002 Điều 4 gives none): the day of receipt is not counted, whatever the hour or
 * whether it is itself a working day (Bộ luật Dân sự 2015 Điều 147 khoản 3: ngày xảy ra sự kiện không
 * được tính); counting starts on the next working day, and the deadline is the whole N-th working day
 * (until 24:00 +07:00). A request received on Friday 24/01/2025 at 20:00 before Tết Ất Tỵ therefore
 * starts counting on Monday 03/02/2025 and is due, for N = 5, on Friday 07/02/2025.
 */
import { addDays, fromJdn, toJdn, vietnamDateOf, weekdayOfJdn } from './civilDate.ts';
import { calendarYear } from './calendarYear.ts';
import type { DayOff, MakeUpWorkday } from './holidaySchema.ts';

/** What one calendar day is, with the entry that makes it so. */
export interface DayStatus {
  date: string;
  working: boolean;
  /** Set when the day is a holiday, nghỉ bù or hoán đổi day. */
  dayOff?: DayOff;
  /** Set when the day is a make-up Saturday (làm bù). */
  makeUp?: MakeUpWorkday;
}

function workingJdn(jdn: number, iso: string): boolean {
  const year = calendarYear(Number(iso.slice(0, 4)));
  if (year.makeUpWorkdays.has(iso)) return true;
  const wd = weekdayOfJdn(jdn);
  return wd !== 0 && wd !== 6 && !year.daysOff.has(iso);
}

/** Whether `date` (YYYY-MM-DD) is a working day. Throws a RangeError for a bad date or a year outside 2014–2100. */
export function isWorkingDay(date: string): boolean {
  return workingJdn(toJdn(date), date);
}

/** The status of `date`, naming the holiday or make-up entry behind it. */
export function dayStatus(date: string): DayStatus {
  const year = calendarYear(Number(date.slice(0, 4)));
  const dayOff = year.daysOff.get(date);
  const makeUp = year.makeUpWorkdays.get(date);
  return {
    date,
    working: isWorkingDay(date),
    ...(dayOff ? { dayOff } : {}),
    ...(makeUp ? { makeUp } : {}),
  };
}

function requireInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} phải là số nguyên (nhận ${n})`);
}

/**
 * The n-th working day strictly after `start` (n > 0), strictly before it (n < 0), or `start` itself
 * (n = 0). `start` need not be a working day: addWorkingDays('2025-01-25', 1) is '2025-02-03'.
 */
export function addWorkingDays(start: string, n: number): string {
  requireInteger(n, 'số ngày làm việc');
  let jdn = toJdn(start);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    jdn += step;
    if (workingJdn(jdn, fromJdn(jdn))) left -= 1;
  }
  return fromJdn(jdn);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string): string {
  return addWorkingDays(date, 1);
}

/**
 * The last date (YYYY-MM-DD, Vietnam) by which work received at `receivedAt` is due when the rule
 * allows `n` working days (n ≥ 1): the receipt day is not counted, counting starts the next working
 * day (see the module comment; 001 Điều 4 khoản 3). `receivedAt` is an ISO 8601 date-time; its date is
 * taken in Asia/Ho_Chi_Minh, so 2025-01-24T17:30:00Z counts as received on 25/01/2025.
 */
export function workingDayDeadline(receivedAt: string, n: number): string {
  requireInteger(n, 'thời hạn');
  if (n < 1) throw new RangeError(`thời hạn phải từ 1 ngày làm việc trở lên (nhận ${n})`);
  return addWorkingDays(vietnamDateOf(receivedAt), n);
}

/**
 * How many working days lie after `from` up to and including `to` (both YYYY-MM-DD): the count used
 * for "đã mất N ngày làm việc", with the same convention as the deadline (the first day not counted).
 * Negative when `to` is before `from`; 0 when they are equal.
 */
export function workingDaysBetween(from: string, to: string): number {
  const a = toJdn(from);
  const b = toJdn(to);
  if (b < a) return -workingDaysBetween(to, from);
  let count = 0;
  for (let jdn = a + 1; jdn <= b; jdn += 1) if (workingJdn(jdn, fromJdn(jdn))) count += 1;
  return count;
}

/**
 * True when work received at `receivedAt` and completed at `completedAt` (ISO 8601 date-times) was
 * finished after its deadline of `n` working days: the completion date in Vietnam is later than
 * `workingDayDeadline(receivedAt, n)`. Completion at any hour of the deadline date is on time; a
 * completion on the weekend after a Friday deadline is late.
 */
export function isLate(receivedAt: string, completedAt: string, n: number): boolean {
  return vietnamDateOf(completedAt) > workingDayDeadline(receivedAt, n);
}

/** Every working day from `from` to `to` inclusive (YYYY-MM-DD), e.g. to check "read every working day". */
export function workingDaysIn(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) out.push(d);
  return out;
}
