// The rows of the event shapes the fast path takes (fastPath.ts decides the shape): `client=` (smtpd: received; a
// content filter's re-injection: relayed), qmgr's `from=`, a delivery's `to=` and `removed`. Each reads its fields from
// the line's bytes as parseLine.ts would and writes the staged row stagedRows.ts would write, byte for byte
// (rowBytes.ts), or returns FALLBACK when it cannot be sure. Where the line's parts lie comes in `at` (LineParts),
// set by FastPath.line for each line it hands over.
import {
  AT, CLASS, COMMA, DIGIT, EQ, GT, LB, LP, LT, RB, RP, SP, SPACE, US, ALNUM, bytes, digits, find, indexIn, latin1, sameBytes, startsWith,
} from './byteScan.ts';
import type { FastTimestamp } from './fastTimestamp.ts';
import { gimmeDomain } from './gimmeDomain.ts';
import { copy, copyLower, copyLowerDomain, endRow, writeInt, writeNull } from './rowBytes.ts';
import type { RowWriter } from './rowWriter.ts';
import type { StageKey } from './stagedRows.ts';

/** The line could not be read with certainty: parseLine.ts reads it. */
export const FALLBACK = -9;

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
const FROM_EQ = bytes('from=');
const NRCPT_EQ = bytes('nrcpt=');
const LOCALHOST = bytes('localhost');
const LOOPBACK_V4 = bytes('127.');
const LOOPBACK_V6 = bytes('::1]');

/** Where the parts of the line being read lie in its chunk (byte indexes): one record, reused for every line. */
export class LineParts {
  b: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  /** The line's byte offset in the file. */
  offset = 0;
  programStart = 0;
  programEnd = 0;
  qidStart = 0;
  qidEnd = 0;
}

/** One file's (or byte range's) rows of the shapes the fast path takes. */
export class EventRows {
  readonly at = new LineParts();
  /** pflogsumm's gimme_domain of a client, by client text. */
  private readonly clientDomains = new Map<string, string | null>();

  constructor(
    private readonly fileIndex: number,
    private readonly writers: Record<StageKey, RowWriter>,
    private readonly time: FastTimestamp,
  ) {}

  /**
   * `client=HOST[IP]…` (smtpd: received; a filter's re-injection: relayed). pflogsumm's client is the text up to
   * the first comma; sasl_username= and orig_queue_id= are the first ones anywhere in the line.
   */
  client(cs: number, kind: number): number {
    const { b, start: s, end: e } = this.at;
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
    let p = this.begin(w, 2 * (e - s) + 64);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = writeInt(o, p, kind);
    o[p++] = US;
    p = this.copyProgram(o, p);
    o[p++] = US;
    p = this.copyQid(o, p);
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
    return endRow(w, p);
  }

  /** `QID: removed` (qmgr). */
  removed(): number {
    const w = this.writers.removed;
    const p = this.begin(w, this.at.qidEnd - this.at.qidStart + 64);
    return p < 0 ? FALLBACK : endRow(w, this.copyQid(w.out, p));
  }

  /** `from=<ADDR>, size=N, nrcpt=M …` (qmgr; any program but smtpd, cleanup and the slow ones). */
  from(as: number): number {
    const { b, start: s, end: e } = this.at;
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
    let p = this.begin(w, 2 * (e - s) + 64);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = this.copyQid(o, p);
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
    return endRow(w, p);
  }

  /** `to=<ADDR>, [orig_to=<X>, ]relay=R, [conn_use=N, ]delay=D, [delays=…, ][dsn=S, ]status=W (reply)`. */
  to(as: number, localDelivery: boolean): number {
    const { b, start: s, end: e } = this.at;
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
    const hop = !localDelivery && isLoopbackRelay(b, rs, relay);
    if (hop && nextStart >= 0) {
      // contentFilterHops.isHandOff: a content filter's hand-off, staged apart (maillog_hop)
      const w = this.writers.hop;
      let p = this.begin(w, e - s + 64);
      if (p < 0) return FALLBACK;
      const o = w.out;
      p = this.copyQid(o, p);
      o[p++] = US;
      p = copyLowerDomain(b, as, ae, indexIn(b, AT, as, ae), o, p);
      o[p++] = US;
      p = copy(b, nextStart, nextEnd, o, p);
      o[p++] = US;
      o[p++] = forwarded ? 116 : 102;
      return endRow(w, p);
    }
    const w = this.writers.to;
    let p = this.begin(w, 2 * (e - s) + 64);
    if (p < 0) return FALLBACK;
    const o = w.out;
    p = this.copyProgram(o, p);
    o[p++] = US;
    p = this.copyQid(o, p);
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
    return endRow(w, p);
  }

  /**
   * Starts a row in `w` with room for `room` bytes: the leading columns (file index, byte offset, time) and their
   * separators. Returns where the row goes on, or -1 when a row that long cannot fit (the line then goes to the
   * reference parser, whose writer takes rows of any length).
   */
  private begin(w: RowWriter, room: number): number {
    if (!w.reserve(room)) return -1;
    const o = w.out;
    let p = writeInt(o, w.used, this.fileIndex);
    o[p++] = US;
    p = writeInt(o, p, this.at.offset);
    o[p++] = US;
    p = writeInt(o, p, this.time.ms);
    o[p++] = US;
    return p;
  }

  /** The line's program name (`smtp`, `amavisd/smtpd`…) into o at p. */
  private copyProgram(o: Buffer, p: number): number {
    return copy(this.at.b, this.at.programStart, this.at.programEnd, o, p);
  }

  /** The line's queue id into o at p. */
  private copyQid(o: Buffer, p: number): number {
    return copy(this.at.b, this.at.qidStart, this.at.qidEnd, o, p);
  }
}

/** `NAME=value, ` at i: the index of the comma that ends parseLine's `[^,]+` value (followed by a space), or -1. */
function field(b: Buffer, i: number, e: number, name: Buffer): number {
  if (!startsWith(b, i, e, name)) return -1;
  const start = i + name.length;
  const k = indexIn(b, COMMA, start, e);
  return k > start && b[k + 1] === SP ? k : -1;
}

/** contentFilterHops.isFilterHop on the relay bytes: the host after the first `[` (or the relay) on the loopback. */
function isLoopbackRelay(b: Buffer, s: number, e: number): boolean {
  if (startsWith(b, s, e, LOCALHOST)) return true;
  const open = indexIn(b, LB, s, e);
  const h = open < 0 ? s : open + 1;
  return startsWith(b, h, e, LOOPBACK_V4) || startsWith(b, h, e, LOOPBACK_V6);
}
