// One Postfix syslog line → one event, classified exactly as pflogsumm 1.1.5 classifies it (its main loop, ported
// branch by branch with its own regular expressions), so that totals computed from the events equal pflogsumm's
// Grand Totals on the same file (SPEC §4.3). Perl reads bytes: its `.` matches anything but "\n" (here: the `s`
// flag, lines hold no "\n"), its `\s` is ASCII whitespace (here spelled out: JavaScript's `\s` would also match
// U+00A0, the latin1 byte 0xA0). Lines that carry no event are classified for the run summary
// (SPEC §3.6): ignored Postfix lines, other programs, garbled lines, and Postfix lines of an unknown type.

import { asciiLower, gimmeDomain } from './gimmeDomain.ts';
import { parseSyslogTime, type SyslogTime } from './syslogTime.ts';

/** Event kinds (also the `kind` column of the staging table). */
export const EVENT = {
  /** `QID: client=host[ip]` from smtpd/postscreen: pflogsumm's "received". */
  receive: 1,
  /** `QID: uid=N from=<x>` / `sender=` from pickup: also "received". */
  pickup: 2,
  /** `QID: from=<x>, size=N, nrcpt=M` (qmgr). */
  from: 3,
  /** `QID: to=<x>, relay=…, delay=…, dsn=…, status=…` (smtp, lmtp, local, virtual, pipe, error…). */
  to: 4,
  reject: 5,
  rejectWarning: 6,
  hold: 7,
  discard: 8,
  /** `QID: sender non-delivery notification: NEWQID` (bounce): links a notification to its message. */
  notice: 9,
  /** `QID: client=…` from another smtpd (a content filter's re-injection port, `postfix/amavisd/smtpd`): pflogsumm
   * does not count it as received. */
  relayed: 10,
  /** `QID: removed` (qmgr): the message left the queue; pflogsumm ignores it, the warehouse stops following its id. */
  removed: 11,
} as const;

/** What a line without an event is. */
export const LINE = { ignored: 0, otherProgram: -1, garbled: -2, unknown: -3 } as const;
export type LineClass = (typeof LINE)[keyof typeof LINE];

export interface MaillogEvent {
  kind: number;
  epochMs: number;
  /** Local (+07:00) day, YYYY-MM-DD. */
  day: string;
  /** Postfix program as pflogsumm names it: `smtpd` for `postfix/submission/smtpd`, `amavisd/smtpd` otherwise. */
  cmd: string;
  qid: string;
  /** from: the sender; to: the recipient; reject: the recipient. pflogsumm form: domain part lower-cased. */
  addr: string | null;
  /** pflogsumm's domain of `addr` (sender: text after the first "@" of a non-empty local part; recipient: the
   * address without `^[^@]+@`). */
  addrDomain: string | null;
  size: number | null;
  /** pflogsumm tests `$msgSizes{$qid}` for truth: the string "0" is false. */
  sizeTruthy: boolean;
  nrcpt: number | null;
  clientHost: string | null;
  clientIp: string | null;
  /** pflogsumm's `$rcvdMsg{$qid}`: gimme_domain(client), "pickup", or null (undef). */
  receivedFrom: string | null;
  sasl: string | null;
  /** XFORWARD ident of a content filter's re-injection (`orig_queue_id=`). */
  origQid: string | null;
  relay: string | null;
  /** Seconds, as logged (pflogsumm's `delay=([^,]+)`); the warehouse casts it. */
  delay: string | null;
  dsn: string | null;
  status: string | null;
  /** The server's reply or reason (text in parentheses after status, or a reject's reason). */
  detail: string | null;
  /** Queue id the next hop gave the message (`queued as X`), or the notification's new queue id. */
  nextQid: string | null;
  origTo: string | null;
  forwarded: boolean;
  /** Reject: sender address; stage (RCPT, MAIL, CONNECT, DATA, header, body, END-OF-MESSAGE). */
  sender: string | null;
  stage: string | null;
}

