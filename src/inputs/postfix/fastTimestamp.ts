// The syslog timestamp of a log line, read from its bytes by the fast path (fastPath.ts) with the result
// syslogTime.ts's parseSyslogTime gives: the previous line's timestamp reused when the bytes are the same (most lines
// of a classic log), a classic timestamp of the same date computed here, an RFC 3339 one (rsyslog's default since
// Debian 12) read here, and anything else left to parseSyslogTime.
import { CLASS, COLON, DASH, DIGIT, DOT, PLUS, POW10, SP, T_UPPER, Z_UPPER, hmsMs, latin1, sameStart } from './byteScan.ts';
import { parseSyslogTime } from './syslogTime.ts';
import { UTC_OFFSET_MS } from '../../text/time.ts';

/** One file's (or byte range's) timestamps, line after line. */
export class FastTimestamp {
  /** The last timestamp read by parseSyslogTime: its date part ("Nov 20 ") and the local midnight of that day. */
  private readonly datePart = Buffer.alloc(16);
  private datePartLength = -1;
  private dayStartMs = 0;
  /** The date part of the last RFC 3339 timestamp read here (`2026-11-20T`) and its midnight, UTC fields. */
  private readonly rfcDate = Buffer.alloc(11);
  private rfcMidnight = 0;
  /** The previous line's timestamp with its space (parseLine's lastPrefix). */
  private readonly prefix = Buffer.alloc(64);
  private prefixLength = 0;
  /** The time of the last timestamp read, in ms after `base`. */
  ms = 0;

  /** `exportDate` gives a classic timestamp its year; times are kept as ms after `base` (stagedRows.ts msBase). */
  constructor(
    private readonly exportDate: string,
    private readonly base: number,
  ) {}

  /**
   * The timestamp of the line at b[s, e): sets `ms` and returns where the host starts, or -1 (not a timestamp
   * parseLine.ts would take: the line goes to it). The previous line's timestamp is
   * reused when the bytes are the same; a classic timestamp of the same date is computed here; anything else goes
   * through parseSyslogTime.
   */
  read(b: Buffer, s: number, e: number): number {
    const pl = this.prefixLength;
    if (pl > 0 && e - s > pl) {
      const p = this.prefix;
      let k = pl - 1;
      while (k >= 0 && b[s + k] === p[k]) k--;
      if (k < 0) return s + pl;
      const dl = this.datePartLength;
      if (dl > 0 && k >= dl && e - s > dl + 9 && sameStart(b, s, this.datePart, dl)) {
        // the same day, another second: parseSyslogTime's isHms, then Date.UTC's arithmetic (which lets 12:60
        // become 13:00) and its check that the time stayed on that day
        const t = s + dl;
        if (
          (CLASS[b[t]!]! & CLASS[b[t + 1]!]! & CLASS[b[t + 3]!]! & CLASS[b[t + 4]!]! & CLASS[b[t + 6]!]! & CLASS[b[t + 7]!]! & DIGIT) !== 0 &&
          b[t + 2] === COLON && b[t + 5] === COLON && b[t + 8] === SP
        ) {
          const local = hmsMs(b, t);
          if (local >= 86_400_000) return -1;
          b.copy(p, 0, s, s + dl + 9);
          this.prefixLength = dl + 9;
          this.ms = this.dayStartMs + local - UTC_OFFSET_MS - this.base;
          return s + dl + 9;
        }
      }
    }
    if (b[s + 4] === DASH && b[s + 10] === T_UPPER) {
      const hostStart = this.rfc3339(b, s, e);
      if (hostStart > 0) return hostStart;
    }
    const time = parseSyslogTime(latin1(b, s, Math.min(e, s + 64)), this.exportDate);
    if (time === null) return -1;
    b.copy(this.prefix, 0, s, s + time.hostStart);
    this.prefixLength = time.hostStart;
    this.ms = time.epochMs - this.base;
    this.datePartLength = -1;
    const dl = time.hostStart - 9;
    if (b[s + 3] === SP && dl >= 5 && dl <= 7 && b[s + dl + 2] === COLON) {
      // classic: remember the date part and the local midnight it stands for
      const t = s + dl;
      b.copy(this.datePart, 0, s, t);
      this.datePartLength = dl;
      this.dayStartMs = time.epochMs + UTC_OFFSET_MS - hmsMs(b, t);
    }
    return s + time.hostStart;
  }

