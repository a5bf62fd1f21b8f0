// Syslog timestamps of a Postfix log (SPEC §3.3): classic `Nov 21 08:15:01` (no year, no zone) and RFC 3339
// `2026-11-21T08:15:01.123+07:00`. Times without a zone are Asia/Ho_Chi_Minh (+07:00, no daylight saving).
import { UTC_OFFSET_MS } from '../../text/time.ts';

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec';

/** Where the timestamp ends and what it means: UTC epoch ms and the local (+07:00) calendar day. */
export interface SyslogTime {
  epochMs: number;
  /** Local day, YYYY-MM-DD. */
  day: string;
  /** Index of the first character after the timestamp and its single space (the host starts here). */
  hostStart: number;
}

/**
 * The year a classic (year-less) line belongs to, given the export night: the logs of a night come from just before
 * it, so a December line in a January export is from the previous year, and a January line in a December export
 * (rotated just after midnight) from the next.
 */
export function classicYear(month: number, exportDate: string): number {
  const exportYear = Number(exportDate.slice(0, 4));
  const exportMonth = Number(exportDate.slice(5, 7)) - 1;
  if (month - exportMonth > 6) return exportYear - 1;
  if (exportMonth - month > 6) return exportYear + 1;
  return exportYear;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function localDay(localMs: number): string {
  return new Date(localMs).toISOString().slice(0, 10);
}

/**
 * Reads the timestamp at the start of `line` with the same shapes pflogsumm 1.1.5 accepts
 * (`^(...) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ` and `^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(±hh:mm|Z) `).
 * Returns null when neither matches, or when the month name or date is not a real one.
 */
export function parseSyslogTime(line: string, exportDate: string): SyslogTime | null {
  if (line.length < 16) return null;
  const c4 = line.charCodeAt(4);
  if (isDigit(line.charCodeAt(0)) && line.charCodeAt(4) === 45 /* - */ && line.charCodeAt(10) === 84 /* T */) {
    return parseRfc3339(line);
  }
  // classic: three characters, one or two spaces, one or two digits, a space, hh:mm:ss, a space
  if (line.charCodeAt(3) !== 32) return null;
  let i = c4 === 32 ? 5 : 4;
  const d0 = i;
  while (i < d0 + 2 && isDigit(line.charCodeAt(i))) i++;
  if (i === d0 || line.charCodeAt(i) !== 32) return null;
  const day = Number(line.slice(d0, i));
  const t = i + 1;
  if (!isHms(line, t) || line.charCodeAt(t + 8) !== 32) return null;
  const monthIndex = MONTHS.indexOf(line.slice(0, 3));
  if (monthIndex < 0 || monthIndex % 3 !== 0) return null;
  const month = monthIndex / 3;
  const year = classicYear(month, exportDate);
  const localMs = Date.UTC(year, month, day, hmsPart(line, t), hmsPart(line, t + 3), hmsPart(line, t + 6));
  if (new Date(localMs).getUTCDate() !== day) return null; // 31 Nov, 29 Feb of a common year
  return { epochMs: localMs - UTC_OFFSET_MS, day: localDay(localMs), hostStart: t + 9 };
}

function isHms(s: string, at: number): boolean {
  return (
    isDigit(s.charCodeAt(at)) && isDigit(s.charCodeAt(at + 1)) && s.charCodeAt(at + 2) === 58 &&
    isDigit(s.charCodeAt(at + 3)) && isDigit(s.charCodeAt(at + 4)) && s.charCodeAt(at + 5) === 58 &&
    isDigit(s.charCodeAt(at + 6)) && isDigit(s.charCodeAt(at + 7))
  );
}

function hmsPart(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:([+-])(\d{2}):(\d{2})|Z) /;

function parseRfc3339(line: string): SyslogTime | null {
  const m = RFC3339.exec(line);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (new Date(wall).getUTCDate() !== Number(d) || Number(mo) < 1 || Number(mo) > 12) return null;
  const offsetMs = sign ? (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000 : 0;
  const fracMs = frac ? Math.floor(Number(frac) * 1000) : 0;
  const epochMs = wall - offsetMs + fracMs;
  return { epochMs, day: localDay(epochMs + UTC_OFFSET_MS), hostStart: m[0].length };
}