const CMD = /postfix(?:\/(?:smtps|submission))?\/([^[:]*).*?: ([^: \t\n\r\f\v]+)/ys;
const CMD_SCRIPT = /(postfix(?:-script)?)(?:\[\d+\])?: ([^: \t\n\r\f\v]+)/y;
const CLEANUP_REJECT = /\/cleanup\[\d+\]: .*?\b((?:milter-)?reject|warning|hold|discard): (header|body|END-OF-MESSAGE) (.*)$/gs;
const SMTPD_CLIENT = /\[\d+\]: \w+: client=(.+?)(,|$)/gs;
const SMTPD_REJECT = /\[\d+\]: \w+: (reject(?:_warning)?|hold|discard): /g;
const FROM = /from=<([^>]*)>, size=(\d+)/g;
const TO = /to=<([^>]*)>, (?:orig_to=<([^>]*)>, )?relay=([^,]+), (?:conn_use=[^,]+, )?delay=([^,]+), (?:delays=[^,]+, )?(?:dsn=([^,]+), )?status=([^ \t\n\r\f\v]+)(.*)$/gs;
const PICKUP = /: (sender|uid)=/g;
const NOTICE = /: (?:sender|postmaster) (?:non-delivery|delivery status|delay) notification: (\w+)/g;
const REJECT_PARTS = /^.* \b(?:reject(?:_warning)?|hold|discard): ([^ \t\n\r\f\v]+) from ([^ \t\n\r\f\v]+?): (.*)$/s;
const KIND_BY_WORD: Record<string, number> = {
  reject: EVENT.reject, 'milter-reject': EVENT.reject, reject_warning: EVENT.rejectWarning, warning: EVENT.rejectWarning,
  hold: EVENT.hold, discard: EVENT.discard,
};
/** What follows `QID: ` on Postfix lines that carry no event but are normal. */
const KNOWN_QUEUE_TEXT = /^(?:message-id=|resent-message-id=|removed|client=|from=|to=|orig_to=|uid=|sender=|info:|filter:|redirect:|replace:|prepend:|warning:|hold:|discard:|reject|milter-|enabling PIX|host |conversation with|lost connection|sender non-delivery|sender delivery status|postmaster non-delivery|sender delay|canceled|skipped|expired|status=|Cannot start TLS|SASL |TLS |cleanup|header |body |Trusted TLS|Untrusted TLS|Verified TLS|Anonymous TLS)/;
const QUEUE_ID = /^(?:NOQUEUE|[0-9A-F]{5,}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,})$/;

/** A parser for one file: remembers the last timestamp, which repeats on most consecutive lines. */
export class LineParser {
  private lastPrefix = '';
  private lastTime: SyslogTime | null = null;
  /** The syslog host of the last line parsed, null when it had no timestamp and host (garbled). */
  host: string | null = null;
  /** The time of the last line parsed (epoch ms), when `host` is set. */
  epochMs = 0;
  constructor(private readonly exportDate: string) {}

  /** The line's event, or its class when it has none. */
  parse(raw: string): MaillogEvent | LineClass {
    const line = raw.includes('[ID ') ? raw.replace(/: \[ID \d+ [^\]]+\] /, ': ') : raw;
    this.host = null;
    let time: SyslogTime | null;
    if (this.lastTime && line.startsWith(this.lastPrefix)) time = this.lastTime;
    else {
      time = parseSyslogTime(line, this.exportDate);
      if (!time) return LINE.garbled;
      this.lastTime = time;
      this.lastPrefix = line.slice(0, time.hostStart);
    }
    // pflogsumm: `\S+ (.+)$` after the timestamp
    const sp = line.indexOf(' ', time.hostStart);
    if (sp <= time.hostStart || sp + 1 >= line.length) return LINE.garbled;
    this.host = line.slice(time.hostStart, sp);
    this.epochMs = time.epochMs;
    const restStart = sp + 1;
    CMD.lastIndex = restStart;
    let m = CMD.exec(line);
    if (!m) {
      CMD_SCRIPT.lastIndex = restStart;
      m = CMD_SCRIPT.exec(line);
      if (!m) return line.startsWith('postfix', restStart) ? LINE.ignored : LINE.otherProgram;
    }
    const cmd = m[1]!;
    const qid = m[2]!;
    const textStart = m.index + m[0].length;
    return classify(line, time, restStart, textStart, cmd, qid);
  }
}

/** pflogsumm's main-loop branches, in its order. Each regular expression runs only on lines holding a word it
 * needs, so the shortcut never changes a result. */
