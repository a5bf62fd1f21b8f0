// The fast path of the mail-log parse. Nearly every line of a Postfix log has one of a few shapes: qmgr `from=`,
// smtp/lmtp `to=`, smtpd `client=`, connect/disconnect, cleanup `message-id=`, `removed`, and lines of other
// programs (amavis, dovecot…). Those are read here straight from the bytes, and their staged rows (stagedRows.ts)
// written without building a string per field (rowBytes.ts). A line is taken only when the result is certain to be
// the one parseLine.ts (the port of pflogsumm) gives: any byte that could steer pflogsumm's branches elsewhere (a `<`
// that could start `from=<`, `": "` that could end `notification:`, `]:` of another `[pid]: id:`, `[ID `, a space
// inside a message-id, an unusual program, queue id or timestamp…) returns FALLBACK, and the line goes through
// parseLine.ts. test/postfix/fastRows.test.ts checks, byte for byte, that both give the same rows and counts on the
// real logs, on generated logs and on thousands of altered lines.
//
// Written for speed (byteScan.ts): long runs are searched natively and character classes are table lookups. The
// timestamp is read by fastTimestamp.ts; once a line's shape is known, fastEventRows.ts reads its fields and writes its
// row, finding the line's parts in one LineParts record (reused from line to line) instead of ten positional arguments.
import { ALNUM, CLASS, COLON, DIGIT, HEX_UPPER, HOST, LB, LONG_ID, LT, PROGRAM, RB, SP, bytes, indexIn, latin1, newChunk, sameBytes, startsWith } from './byteScan.ts';
import { LOCAL_DELIVERY_PROGRAMS } from './contentFilterHops.ts';
import { EventRows, FALLBACK, type LineParts } from './fastEventRows.ts';
import { FastTimestamp } from './fastTimestamp.ts';
import { EVENT, LINE } from './parseLine.ts';
import type { RowWriter } from './rowWriter.ts';
import type { StageKey } from './stagedRows.ts';

export { FALLBACK } from './fastEventRows.ts';
export { WROTE } from './rowBytes.ts';

const POSTFIX = bytes('postfix');
const POSTFIX_SLASH = bytes('postfix/');
const SMTPS_DIR = bytes('smtps/');
const SUBMISSION_DIR = bytes('submission/');
const CLIENT = bytes(': client=');
const FROM = bytes(': from=<');
const TO = bytes(': to=<');
const REMOVED = bytes(': removed');
const MESSAGE_ID = bytes(': message-id=<');
const ID_TAG = bytes('[ID ');
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

/**
 * One file's (or byte range's) fast path. Call `chunk` for each chunk, then `line` for its lines in order. Lines
 * must be plain (readLines.isPlain: ASCII, no carriage return, no unit separator), so bytes are copied as they are,
 * exactly as parseLine + stagedRows' `asIs` would write them.
 */
export class FastPath {
  private readonly time: FastTimestamp;
  /** The row writers of the shapes taken, and the parts of the line being read, which `line` sets for them. */
  private readonly rows: EventRows;
  private readonly at: LineParts;
  /** The host of the last line `line` took (FALLBACK aside): where its name is in the chunk, and hostSpans' hash. */
  hostStart = 0;
  hostEnd = 0;
  hostHash = 0;
  /** The time of the last line `line` took, in epoch ms. */
  get epochMs(): number {
    return this.time.ms + this.base;
  }
  /** Programs by a hash of their name. */
  private readonly programs = new Map<number, Program[]>();
  /** Next `[ID ` in the current chunk (Infinity: none). */
  private idTag = Infinity;

  /** `exportDate` and `base` as FastTimestamp takes them; `fileIndex` leads every row (stagedRows.ts rowAt). */
  constructor(
    exportDate: string,
    private readonly base: number,
    fileIndex: number,
    writers: Record<StageKey, RowWriter>,
  ) {
    this.time = new FastTimestamp(exportDate, base);
    this.rows = new EventRows(fileIndex, writers, this.time);
    this.at = this.rows.at;
  }

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
    const hostStart = this.time.read(b, s, e);
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
    const at = this.at;
    at.b = b;
    at.start = s;
    at.end = e;
    at.offset = offset;
    at.programStart = ps;
    at.programEnd = pe;
    at.qidStart = qs;
    at.qidEnd = qe;
    // `NOQUEUE` (not a hex or long id) goes to the reference parser with every other non-id
    const queueId = ((all & HEX_UPPER) !== 0 && qe - qs >= 5) || ((all & LONG_ID) !== 0 && qe - qs >= 10);

    if (kind === Kind.smtpd) {
      if (queueId && startsWith(b, qe, e, CLIENT)) return this.rows.client(qe + CLIENT.length, EVENT.receive);
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
    if (first === 116 /* t */) return startsWith(b, qe, e, TO) ? this.rows.to(qe + TO.length, kind === Kind.localDelivery) : FALLBACK;
    if (first === 102 /* f */) return startsWith(b, qe, e, FROM) ? this.rows.from(qe + FROM.length) : FALLBACK;
    if (first === 114 /* r */) return sameBytes(b, qe, e, REMOVED) ? this.rows.removed() : FALLBACK;
    if (first === 99 /* c */ && kind === Kind.filterSmtpd && startsWith(b, qe, e, CLIENT)) {
      const cs = qe + CLIENT.length;
      if (indexIn(b, LT, cs, e) >= 0) return FALLBACK;
      for (let k = indexIn(b, COLON, cs, e); k >= 0; k = indexIn(b, COLON, k + 1, e)) if (b[k + 1] === SP) return FALLBACK;
      return this.rows.client(cs, EVENT.relayed);
    }
    return FALLBACK;
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
}

function isSessionWord(b: Buffer, s: number, e: number): boolean {
  for (const word of SESSION_WORDS) if (sameBytes(b, s, e, word)) return true;
  return false;
}
