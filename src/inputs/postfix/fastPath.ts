// The fast path of the mail-log parse. Nearly every line of a Postfix log has one of a few shapes: qmgr `from=`,
// smtp/lmtp `to=`, smtpd `client=`, connect/disconnect, cleanup `message-id=`, `removed`, and lines of other
// programs (amavis, dovecot…). Those are read here straight from the bytes, and their staging rows (stageTables.ts)
// written without building a string per field. A line is taken only when the result is certain to be the one
// src/inputs/postfix/parseLine.ts (the port of pflogsumm) gives: any byte that could steer pflogsumm's branches
// elsewhere (a `<` that could start `from=<`, `": "` that could end `notification:`, `]:` of another `[pid]: id:`,
// `[ID `, a space inside a message-id, an unusual program, queue id or timestamp…) returns FALLBACK, and the line
// goes through parseLine.ts. test/postfix/fastRows.test.ts checks, byte for byte, that both give the same rows and
// counts on the real logs, on generated logs and on thousands of altered lines.
//
// Written for speed: a JavaScript loop costs about 1.5 ns a byte on the 2-core machines this runs on, so long runs
// are searched with Buffer#indexOf (native) and character classes are table lookups.
import { gimmeDomain } from './gimmeDomain.ts';
import { EVENT, LINE } from './parseLine.ts';
import { parseSyslogTime } from './syslogTime.ts';
import { UTC_OFFSET_MS } from '../../text/time.ts';
import { LOCAL_DELIVERY_PROGRAMS } from './contentFilterHops.ts';
import type { RowWriter } from './rowWriter.ts';
import type { StageKey } from './stagedRows.ts';

/** `line` could not be sure: ask parseLine.ts. */
export const FALLBACK = -9;
/** `line` wrote an event's row. */
export const WROTE = 1;

const SP = 32;
const LT = 60;
const GT = 62;
const LB = 91; // [
const RB = 93; // ]
const COLON = 58;
const COMMA = 44;
const AT = 64;
const EQ = 61;
const LP = 40;
const RP = 41;
const US = 0x1f; // the row separator
const DASH = 45;
const DOT = 46;
const PLUS = 43;
const T_UPPER = 84;
const Z_UPPER = 90;
/** 10^k for k ≤ 15, each exact in a double. */
const POW10 = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

// character classes, one bit each
const DIGIT = 1;
const ALNUM = 2;
const HOST = 4; // letters, digits, . - _ (none of them can start a pflogsumm pattern)
const PROGRAM = 8; // lower-case letters, digits, / - _ .
const HEX_UPPER = 16; // parseLine's QUEUE_ID: [0-9A-F]
const LONG_ID = 32; // [0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]
const SPACE = 64; // Perl's \s on bytes
const CLASS = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const digit = c >= 48 && c <= 57;
  const upper = c >= 65 && c <= 90;
  const lower = c >= 97 && c <= 122;
  const vowel = 'aeiouAEIOU'.includes(String.fromCharCode(c));
  CLASS[c] =
    (digit ? DIGIT : 0) | (digit || upper || lower ? ALNUM : 0) |
    (digit || upper || lower || c === 46 || c === 45 || c === 95 ? HOST : 0) |
    (digit || lower || c === 47 || c === 45 || c === 95 || c === 46 ? PROGRAM : 0) |
    (digit || (c >= 65 && c <= 70) ? HEX_UPPER : 0) | (digit || ((upper || lower) && !vowel) ? LONG_ID : 0) |
    (c === 32 || (c >= 9 && c <= 13) ? SPACE : 0);
}