function classify(line: string, time: SyslogTime, restStart: number, textStart: number, cmd: string, qid: string): MaillogEvent | LineClass {
  if (cmd === 'cleanup' && (line.includes('header ') || line.includes('body ') || line.includes('END-OF-MESSAGE '))) {
    const r = execAt(CLEANUP_REJECT, line, restStart);
    if (r) {
      const e = newEvent(KIND_BY_WORD[r[1]!]!, time, cmd, qid);
      e.stage = r[2]!;
      const rest = r[3]!;
      e.detail = clip(rest.replace(/( from \S+?)?; from=<.*$/, ''));
      e.sender = /from=<([^>]*)>/.exec(rest)?.[1] ?? null;
      e.addr = /to=<([^>]*)>/.exec(rest)?.[1] ?? null;
      return e;
    }
  }
  if (qid === 'warning' || qid === 'fatal' || qid === 'panic') return LINE.ignored;
  if (qid === 'reject' || qid === 'reject_warning' || qid === 'hold' || qid === 'discard') {
    return rejectEvent(newEvent(KIND_BY_WORD[qid]!, time, cmd, qid), line.slice(restStart));
  }
  if (cmd === 'master') return LINE.ignored;
  if (cmd === 'smtpd' || cmd === 'postscreen') {
    if (line.includes('client=')) {
      const c = execAt(SMTPD_CLIENT, line, restStart);
      if (c) return receiveEvent(newEvent(EVENT.receive, time, cmd, qid), c[1]!, line);
    }
    if (line.includes('reject') || line.includes('hold') || line.includes('discard')) {
      const r = execAt(SMTPD_REJECT, line, restStart);
      if (r) return rejectEvent(newEvent(KIND_BY_WORD[r[1]!]!, time, cmd, qid), line.slice(restStart));
    }
    return classifyPlain(line, qid, textStart);
  }
  if (line.includes('from=<')) {
    const f = execAt(FROM, line, restStart);
    if (f) return fromEvent(newEvent(EVENT.from, time, cmd, qid), f, line);
  }
  if (line.includes('to=<')) {
    const t = execAt(TO, line, restStart);
    if (t) return toEvent(newEvent(EVENT.to, time, cmd, qid), t);
  }
  if (cmd === 'pickup' && execAt(PICKUP, line, restStart)) {
    const e = newEvent(EVENT.pickup, time, cmd, qid);
    e.receivedFrom = 'pickup';
    return e;
  }
  if (line.includes('notification: ')) {
    const n = execAt(NOTICE, line, restStart);
    if (n) {
      const e = newEvent(EVENT.notice, time, cmd, qid);
      e.nextQid = n[1]!;
      return e;
    }
  }
  // A content filter's re-injection (postfix/amavisd/smtpd…): pflogsumm does not count it, the facts need it.
  if (cmd.endsWith('/smtpd') && line.includes('client=')) {
    const c = execAt(SMTPD_CLIENT, line, restStart);
    if (c) return receiveEvent(newEvent(EVENT.relayed, time, cmd, qid), c[1]!, line);
  }
  if (line.length - textStart === REMOVED.length && line.endsWith(REMOVED) && QUEUE_ID.test(qid)) return newEvent(EVENT.removed, time, cmd, qid);
  return classifyPlain(line, qid, textStart);
}

const REMOVED = ': removed';

function fromEvent(e: MaillogEvent, f: RegExpExecArray, line: string): MaillogEvent {
  const addr = f[1] === '' ? '' : lowerDomain(f[1]!);
  e.addr = addr;
  const at = addr.indexOf('@');
  e.addrDomain = at > 0 && at < addr.length - 1 ? addr.slice(at + 1) : null;
  e.size = Number(f[2]);
  e.sizeTruthy = f[2] !== '0';
  const n = /nrcpt=(\d+)/.exec(line);
  e.nrcpt = n ? Number(n[1]) : null;
  return e;
}

function newEvent(kind: number, time: SyslogTime, cmd: string, qid: string): MaillogEvent {
  return {
    kind, epochMs: time.epochMs, day: time.day, cmd, qid, addr: null, addrDomain: null, size: null, sizeTruthy: false,
    nrcpt: null, clientHost: null, clientIp: null, receivedFrom: null, sasl: null, origQid: null, relay: null,
    delay: null, dsn: null, status: null, detail: null, nextQid: null, origTo: null, forwarded: false, sender: null,
    stage: null,
  };
}

