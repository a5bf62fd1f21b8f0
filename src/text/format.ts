/**
 * Vietnamese formatting for pages, islands and downloads (SPEC §5: dates dd/mm/yyyy, numbers 1.234,5,
 * Intl.Collator('vi') sorting). Pure: no I/O, safe in the browser. Times are shown in Asia/Ho_Chi_Minh.
 */

import { TIME_ZONE } from './time.ts';

const numberFormats = new Map<number, Intl.NumberFormat>();

/** `1.234,5`: Vietnamese grouping and decimal comma, at most `maxFractionDigits` decimals; "—" for no value. */
export function formatNumber(value: number | null | undefined, maxFractionDigits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let nf = numberFormats.get(maxFractionDigits);
  if (!nf) {
    nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(maxFractionDigits, nf);
  }
  return nf.format(value);
}

/** A share 0–1 as a percentage: 0.8754 → `87,5%`; "—" when there is no denominator. */
export function formatPercent(share: number | null | undefined, maxFractionDigits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${formatNumber(share * 100, maxFractionDigits)}%`;
}

/** A signed change: `+1.234` / `−12,5` (true minus sign), or `0`. */
export function formatChange(delta: number | null | undefined, maxFractionDigits = 1): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  const abs = formatNumber(Math.abs(delta), maxFractionDigits);
  if (abs === '0') return '0';
  return delta > 0 ? `+${abs}` : `\u2212${abs}`;
}

/** `dd/mm/yyyy` from a calendar date `YYYY-MM-DD` (no time zone shift: a date is a date). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `dd/mm/yyyy HH:mm` in Asia/Ho_Chi_Minh from epoch milliseconds. */
export function formatDateTime(epochMs: number | null | undefined): string {
  if (epochMs === null || epochMs === undefined || !Number.isFinite(epochMs)) return '—';
  const p = Object.fromEntries(dateTimeParts.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM-DD HH:mm` in Asia/Ho_Chi_Minh from epoch milliseconds: a local time cell of a download (CSV/XLSX). */
export function isoLocalDateTime(epochMs: number): string {
  const p = Object.fromEntries(dateTimeParts.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `MM/yyyy` from `YYYY-MM` or `YYYY-MM-DD` (chart labels). */
export function formatMonth(isoMonth: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(isoMonth);
  return m ? `${m[2]}/${m[1]}` : isoMonth;
}

/** The Vietnamese collator (SPEC §5): "Đ" after "D", "Ư" after "U", accents ordered as Vietnamese readers expect. */
export const viCollator = new Intl.Collator('vi', { numeric: true });

/** Sorts a copy of `items` by a text key with the Vietnamese collator. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}