const bytes = (s: string) => Buffer.from(s, 'latin1');
const POSTFIX = bytes('postfix');
const POSTFIX_SLASH = bytes('postfix/');
const SMTPS_DIR = bytes('smtps/');
const SUBMISSION_DIR = bytes('submission/');
const CLIENT = bytes(': client=');
const FROM = bytes(': from=<');
const TO = bytes(': to=<');
const REMOVED = bytes(': removed');
const MESSAGE_ID = bytes(': message-id=<');
const SIZE = bytes('>, size=');
const NRCPT = bytes(', nrcpt=');
const ORIG_TO = bytes('orig_to=<');
const RELAY = bytes('relay=');
const CONN_USE = bytes('conn_use=');
const DELAY = bytes('delay=');
const DELAYS = bytes('delays=');
const DSN = bytes('dsn=');
const STATUS = bytes('status=');
const SENT = bytes('sent');
const FORWARDED_AS = bytes('forwarded as ');
const QUEUED_AS = bytes('queued as ');
const SASL_USERNAME = bytes('sasl_username=');
const ORIG_QUEUE_ID = bytes('orig_queue_id=');
const ID_TAG = bytes('[ID ');
const FROM_EQ = bytes('from=');
const NRCPT_EQ = bytes('nrcpt=');
const LOCALHOST = bytes('localhost');
const LOOPBACK_V4 = bytes('127.');
const LOOPBACK_V6 = bytes('::1]');
/** Words that end a host name in front of the space that makes cleanup's `header `/`body `/`END-OF-MESSAGE `. */
const CLEANUP_WORDS = ['header', 'body', 'END-OF-MESSAGE'].map(bytes);
/** First words of smtpd lines without a queue id that carry no event (with nothing after them to steer a branch). */
const SESSION_WORDS = ['connect', 'disconnect', 'lost', 'timeout'].map(bytes);

/** What the fast path does with a program's lines. */
const enum Kind {
  /** pflogsumm reads it in branches of its own (master, pickup, postscreen): always the reference parser. */
  slow,
  smtpd,
  cleanup,
  /** A content filter's re-injection port (amavisd/smtpd, dkimmilter/smtpd…): `cmd.endsWith('/smtpd')`. */
  filterSmtpd,
  /** Local delivery (lmtp, local, virtual, pipe): its to= lines are never a content-filter hop. */
  localDelivery,
  other,
}

interface Program {
  name: Buffer;
  kind: Kind;
}

function programKind(name: string): Kind {
  if (name === 'master' || name === 'pickup' || name === 'postscreen') return Kind.slow;
  if (name === 'smtpd') return Kind.smtpd;
  if (name === 'cleanup') return Kind.cleanup;
  if (name.endsWith('/smtpd')) return Kind.filterSmtpd;
  if (LOCAL_DELIVERY_PROGRAMS.has(name)) return Kind.localDelivery;
  return Kind.other;
}

/** Buffer#latin1Slice (what `toString('latin1', s, e)` ends in, without its argument checks). */
const latin1 = (b: Buffer, s: number, e: number): string => (b as unknown as { latin1Slice(s: number, e: number): string }).latin1Slice(s, e);

function startsWith(b: Buffer, at: number, end: number, p: Buffer): boolean {
  if (at + p.length > end) return false;
  for (let k = 0; k < p.length; k++) if (b[at + k] !== p[k]) return false;
  return true;
}

function sameBytes(b: Buffer, s: number, e: number, p: Buffer): boolean {
  return e - s === p.length && startsWith(b, s, e, p);
}

/**
 * Where the last native search for each byte value in the current chunk started, and what it found (Infinity: none
 * to the chunk's end). A search runs to the next such byte, past the line's end; in a log where the byte is rare
 * (`_` and `,` in a plain relay's client= lines) one search would scan megabytes for every line. Remembering its
 * answer makes each byte value's searches cover a chunk once in all.
 */
const searchedFrom = new Float64Array(256);
const foundAt = new Float64Array(256);
let searched: Buffer | null = null;

/** Forgets the searches of the previous chunk (FastRows.chunk). */
function newChunk(b: Buffer): void {
  searched = b;
  searchedFrom.fill(Infinity);
}

/** Index of byte `c` in b[from, end), or -1: a native search, reused while later lines ask before what it found. */
function indexIn(b: Buffer, c: number, from: number, end: number): number {
  if (b !== searched) newChunk(b);
  let at = foundAt[c]!;
  if (searchedFrom[c]! > from || at < from) {
    const i = b.indexOf(c, from);
    at = i < 0 ? Infinity : i;
    searchedFrom[c] = from;
    foundAt[c] = at;
  }
  return at < end ? at : -1;
}

/** First index of `p` in b[from, end), or -1 (its first byte found by the native search, which stops soon: the
 * patterns start with common letters). */