/** A Postfix line without an event: normal (connect, message-id, removed…) or of an unknown type. */
function classifyPlain(line: string, qid: string, textStart: number): LineClass {
  if (!QUEUE_ID.test(qid)) return LINE.ignored;
  let i = textStart;
  while (i < line.length && (line.charCodeAt(i) === 58 || line.charCodeAt(i) === 32)) i++;
  return KNOWN_QUEUE_TEXT.test(line.slice(i, i + 40)) ? LINE.ignored : LINE.unknown;
}

function execAt(re: RegExp, line: string, from: number): RegExpExecArray | null {
  re.lastIndex = from;
  return re.exec(line);
}

/** pflogsumm's `s/(@.+)/\L$1/`: the domain part lower-cased, the local part kept. */
function lowerDomain(addr: string): string {
  const at = addr.indexOf('@');
  return at < 0 || at === addr.length - 1 ? addr : addr.slice(0, at) + asciiLower(addr.slice(at));
}

function splitClient(client: string, e: MaillogEvent): void {
  const open = client.indexOf('[');
  const close = client.indexOf(']', open + 1);
  if (open >= 0 && close > open) {
    e.clientHost = client.slice(0, open);
    e.clientIp = client.slice(open + 1, close);
  } else {
    e.clientHost = client;
  }
}

function receiveEvent(e: MaillogEvent, client: string, line: string): MaillogEvent {
  splitClient(client, e);
  e.receivedFrom = gimmeDomain(client);
  e.sasl = /sasl_username=([^,]*)/.exec(line)?.[1] ?? null;
  e.origQid = /orig_queue_id=([^,\s]*)/.exec(line)?.[1] ?? null;
  return e;
}

/** pflogsumm's proc_smtpd_reject: stage, client, sender and recipient of a reject/hold/discard line. */
function rejectEvent(e: MaillogEvent, rest: string): MaillogEvent {
  const p = REJECT_PARTS.exec(rest);
  if (!p) return e;
  e.stage = p[1]!;
  splitClient(p[2]!, e);
  const rmdr = p[3]!;
  const to = /to=<([^>]+)>/.exec(rmdr) ?? /\d{3} <([^>]+)>: User unknown /.exec(rmdr) ?? /to=<(.*?)(?:[, ]|$)/.exec(rmdr);
  e.addr = to ? lowerDomain(to[1]!) : null;
  e.sender = /from=<([^>]+)>/.exec(rmdr)?.[1] ?? null;
  const cut = rmdr.indexOf('; from=<');
  e.detail = clip(cut >= 0 ? rmdr.slice(0, cut) : rmdr);
  return e;
}

function toEvent(e: MaillogEvent, t: RegExpExecArray): MaillogEvent {
  const addr = lowerDomain(t[1]!);
  e.addr = addr;
  const at = addr.indexOf('@');
  e.addrDomain = at > 0 ? addr.slice(at + 1) : addr; // pflogsumm: s/^[^@]+\@//
  e.origTo = t[2] ?? null;
  e.relay = t[3]!;
  e.delay = t[4]!;
  e.dsn = t[5] ?? null;
  e.status = t[6]!;
  const detail = replyText(t[7]!);
  e.forwarded = e.status === 'sent' && detail.includes('forwarded as ');
  e.nextQid = e.status === 'sent' ? queuedAs(detail) : null;
  e.detail = e.status === 'sent' && !e.forwarded ? null : clip(detail);
  return e;
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

/** The reply after `status=…`: " (250 2.0.0 Ok)" → "250 2.0.0 Ok" (trailing whitespace and CR dropped). */
function replyText(rmdr: string): string {
  let end = rmdr.length;
  while (end > 0 && isSpace(rmdr.charCodeAt(end - 1))) end--;
  if (rmdr.startsWith(' (') && end > 2 && rmdr.charCodeAt(end - 1) === 41) return rmdr.slice(2, end - 1);
  let start = 0;
  while (start < end && isSpace(rmdr.charCodeAt(start))) start++;
  return rmdr.slice(start, end);
}

/** "… queued as 5B2C3D4E5F" (the next hop's queue id) at the end of a reply, or null. */
function queuedAs(detail: string): string | null {
  const i = detail.lastIndexOf('queued as ');
  if (i < 0) return null;
  let end = detail.length;
  if (detail.charCodeAt(end - 1) === 41) end--; // "… queued as X)" inside nested parentheses
  const id = detail.slice(i + 10, end);
  return /^[0-9A-Za-z]+$/.test(id) ? id : null;
}

function clip(s: string): string {
  return s.length > 500 ? s.slice(0, 500) : s;
}
