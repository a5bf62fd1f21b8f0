/**
 * Time helpers for the generator. Instants are epoch milliseconds; every calendar day and every printed time is in
 * Asia/Ho_Chi_Minh (+07:00, no daylight saving), whatever the machine's time zone (SPEC §3: times carry +07:00).
 */
import { UTC_OFFSET_MS, UTC_OFFSET_TEXT } from '../text/time.ts';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === text;
}

/** Epoch ms of 00:00 +07:00 on `date` (YYYY-MM-DD). */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - UTC_OFFSET_MS;
}

/** The +07:00 calendar date of an instant. */
export function localDate(ms: number): string {
  return new Date(ms + UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-20T08:15:01+07:00`. */
export function localIso(ms: number): string {
  return new Date(ms + UTC_OFFSET_MS).toISOString().slice(0, 19) + UTC_OFFSET_TEXT;
}

/** `date` shifted by n calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

/**
 * LDAP generalized time in UTC as Zimbra writes it: `20241105093000Z`, or with milliseconds
 * `20260728064034.819Z` (newer Zimbra releases).
 */
export function generalizedTime(ms: number, withMillis: boolean): string {
  const iso = new Date(ms).toISOString(); // 2024-11-05T09:30:00.000Z
  const base = iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19);
  return withMillis ? `${base}.${iso.slice(20, 23)}Z` : `${base}Z`;
}