function find(b: Buffer, from: number, end: number, p: Buffer): number {
  const first = p[0]!;
  for (let k = b.indexOf(first, from); k >= 0 && k + p.length <= end; k = b.indexOf(first, k + 1)) {
    if (startsWith(b, k, end, p)) return k;
  }
  return -1;
}

/**
 * One file's (or byte range's) fast path. Call `chunk` for each chunk, then `line` for its lines in order. Lines
 * must be plain (readLines.isPlain: ASCII, no carriage return, no unit separator), so bytes are copied as they are,
 * exactly as parseLine + stageTables' `asIs` would write them.
 */
export class FastRows {
  /** The last timestamp read by parseSyslogTime: its date part ("Nov 20 ") and the local midnight of that day. */
  private readonly datePart = Buffer.alloc(16);
  private datePartLength = -1;
  private dayStartMs = 0;
  /** The date part of the last RFC 3339 timestamp read here (`2026-11-20T`) and its midnight, UTC fields. */
  private readonly rfcDate = Buffer.alloc(11);
  private rfcMidnight = 0;
  /** The previous line's timestamp with its space (parseLine's lastPrefix) and its time, ms after `base`. */
  private readonly prefix = Buffer.alloc(64);
  private prefixLength = 0;
  private ms = 0;
  /** The host of the last line `line` took (FALLBACK aside): where its name is in the chunk, and hostSpans' hash. */
  hostStart = 0;
  hostEnd = 0;
  hostHash = 0;
  /** The time of the last line `line` took, in epoch ms. */
  get epochMs(): number {
    return this.ms + this.base;
  }
  /** Programs by a hash of their name. */
  private readonly programs = new Map<number, Program[]>();
  private readonly clientDomains = new Map<string, string | null>();
  /** Next `[ID ` in the current chunk (Infinity: none). */
  private idTag = Infinity;

  constructor(
    private readonly exportDate: string,
    private readonly base: number,
    private readonly fileIndex: number,
    private readonly writers: Record<StageKey, RowWriter>,
  ) {}

  chunk(b: Buffer): void {
    newChunk(b);
    const i = b.indexOf(ID_TAG);
    this.idTag = i < 0 ? Infinity : i;
  }

