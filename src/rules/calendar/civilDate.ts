/**
 * Civil dates as plain `YYYY-MM-DD` strings and Julian day numbers (JDN), with no `Date` object and
 * therefore no dependence on the machine's time zone. Vietnam (Asia/Ho_Chi_Minh) has kept UTC+07:00
 * without daylight saving since 1975, so a fixed offset is exact for every date this product handles.
 */

import { UTC_OFFSET_MINUTES } from '../../text/time.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Julian day number of a proleptic Gregorian date (integer; noon-based JDN as in Hồ Ngọc Đức's code). */
export function jdnFromYmd(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** Gregorian [year, month, day] of a Julian day number. */
export function ymdFromJdn(jdn: number): [number, number, number] {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return [year, month, day];
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (29/02 only in leap years). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const [y2, mo2, d2] = ymdFromJdn(jdnFromYmd(y, mo, d));
  return y2 === y && mo2 === mo && d2 === d;
}

/** JDN of a `YYYY-MM-DD` date; throws a Vietnamese error for anything else. */
export function toJdn(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`ngày "${iso}" không hợp lệ (cần dạng YYYY-MM-DD có thật)`);
  return jdnFromYmd(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** `YYYY-MM-DD` of a JDN. */
export function fromJdn(jdn: number): string {
  const [y, m, d] = ymdFromJdn(jdn);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day of week: 0 = Chủ nhật (Sunday), 1 = thứ Hai … 6 = thứ Bảy. */
export function weekdayOfJdn(jdn: number): number {
  return (jdn + 1) % 7;
}

/** Day of week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return weekdayOfJdn(toJdn(iso));
}

/** The date `days` calendar days after (negative: before) `iso`. */
export function addDays(iso: string, days: number): string {
  return fromJdn(toJdn(iso) + days);
}

/** Calendar days from `a` to `b` (YYYY-MM-DD), negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return toJdn(b) - toJdn(a);
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * The calendar date in Asia/Ho_Chi_Minh of an ISO 8601 date-time, whatever the machine's time zone.
 * `2025-01-24T18:30:00Z` is `2025-01-25` in Vietnam. A value without an offset is taken as Vietnamese
 * wall-clock time (the exports write local time); a bare `YYYY-MM-DD` is that local date.
 */
export function vietnamDateOf(isoDateTime: string): string {
  const m = DATE_TIME.exec(isoDateTime.trim());
  if (!m) throw new RangeError(`thời điểm "${isoDateTime}" không đúng dạng ISO 8601`);
  const [, date, hh, mm, ss, zone] = m;
  const base = toJdn(date!);
  const hours = Number(hh ?? 0);
  const minutes = Number(mm ?? 0);
  if (hours > 23 || minutes > 59 || Number(ss ?? 0) > 60) {
    throw new RangeError(`thời điểm "${isoDateTime}" có giờ không hợp lệ`);
  }
  if (!zone) return fromJdn(base);
  const offset = zoneOffsetMinutes(zone);
  const localMinutes = hours * 60 + minutes - offset + UTC_OFFSET_MINUTES;
  return fromJdn(base + Math.floor(localMinutes / 1440));
}

function zoneOffsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const h = Number(digits.slice(0, 2));
  const min = Number(digits.slice(2) || '0');
  if (h > 14 || min > 59) throw new RangeError(`độ lệch múi giờ "${zone}" không hợp lệ`);
  return sign * (h * 60 + min);
}