  /**
   * An RFC 3339 timestamp (rsyslog's default file format since Debian 12: `2026-11-20T08:15:02.123456+07:00 `), as
   * syslogTime.ts's parseRfc3339 reads it, without building a string: every line has its own microseconds, so the
   * previous line's prefix is rarely reused. Returns where the host starts, or -1 to leave the line to
   * parseSyslogTime (a shape or value out of the ordinary: a two-digit year, 16+ fraction digits, an impossible date).
   * A fraction of k ≤ 15 digits n gives n / 10^k, the double Number(".digits") gives (both correctly rounded).
   */
  private rfc3339(b: Buffer, s: number, e: number): number {
    if (e - s < 21) return -1;
    const d = CLASS;
    if (
      (d[b[s]!]! & d[b[s + 1]!]! & d[b[s + 2]!]! & d[b[s + 3]!]! & d[b[s + 5]!]! & d[b[s + 6]!]! & d[b[s + 8]!]! &
        d[b[s + 9]!]! & d[b[s + 11]!]! & d[b[s + 12]!]! & d[b[s + 14]!]! & d[b[s + 15]!]! & d[b[s + 17]!]! & d[b[s + 18]!]! &
        DIGIT) === 0 ||
      b[s + 7] !== DASH || b[s + 13] !== COLON || b[s + 16] !== COLON
    ) return -1;
    let i = s + 19;
    let fracMs = 0;
    if (b[i] === DOT) {
      const fs = ++i;
      let n = 0;
      while (i < e && (d[b[i]!]! & DIGIT) !== 0) n = n * 10 + b[i++]! - 48;
      const k = i - fs;
      if (k === 0 || k > 15) return -1;
      fracMs = Math.floor((n / POW10[k]!) * 1000);
    }
    let offsetMs = 0;
    const sign = b[i];
    if (sign === Z_UPPER) i++;
    else if (
      (sign === PLUS || sign === DASH) && (d[b[i + 1]!]! & d[b[i + 2]!]! & d[b[i + 4]!]! & d[b[i + 5]!]! & DIGIT) !== 0 &&
      b[i + 3] === COLON
    ) {
      const minutes = ((b[i + 1]! - 48) * 10 + b[i + 2]! - 48) * 60 + (b[i + 4]! - 48) * 10 + b[i + 5]! - 48;
      offsetMs = (sign === DASH ? -1 : 1) * minutes * 60_000;
      i += 6;
    } else return -1;
    if (i >= e || b[i] !== SP) return -1;
    if (!sameStart(b, s, this.rfcDate, 11)) {
      const year = (b[s]! - 48) * 1000 + (b[s + 1]! - 48) * 100 + (b[s + 2]! - 48) * 10 + b[s + 3]! - 48;
      const month = (b[s + 5]! - 48) * 10 + b[s + 6]! - 48;
      const day = (b[s + 8]! - 48) * 10 + b[s + 9]! - 48;
      if (year < 100 || month < 1 || month > 12) return -1; // Date.UTC reads years 0–99 as 1900–1999
      const midnight = Date.UTC(year, month - 1, day);
      if (new Date(midnight).getUTCDate() !== day) return -1;
      b.copy(this.rfcDate, 0, s, s + 11);
      this.rfcMidnight = midnight;
    }
    const hms = hmsMs(b, s + 11);
    if (hms >= 86_400_000) return -1; // 24:00:00 is the next day: parseRfc3339 refuses it
    const hostStart = i + 1;
    b.copy(this.prefix, 0, s, hostStart);
    this.prefixLength = hostStart - s;
    this.datePartLength = -1;
    this.ms = this.rfcMidnight + hms - offsetMs + fracMs - this.base;
    return hostStart;
  }
}