  /** WROTE (an event row), LINE.ignored, LINE.otherProgram, or FALLBACK. `offset` is the line's byte offset in the file. */
  line(b: Buffer, s: number, e: number, offset: number): number {
    if (this.idTag < e) {
      if (this.idTag >= s) return FALLBACK; // parseLine first removes a Solaris `[ID n facility]` tag
      const next = b.indexOf(ID_TAG, s);
      this.idTag = next < 0 ? Infinity : next;
      if (this.idTag < e) return FALLBACK;
    }
    const hostStart = this.time(b, s, e);
    if (hostStart < 0) return FALLBACK;
    let i = hostStart;
    let hash = 0;
    for (let c = b[i]!; i < e && (CLASS[c]! & HOST) !== 0; c = b[++i]!) hash = (hash * 31 + c) | 0;
    if (i === hostStart || i + 1 >= e || b[i] !== SP) return FALLBACK; // garbled, or a host name out of the ordinary
    const hostEnd = i;
    this.hostStart = hostStart;
    this.hostEnd = hostEnd;
    this.hostHash = hash;
    const rest = i + 1;
    if (!startsWith(b, rest, e, POSTFIX_SLASH)) {
      // parseLine's two program patterns both need "postfix" here; without it the line is another program's
      return startsWith(b, rest, e, POSTFIX) ? FALLBACK : LINE.otherProgram;
    }
    i = rest + 8;
    if (startsWith(b, i, e, SMTPS_DIR)) i += SMTPS_DIR.length;
    else if (startsWith(b, i, e, SUBMISSION_DIR)) i += SUBMISSION_DIR.length;
    const ps = i;
    hash = 0;
    for (let c = b[i]!; i < e && (CLASS[c]! & PROGRAM) !== 0; c = b[++i]!) hash = (hash * 31 + c) | 0;
    const pe = i;
    if (pe === ps || b[i] !== LB) return FALLBACK;
    i++;
    const pidStart = i;
    while (i < e && (CLASS[b[i]!]! & DIGIT) !== 0) i++;
    if (i === pidStart || b[i] !== RB || b[i + 1] !== COLON || b[i + 2] !== SP) return FALLBACK;
    const qs = i + 3;
    i = qs;
    let all = ALNUM | HEX_UPPER | LONG_ID; // the classes every byte of the id has (parseLine's QUEUE_ID, below)
    for (let c = CLASS[b[i]!]!; i < e && (c & ALNUM) !== 0; c = CLASS[b[++i]!]!) all &= c;
    const qe = i;
    if (qe === qs || (qe < e && b[qe] !== COLON && b[qe] !== SP)) return FALLBACK;
    const program = this.program(b, ps, pe, hash);
    const kind = program.kind;
    if (kind === Kind.slow) return FALLBACK;
    // `NOQUEUE` (not a hex or long id) goes to the reference parser with every other non-id
    const queueId = ((all & HEX_UPPER) !== 0 && qe - qs >= 5) || ((all & LONG_ID) !== 0 && qe - qs >= 10);

    if (kind === Kind.smtpd) {
      if (queueId && startsWith(b, qe, e, CLIENT)) return this.client(b, s, qe + CLIENT.length, e, offset, EVENT.receive, ps, pe, qs, qe);
      if (queueId || !isSessionWord(b, qs, qe)) return FALLBACK;
      // only another `[pid]: id: client=` or `… reject:` later in the line could make an event of it
      for (let k = indexIn(b, RB, qe, e); k >= 0; k = indexIn(b, RB, k + 1, e)) if (b[k + 1] === COLON) return FALLBACK;
      return LINE.ignored;
    }
    if (kind === Kind.cleanup) {
      if (!queueId || !startsWith(b, qe, e, MESSAGE_ID)) return FALLBACK;
      for (const word of CLEANUP_WORDS) if (hostEnd - hostStart >= word.length && startsWith(b, hostEnd - word.length, hostEnd, word)) return FALLBACK;
      // no space (so no `header `, `body `, `notification: `) and no second `<` (so no from=< or to=<)
      const v = qe + MESSAGE_ID.length;
      return indexIn(b, SP, v, e) < 0 && indexIn(b, LT, v, e) < 0 ? LINE.ignored : FALLBACK;
    }
    if (!queueId) {
      if (kind !== Kind.filterSmtpd || !isSessionWord(b, qs, qe)) return FALLBACK;
      // a filter's re-injection port: the later branches look for from=<, to=<, "notification: " and client=
      if (indexIn(b, LT, qe, e) >= 0) return FALLBACK;
      for (let k = indexIn(b, COLON, qe, e); k >= 0; k = indexIn(b, COLON, k + 1, e)) if (b[k + 1] === SP) return FALLBACK;
      return LINE.ignored;
    }
    // `QID: ` and the text's first byte pick the only pattern that can match
    if (b[qe] !== COLON || b[qe + 1] !== SP) return FALLBACK;
    const first = b[qe + 2];
    if (first === 116 /* t */) return startsWith(b, qe, e, TO) ? this.to(b, s, qe + TO.length, e, offset, kind, ps, pe, qs, qe) : FALLBACK;
    if (first === 102 /* f */) return startsWith(b, qe, e, FROM) ? this.from(b, s, qe + FROM.length, e, offset, qs, qe) : FALLBACK;
    if (first === 114 /* r */) return sameBytes(b, qe, e, REMOVED) ? this.removed(qs, qe, b, offset) : FALLBACK;
    if (first === 99 /* c */ && kind === Kind.filterSmtpd && startsWith(b, qe, e, CLIENT)) {
      const cs = qe + CLIENT.length;
      if (indexIn(b, LT, cs, e) >= 0) return FALLBACK;
      for (let k = indexIn(b, COLON, cs, e); k >= 0; k = indexIn(b, COLON, k + 1, e)) if (b[k + 1] === SP) return FALLBACK;
      return this.client(b, s, cs, e, offset, EVENT.relayed, ps, pe, qs, qe);
    }
    return FALLBACK;
  }

  /**
   * The line's timestamp: sets `ms` and returns where the host starts, or -1. The previous line's timestamp is
   * reused when the bytes are the same; a classic timestamp of the same date is computed here; anything else goes
   * through parseSyslogTime.
   */
  private time(b: Buffer, s: number, e: number): number {
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

  /** The program of b[s, e) (hash: its bytes folded by 31). A log naming programs without end empties the cache. */
  private program(b: Buffer, s: number, e: number, hash: number): Program {
    let list = this.programs.get(hash);
    if (list !== undefined) for (const p of list) if (sameBytes(b, s, e, p.name)) return p;
    if (list === undefined) {
      if (this.programs.size > 1000) this.programs.clear();
      this.programs.set(hash, (list = []));
    }
    const p = { name: Buffer.from(b.subarray(s, e)), kind: programKind(latin1(b, s, e)) };
    list.push(p);
    return p;
  }

  /**
   * `client=HOST[IP]…` (smtpd: received; a filter's re-injection: relayed). pflogsumm's client is the text up to
   * the first comma; sasl_username= and orig_queue_id= are the first ones anywhere in the line.
   */
  private client(b: Buffer, s: number, cs: number, e: number, offset: number, kind: number, ps: number, pe: number, qs: number, qe: number): number {
    let ce = indexIn(b, COMMA, cs, e);
    if (ce < 0) ce = e;
    if (ce === cs) return FALLBACK;
    let saslEnd = -1;
    let origEnd = -1;
    const underscore = indexIn(b, 95, cs, e) >= 0; // both names hold one
    let sasl = underscore ? find(b, cs, e, SASL_USERNAME) : -1;
    if (sasl >= 0) {
      sasl += SASL_USERNAME.length;
      saslEnd = indexIn(b, COMMA, sasl, e);
      if (saslEnd < 0) saslEnd = e;
    }
    let orig = underscore ? find(b, cs, e, ORIG_QUEUE_ID) : -1;
    if (orig >= 0) {
      orig += ORIG_QUEUE_ID.length;
      origEnd = orig;
      while (origEnd < e && b[origEnd] !== COMMA && (CLASS[b[origEnd]!]! & SPACE) === 0) origEnd++;
    }
    const client = latin1(b, cs, ce);
    let receivedFrom = this.clientDomains.get(client);
    if (receivedFrom === undefined) {
      if (this.clientDomains.size > 100_000) this.clientDomains.clear();
      receivedFrom = gimmeDomain(client);
      this.clientDomains.set(client, receivedFrom);
    }
    // parseLine.splitClient: the first `[`, and the first `]` after it
    const open = indexIn(b, LB, cs, ce);
    const close = open < 0 ? -1 : indexIn(b, RB, open + 1, ce);
    const w = this.writers.recv;
    let p = this.begin(w, 2 * (e - s) + 64, offset);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = writeInt(o, p, kind);
    o[p++] = US;
    p = copy(b, ps, pe, o, p);
    o[p++] = US;
    p = copy(b, qs, qe, o, p);
    o[p++] = US;
    if (close > open) {
      p = copy(b, cs, open, o, p);
      o[p++] = US;
      p = copy(b, open + 1, close, o, p);
    } else {
      p = copy(b, cs, ce, o, p);
      o[p++] = US;
      p = writeNull(o, p);
    }
    o[p++] = US;
    p = receivedFrom === null ? writeNull(o, p) : p + o.write(receivedFrom, p, 'latin1');
    o[p++] = US;
    p = sasl < 0 ? writeNull(o, p) : copy(b, sasl, saslEnd, o, p);
    o[p++] = US;
    p = orig < 0 ? writeNull(o, p) : copy(b, orig, origEnd, o, p);
    return end(w, p);
  }

  /** `QID: removed` (qmgr). */
  private removed(qs: number, qe: number, b: Buffer, offset: number): number {
    const w = this.writers.removed;
    const p = this.begin(w, qe - qs + 64, offset);
    return p < 0 ? FALLBACK : end(w, copy(b, qs, qe, w.out, p));
  }

  /** `from=<ADDR>, size=N, nrcpt=M …` (qmgr; any program but smtpd, cleanup and the slow ones). */
  private from(b: Buffer, s: number, as: number, e: number, offset: number, qs: number, qe: number): number {
    const ae = indexIn(b, GT, as, e);
    if (ae < 0 || !startsWith(b, ae, e, SIZE)) return FALLBACK;
    const atSign = indexIn(b, AT, as, ae);
    // nrcpt= is read from its first place in the line: not inside the address
    for (let k = indexIn(b, EQ, as, ae); k >= 0; k = indexIn(b, EQ, k + 1, ae)) if (k - as >= 5 && startsWith(b, k - 5, k + 1, NRCPT_EQ)) return FALLBACK;
    let i = ae + SIZE.length;
    const ss = i;
    while (i < e && (CLASS[b[i]!]! & DIGIT) !== 0) i++;
    const se = i;
    if (se === ss || se - ss > 15 || !startsWith(b, se, e, NRCPT)) return FALLBACK;
    i = se + NRCPT.length;
    const ns = i;
    while (i < e && (CLASS[b[i]!]! & DIGIT) !== 0) i++;
    if (i === ns || i - ns > 9) return FALLBACK;
    const w = this.writers.from;
    let p = this.begin(w, 2 * (e - s) + 64, offset);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = copy(b, qs, qe, o, p);
    o[p++] = US;
    p = copyLowerDomain(b, as, ae, atSign, o, p);
    o[p++] = US;
    // from=: the domain only when something precedes the "@" and something follows it
    p = atSign > as && atSign < ae - 1 ? copyLower(b, atSign + 1, ae, o, p) : writeNull(o, p);
    o[p++] = US;
    p = writeInt(o, p, digits(b, ss, se));
    o[p++] = US;
    o[p++] = se - ss === 1 && b[ss] === 48 ? 102 : 116; // Perl: only the string "0" is false
    o[p++] = US;
    p = writeInt(o, p, digits(b, ns, i));
    return end(w, p);
  }

  /** `to=<ADDR>, [orig_to=<X>, ]relay=R, [conn_use=N, ]delay=D, [delays=…, ][dsn=S, ]status=W (reply)`. */
  private to(b: Buffer, s: number, as: number, e: number, offset: number, kind: Kind, ps: number, pe: number, qs: number, qe: number): number {
    // pflogsumm looks for from= lines before to= lines: a `<` anywhere could start a from=<, so none is allowed but
    // the two of to=< and orig_to=<, and in the reply only one not after "from="
    const ae = indexIn(b, GT, as, e);
    if (ae < 0 || b[ae + 1] !== COMMA || b[ae + 2] !== SP) return FALLBACK;
    let i = ae + 3;
    let os = -1;
    let oe = -1;
    if (startsWith(b, i, e, ORIG_TO)) {
      os = i + ORIG_TO.length;
      oe = indexIn(b, GT, os, e);
      if (oe < 0 || b[oe + 1] !== COMMA || b[oe + 2] !== SP) return FALLBACK;
      i = oe + 3;
    }
    if (indexIn(b, LT, as, ae) >= 0 || (os >= 0 && indexIn(b, LT, os, oe) >= 0)) return FALLBACK;
    const relay = field(b, i, e, RELAY);
    if (relay < 0) return FALLBACK;
    const rs = i + RELAY.length;
    i = relay + 2;
    if (startsWith(b, i, e, CONN_USE)) {
      const end = field(b, i, e, CONN_USE);
      if (end < 0) return FALLBACK;
      i = end + 2;
    }
    const delayEnd = field(b, i, e, DELAY);
    if (delayEnd < 0) return FALLBACK;
    const ds = i + DELAY.length;
    i = delayEnd + 2;
    if (startsWith(b, i, e, DELAYS)) {
      const end = field(b, i, e, DELAYS);
      if (end < 0) return FALLBACK;
      i = end + 2;
    }
    let dsnStart = -1;
    let dsnEnd = -1;
    if (startsWith(b, i, e, DSN)) {
      dsnEnd = field(b, i, e, DSN);
      if (dsnEnd < 0) return FALLBACK;
      dsnStart = i + DSN.length;
      i = dsnEnd + 2;
    }
    if (!startsWith(b, i, e, STATUS)) return FALLBACK;
    const ws = i + STATUS.length;
    i = ws;
    while (i < e && (CLASS[b[i]!]! & SPACE) === 0) i++;
    const we = i;
    if (we === ws) return FALLBACK;
    for (let k = indexIn(b, LT, rs, e); k >= 0; k = indexIn(b, LT, k + 1, e)) {
      if (k < we || (k - we >= 5 && startsWith(b, k - 5, k, FROM_EQ))) return FALLBACK;
    }
    // parseLine.replyText
    let re = e;
    while (re > we && (CLASS[b[re - 1]!]! & SPACE) !== 0) re--;
    let rs2: number;
    if (re - we > 2 && b[we] === SP && b[we + 1] === LP && b[re - 1] === RP) {
      rs2 = we + 2;
      re--;
    } else {
      rs2 = we;
      while (rs2 < re && (CLASS[b[rs2]!]! & SPACE) !== 0) rs2++;
    }
    const sent = sameBytes(b, ws, we, SENT);
    const forwarded = sent && find(b, rs2, re, FORWARDED_AS) >= 0;
    let nextStart = -1;
    let nextEnd = -1;
    if (sent) {
      // parseLine.queuedAs: after the last "queued as ", to the end (less one closing parenthesis), letters and digits
      let end = re;
      if (b[end - 1] === RP) end--;
      let k = end;
      while (k > rs2 && (CLASS[b[k - 1]!]! & ALNUM) !== 0) k--;
      // (the last "queued as " is right before that run when the run is the id: a later one would hold a space)
      if (k < end && k - rs2 >= QUEUED_AS.length && startsWith(b, k - QUEUED_AS.length, k, QUEUED_AS)) {
        nextStart = k;
        nextEnd = end;
      }
    }
    const hop = kind !== Kind.localDelivery && isLoopbackRelay(b, rs, relay);
    if (hop && nextStart >= 0) {
      // stageTables.isHandOff: a content filter's hand-off, staged apart (maillog_hop)
      const w = this.writers.hop;
      let p = this.begin(w, e - s + 64, offset);
      if (p < 0) return FALLBACK;
      const o = w.out;
      p = copy(b, qs, qe, o, p);
      o[p++] = US;
      p = copyLowerDomain(b, as, ae, indexIn(b, AT, as, ae), o, p);
      o[p++] = US;
      p = copy(b, nextStart, nextEnd, o, p);
      o[p++] = US;
      o[p++] = forwarded ? 116 : 102;
      return end(w, p);
    }
    const w = this.writers.to;
    let p = this.begin(w, 2 * (e - s) + 64, offset);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = copy(b, ps, pe, o, p);
    o[p++] = US;
    p = copy(b, qs, qe, o, p);
    o[p++] = US;
    p = copyLowerDomain(b, as, ae, indexIn(b, AT, as, ae), o, p);
    o[p++] = US;
    p = os < 0 ? writeNull(o, p) : copy(b, os, oe, o, p);
    o[p++] = US;
    p = copy(b, rs, relay, o, p);
    o[p++] = US;
    p = copy(b, ds, delayEnd, o, p);
    o[p++] = US;
    p = dsnStart < 0 ? writeNull(o, p) : copy(b, dsnStart, dsnEnd, o, p);
    o[p++] = US;
    p = copy(b, ws, we, o, p);
    o[p++] = US;
    p = sent && !forwarded ? writeNull(o, p) : copy(b, rs2, Math.min(re, rs2 + 500), o, p);
    o[p++] = US;
    p = nextStart < 0 ? writeNull(o, p) : copy(b, nextStart, nextEnd, o, p);
    o[p++] = US;
    o[p++] = forwarded ? 116 : 102;
    o[p++] = US;
    o[p++] = hop ? 116 : 102;
    return end(w, p);
  }

  /**
   * Starts a row in `w` with room for `room` bytes: the leading columns (file index, byte offset, time) and their
   * separators. Returns where the row goes on, or -1 when a row that long cannot fit (the line then goes to the
   * reference parser, whose writer takes rows of any length).
   */
  private begin(w: RowWriter, room: number, offset: number): number {
    if (!w.reserve(room)) return -1;
    const o = w.out;
    let p = writeInt(o, w.used, this.fileIndex);
    o[p++] = US;
    p = writeInt(o, p, offset);
    o[p++] = US;
    p = writeInt(o, p, this.ms);
    o[p++] = US;
    return p;
  }
}

/** Ends the row begun at w.used and written up to `p`. */
function end(w: RowWriter, p: number): number {
  w.out[p] = 10;
  w.used = p + 1;
  w.rows++;
  return WROTE;
}

/** The seconds of the day of an `hh:mm:ss` at t, in ms (Date.UTC's arithmetic: 12:60 is 13:00). */
function hmsMs(b: Buffer, t: number): number {
  return ((b[t]! - 48) * 10 + b[t + 1]! - 48) * 3_600_000 + ((b[t + 3]! - 48) * 10 + b[t + 4]! - 48) * 60_000 +
    ((b[t + 6]! - 48) * 10 + b[t + 7]! - 48) * 1000;
}

/** b[s, s + n) equals p[0, n). */
function sameStart(b: Buffer, s: number, p: Buffer, n: number): boolean {
  for (let k = 0; k < n; k++) if (b[s + k] !== p[k]) return false;
  return true;
}

function isSessionWord(b: Buffer, s: number, e: number): boolean {
  for (const word of SESSION_WORDS) if (sameBytes(b, s, e, word)) return true;
  return false;
}

/** `NAME=value, ` at i: the index of the comma that ends parseLine's `[^,]+` value (followed by a space), or -1. */
function field(b: Buffer, i: number, e: number, name: Buffer): number {
  if (!startsWith(b, i, e, name)) return -1;
  const start = i + name.length;
  const k = indexIn(b, COMMA, start, e);
  return k > start && b[k + 1] === SP ? k : -1;
}

/** stageTables.isFilterHop on the relay bytes: the host after the first `[` (or the relay) on the loopback. */
function isLoopbackRelay(b: Buffer, s: number, e: number): boolean {
  if (startsWith(b, s, e, LOCALHOST)) return true;
  const open = indexIn(b, LB, s, e);
  const h = open < 0 ? s : open + 1;
  return startsWith(b, h, e, LOOPBACK_V4) || startsWith(b, h, e, LOOPBACK_V6);
}

function digits(b: Buffer, s: number, e: number): number {
  let n = 0;
  for (let k = s; k < e; k++) n = n * 10 + (b[k]! - 48);
  return n;
}

/** String(n) for a safe integer, as bytes (two digits a step below 2³¹, where integer division is cheap). */
function writeInt(o: Buffer, p: number, n: number): number {
  if (n < 0) {
    o[p++] = 45;
    n = -n;
  }
  if (n >= 0x80000000) {
    let len = 1;
    for (let x = n; x >= 10; len++) x = Math.floor(x / 10);
    let k = p + len;
    do {
      const q = Math.floor(n / 10);
      o[--k] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
    return p + len;
  }
  const len = n < 10 ? 1 : n < 100 ? 2 : n < 1e3 ? 3 : n < 1e4 ? 4 : n < 1e5 ? 5 : n < 1e6 ? 6 : n < 1e7 ? 7 : n < 1e8 ? 8 : n < 1e9 ? 9 : 10;
  let k = p + len;
  while (n >= 100) {
    const q = (n / 100) | 0;
    const r = (n - q * 100) << 1;
    o[--k] = DIGIT_PAIRS[r + 1]!;
    o[--k] = DIGIT_PAIRS[r]!;
    n = q;
  }
  if (n >= 10) {
    o[--k] = DIGIT_PAIRS[(n << 1) + 1]!;
    o[--k] = DIGIT_PAIRS[n << 1]!;
  } else o[--k] = 48 + n;
  return p + len;
}
/** "00", "01", … "99" as bytes. */
const DIGIT_PAIRS = Buffer.from(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).join(''), 'latin1');

function writeNull(o: Buffer, p: number): number {
  o[p] = 92; // "\N", the staging files' NULL
  o[p + 1] = 78;
  return p + 2;
}

function copy(b: Buffer, s: number, e: number, o: Buffer, p: number): number {
  if (e - s > 24) return p + b.copy(o, p, s, e);
  for (let k = s; k < e; k++) o[p++] = b[k]!;
  return p;
}

function copyLower(b: Buffer, s: number, e: number, o: Buffer, p: number): number {
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    o[p++] = c >= 65 && c <= 90 ? c + 32 : c;
  }
  return p;
}

/** parseLine.lowerDomain: the part from the first "@" lower-cased, the local part kept. */
function copyLowerDomain(b: Buffer, s: number, e: number, atSign: number, o: Buffer, p: number): number {
  if (atSign < 0) return copy(b, s, e, o, p);
  p = copy(b, s, atSign, o, p);
  return copyLower(b, atSign, e, o, p);
}
