// Synthetic Postfix log of one night on a Zimbra MTA with amavis (SPEC §3.3), deterministic for a seed.
// Flows follow real Zimbra 8.8 logs: inbound mail goes smtpd → 127.0.0.1:10024 (amavis) → re-injected on :10025 by
// `postfix/amavisd/smtpd` → lmtp to the mailstore (:7025); mail submitted by users (webmail from the mailstore, or
// SASL on `postfix/submission/smtpd`, some over IPv6) goes through the originating filter :10026 → :10030
// (`postfix/dkimmilter/smtpd`) → :10032 → :10025 before lmtp or smtp. External deliveries are sometimes deferred,
// then sent or bounced (the bounce daemon creates a new queue id for the notification); NOQUEUE rejects arrive
// between messages; `pickup` submits the server's own reports.
import { UTC_OFFSET_TEXT } from '../text/time.ts';

/** One mailbox the generator may use as sender or recipient. */
export interface MaillogMailbox {
  address: string;
  /** Inactive (locked/closed) mailboxes send nothing; mail from outside to them is rejected at RCPT. */
  active: boolean;
  /** Relative activity (≥ 0): how often it sends and receives. */
  weight: number;
}

export interface MaillogOptions {
  /** The day the log covers (YYYY-MM-DD), Asia/Ho_Chi_Minh. Retries may run a little past midnight. */
  date: string;
  mailboxes: MaillogMailbox[];
  /** The province's domain, e.g. "soctrang.gov.vn". */
  domain: string;
  seed: number;
  /** Accepted original messages; NOQUEUE rejects come on top (about one per four messages). */
  messages: number;
  timestamps?: 'classic' | 'rfc3339';
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EXTERNAL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'vnpt.vn', 'viettel.com.vn', 'fpt.com.vn',
  'chinhphu.vn', 'mic.gov.vn', 'cantho.gov.vn', 'hcm.gov.vn', 'baohiemxahoi.gov.vn', 'agribank.com.vn'];
const EXTERNAL_MX: Record<string, [string, string]> = {
  'gmail.com': ['gmail-smtp-in.l.google.com', '142.250.4.27'], 'yahoo.com': ['mta7.am0.yahoodns.net', '67.195.204.72'],
  'outlook.com': ['outlook-com.olc.protection.outlook.com', '52.101.68.3'],
};
const INBOUND_CLIENTS: [string, string][] = [
  ['mail-ua1-f51.google.com', '209.85.222.51'], ['mail-pj1-x1030.google.com', '2607:f8b0:4864:20::1030'],
  ['sonic307-21.consmr.mail.sg3.yahoo.com', '106.10.241.84'], ['mail.chinhphu.vn', '103.21.148.20'],
  ['mx1.mic.gov.vn', '203.162.4.190'], ['mail-sgaapc01on2098.outbound.protection.outlook.com', '40.107.215.98'],
  ['unknown', '113.161.72.14'], ['mail.cantho.gov.vn', '2001:ee0:4141:8::25'],
];
const SPAM_CLIENTS = ['185.234.219.12', '45.95.147.236', '141.98.11.52', '2a06:4880:5000::5c', '103.145.13.190'];
const WORDS = ['an', 'binh', 'chi', 'dung', 'giang', 'hoa', 'khanh', 'lan', 'minh', 'nam', 'phuong', 'quang', 'son',
  'thao', 'trung', 'tuan', 'van', 'yen', 'hieu', 'linh'];

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Pending {
  t: number; // ms since local midnight of opts.date
  seq: number;
  text: string; // "program[pid]: message"
}

/** Binary min-heap ordered by (t, seq): lines come out in time order, ties in creation order. */
class LineHeap {
  private items: Pending[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Pending | undefined {
    return this.items[0];
  }
  push(p: Pending): void {
    const a = this.items;
    a.push(p);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(a[i]!, a[parent]!)) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }
  pop(): Pending | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Pending, y: Pending): boolean {
  return x.t < y.t || (x.t === y.t && x.seq < y.seq);
}

/** Formats the syslog timestamp of `t` ms after local midnight of `date` (+07:00, no DST in Việt Nam). */
export function formatSyslogTime(date: string, t: number, style: 'classic' | 'rfc3339'): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(Date.UTC(y, m - 1, d) + t); // UTC fields hold local wall time
  const p2 = (n: number) => String(n).padStart(2, '0');
  const hms = `${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}`;
  if (style === 'classic') {
    return `${MONTHS[local.getUTCMonth()]} ${String(local.getUTCDate()).padStart(2, ' ')} ${hms}`;
  }
  const micros = String(local.getUTCMilliseconds() * 1000 + (Math.floor(t) % 7) * 113).padStart(6, '0');
  return `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}T${hms}.${micros}${UTC_OFFSET_TEXT}`;
}

/**
 * Yields the night's log lines in time order (no trailing newline). Deterministic: the same options give the same
 * lines. Queue ids are unique within the night.
 */
export function* generateMaillogLines(opts: MaillogOptions): Generator<string> {
  const random = rng(opts.seed ^ hashString(opts.date));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const style = opts.timestamps ?? 'classic';
  const host = 'mail';
  const fqdn = `mail.${opts.domain}`;
  const mailstoreIp = '10.10.0.5';
  const heap = new LineHeap();
  let seq = 0;
  let qidCounter = 0;
  const qidMask = hashString(`${opts.date}/${opts.seed}`);
  const qidPrefix = (hashString(opts.date) & 0xff).toString(16).toUpperCase().padStart(2, '0');
  const newQid = () => qidPrefix + ((Math.imul(++qidCounter, 0x9e3779b1) ^ qidMask) >>> 0).toString(16).toUpperCase().padStart(8, '0');
  const pid = (base: number) => base + Math.floor(random() * 900);
  const qmgr = `postfix/qmgr[${pid(3000)}]`;
  const emit = (t: number, text: string) => heap.push({ t, seq: seq++, text });

  const active = opts.mailboxes.filter((m) => m.active && m.weight > 0);
  const inactive = opts.mailboxes.filter((m) => !m.active);
  const weighted = cumulative(active);
  const pickMailbox = (): string => {
    if (active.length === 0) return `admin@${opts.domain}`;
    const x = random() * weighted.total;
    let lo = 0;
    let hi = weighted.sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (weighted.sums[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return active[lo]!.address;
  };
  const externalAddress = () => `${pick(WORDS)}${pick(WORDS)}${Math.floor(random() * 90 + 10)}@${pick(EXTERNAL_DOMAINS)}`;
  const size = () => Math.round(Math.exp(7.5 + random() * 4 + (random() < 0.05 ? 2.5 : 0)));
  const delays = (total: number) => `${(total * 0.1).toFixed(2)}/0.01/${(total * 0.3).toFixed(2)}/${(total * 0.59).toFixed(2)}`;

  /** Hands a queued message to the content filter at `port`; returns the re-injected queue id and its time. */
  const filterHop = (t: number, qid: string, from: string, rcpts: string[], bytes: number, port: number,
    backPort: number, reinjector: string, messageId: string): { qid: string; t: number; size: number } => {
    const child = newQid();
    const tc = t + 200 + random() * 1500;
    const childSize = bytes + 400 + Math.floor(random() * 500);
    const spid = `${reinjector}[${pid(20000)}]`;
    emit(tc, `${spid}: connect from localhost[127.0.0.1]`);
    emit(tc, `${spid}: ${child}: client=localhost[127.0.0.1]`);
    emit(tc + 1, `postfix/cleanup[${pid(4000)}]: ${child}: message-id=${messageId}`);
    emit(tc + 2, `${qmgr}: ${child}: from=<${from}>, size=${childSize}, nrcpt=${rcpts.length} (queue active)`);
    emit(tc + 3, `${spid}: disconnect from localhost[127.0.0.1] ehlo=1 mail=1 rcpt=${rcpts.length} data=1 quit=1 commands=${rcpts.length + 4}`);
    emit(tc + 4, `amavis[${pid(5000)}]: (0${pid(5000)}-0${Math.floor(random() * 9) + 1}) Passed CLEAN {${port === 10024 ? 'RelayedInbound' : 'RelayedOutbound'}}, [127.0.0.1]:${40000 + Math.floor(random() * 20000)} <${from}> -> ${rcpts.map((r) => `<${r}>`).join(',')}, Queue-ID: ${qid}, Message-ID: ${messageId}, Hits: ${(random() * 3 - 1).toFixed(3)}, size: ${bytes}, queued_as: ${child}, ${Math.floor(random() * 2000)} ms`);
    const spid2 = `postfix/smtp[${pid(6000)}]`;
    const total = (tc + 5 - t) / 1000;
    for (const r of rcpts) {
      emit(tc + 5, `${spid2}: ${qid}: to=<${r}>, relay=127.0.0.1[127.0.0.1]:${port}, delay=${total.toFixed(2)}, delays=${delays(total)}, dsn=2.0.0, status=sent (250 2.0.0 from MTA(smtp:[127.0.0.1]:${backPort}): 250 2.0.0 Ok: queued as ${child})`);
    }
    emit(tc + 6, `${qmgr}: ${qid}: removed`);
    return { qid: child, t: tc + 6, size: childSize };
  };

  /** Final delivery of `qid` to each recipient: lmtp for ours, smtp (with deferrals and bounces) for others. */
  const deliver = (t0: number, qid: string, from: string, rcpts: string[], bytes: number) => {
    let last = t0;
    for (const r of rcpts) {
      let t = t0 + 100 + random() * 900;
      const domain = r.slice(r.indexOf('@') + 1);
      if (domain === opts.domain) {
        const total = (t - t0) / 1000 + 0.05;
        emit(t, `postfix/lmtp[${pid(7000)}]: ${qid}: to=<${r}>, relay=${fqdn}[${mailstoreIp}]:7025, delay=${total.toFixed(2)}, delays=${delays(total)}, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)`);
      } else {
        const [mx, ip] = EXTERNAL_MX[domain] ?? [`mx.${domain}`, `203.113.${Math.floor(random() * 250)}.${Math.floor(random() * 250)}`];
        const spid = `postfix/smtp[${pid(6000)}]`;
        let tries = random() < 0.04 ? 1 + Math.floor(random() * 3) : 0;
        while (tries-- > 0) {
          const total = (t - t0) / 1000 + 30;
          emit(t, `${spid}: ${qid}: to=<${r}>, relay=none, delay=${total.toFixed(0)}, delays=0.1/0/${(total - 0.1).toFixed(0)}/0, dsn=4.4.1, status=deferred (connect to ${mx}[${ip}]:25: Connection timed out)`);
          t += (5 + random() * 25) * 60_000;
          emit(t - 1, `${qmgr}: ${qid}: from=<${from}>, size=${bytes}, nrcpt=${rcpts.length} (queue active)`);
        }
        const total = (t - t0) / 1000 + 0.8;
        if (random() < 0.02) {
          emit(t, `${spid}: ${qid}: to=<${r}>, relay=${mx}[${ip}]:25, delay=${total.toFixed(1)}, delays=${delays(total)}, dsn=5.1.1, status=bounced (host ${mx}[${ip}] said: 550 5.1.1 <${r}>: Recipient address rejected: User unknown (in reply to RCPT TO command))`);
          notify(t + 10, qid, from);
        } else {
          emit(t, `${spid}: ${qid}: to=<${r}>, relay=${mx}[${ip}]:25, delay=${total.toFixed(1)}, delays=${delays(total)}, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${Math.floor(random() * 1e9).toString(36).toUpperCase()})`);
        }
      }
      last = Math.max(last, t);
    }
    emit(last + 5, `${qmgr}: ${qid}: removed`);
  };

  /** The bounce daemon's non-delivery notification: a new queue id with the null sender. */
  const notify = (t: number, qid: string, sender: string) => {
    if (!sender) return;
    const nq = newQid();
    emit(t, `postfix/cleanup[${pid(4000)}]: ${nq}: message-id=<${nq}.${Math.floor(t)}@${fqdn}>`);
    emit(t + 1, `postfix/bounce[${pid(8000)}]: ${qid}: sender non-delivery notification: ${nq}`);
    emit(t + 2, `${qmgr}: ${nq}: from=<>, size=${3000 + Math.floor(random() * 3000)}, nrcpt=1 (queue active)`);
    deliver(t + 3, nq, '', [sender], 4000);
  };

  const recipientsFor = (internalShare: number): string[] => {
    const r = random();
    const n = r < 0.7 ? 1 : r < 0.95 ? 2 + Math.floor(random() * 4) : 6 + Math.floor(random() * 25);
    const out = new Set<string>();
    for (let i = 0; i < n; i++) out.add(random() < internalShare ? pickMailbox() : externalAddress());
    return [...out];
  };

  /** A message submitted by one of our users (webmail from the mailstore, or SASL submission). */
  const userMessage = (t: number) => {
    const from = pickMailbox();
    const rcpts = recipientsFor(0.65);
    const qid = newQid();
    const bytes = size();
    const webmail = random() < 0.7;
    const smtpd = webmail ? `postfix/smtpd[${pid(10000)}]` : `postfix/submission/smtpd[${pid(10000)}]`;
    const client = webmail ? `${fqdn}[${mailstoreIp}]` : pick(['unknown[113.172.40.18]', 'unknown[2402:800:6314:1b2::7]', 'static.vnpt.vn[14.226.236.9]']);
    const messageId = webmail ? `<${Math.floor(random() * 1e9)}.${seq}.${Math.floor(t)}.JavaMail.zimbra@${opts.domain}>` : `<${qid}.${Math.floor(t)}@${opts.domain}>`;
    emit(t, `${smtpd}: connect from ${client}`);
    emit(t + 50, `${smtpd}: ${qid}: client=${client}${webmail ? '' : `, sasl_method=LOGIN, sasl_username=${from}`}`);
    emit(t + 60, `postfix/cleanup[${pid(4000)}]: ${qid}: message-id=${messageId}`);
    emit(t + 70, `${qmgr}: ${qid}: from=<${from}>, size=${bytes}, nrcpt=${rcpts.length} (queue active)`);
    emit(t + 80, `${smtpd}: disconnect from ${client} ehlo=1 mail=1 rcpt=${rcpts.length} data=1 quit=1 commands=${rcpts.length + 4}`);
    const dkim = filterHop(t + 80, qid, from, rcpts, bytes, 10026, 10030, 'postfix/dkimmilter/smtpd', messageId);
    const scanned = filterHop(dkim.t, dkim.qid, from, rcpts, dkim.size, 10032, 10025, 'postfix/amavisd/smtpd', messageId);
    deliver(scanned.t, scanned.qid, from, rcpts, scanned.size);
  };

  /** A message from outside: rejected at RCPT for inactive mailboxes, discarded as spam now and then. */
  const inboundMessage = (t: number) => {
    const [name, ip] = pick(INBOUND_CLIENTS);
    const client = `${name}[${ip}]`;
    const from = externalAddress();
    const smtpd = `postfix/smtpd[${pid(10000)}]`;
    emit(t, `${smtpd}: connect from ${client}`);
    const rcpts = recipientsFor(1);
    if (inactive.length > 0 && random() < 0.08) {
      const gone = pick(inactive).address;
      emit(t + 40, `${smtpd}: NOQUEUE: reject: RCPT from ${client}: 550 5.1.1 <${gone}>: Recipient address rejected: ${opts.domain}; from=<${from}> to=<${gone}> proto=ESMTP helo=<${name}>`);
      if (random() < 0.5) {
        emit(t + 60, `${smtpd}: disconnect from ${client} ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
        return;
      }
    }
    const qid = newQid();
    const bytes = size();
    const messageId = `<CA${Math.floor(random() * 1e12).toString(36)}${seq}@mail.${from.slice(from.indexOf('@') + 1)}>`;
    emit(t + 50, `${smtpd}: ${qid}: client=${client}`);
    emit(t + 60, `postfix/cleanup[${pid(4000)}]: ${qid}: message-id=${messageId}`);
    emit(t + 70, `${qmgr}: ${qid}: from=<${from}>, size=${bytes}, nrcpt=${rcpts.length} (queue active)`);
    emit(t + 80, `${smtpd}: disconnect from ${client} ehlo=2 starttls=1 mail=1 rcpt=${rcpts.length} bdat=1 quit=1 commands=${rcpts.length + 6}`);
    if (random() < 0.02) {
      const tc = t + 900;
      for (const r of rcpts) {
        emit(tc, `postfix/smtp[${pid(6000)}]: ${qid}: to=<${r}>, relay=127.0.0.1[127.0.0.1]:10024, delay=0.9, delays=0.05/0/0.01/0.84, dsn=2.7.0, status=sent (250 2.7.0 Ok, discarded, id=0${pid(5000)}-01 - spam)`);
      }
      emit(tc + 1, `${qmgr}: ${qid}: removed`);
      return;
    }
    const scanned = filterHop(t + 80, qid, from, rcpts, bytes, 10024, 10025, 'postfix/amavisd/smtpd', messageId);
    deliver(scanned.t, scanned.qid, from, rcpts, scanned.size);
  };

  /** The server's own report, submitted with sendmail(1) and picked up. */
  const pickupMessage = (t: number) => {
    const qid = newQid();
    const from = `zimbra@${fqdn}`;
    emit(t, `postfix/pickup[${pid(9000)}]: ${qid}: uid=999 from=<zimbra>`);
    emit(t + 10, `postfix/cleanup[${pid(4000)}]: ${qid}: message-id=<${qid}.${Math.floor(t)}@${fqdn}>`);
    emit(t + 20, `${qmgr}: ${qid}: from=<${from}>, size=${1500 + Math.floor(random() * 4000)}, nrcpt=1 (queue active)`);
    deliver(t + 30, qid, from, [`admin@${opts.domain}`], 0);
  };

  const reject = (t: number) => {
    const ip = pick(SPAM_CLIENTS);
    const smtpd = `postfix/smtpd[${pid(10000)}]`;
    const to = random() < 0.5 ? pickMailbox() : `${pick(WORDS)}@${opts.domain}`;
    const from = `${pick(WORDS)}${Math.floor(random() * 999)}@${pick(['mail.ru', 'qq.com', 'spam.example'])}`;
    const helo = random() < 0.5 ? 'User' : `[${ip}]`;
    const r = random();
    emit(t, `${smtpd}: connect from unknown[${ip}]`);
    if (r < 0.5) {
      emit(t + 300, `${smtpd}: NOQUEUE: reject: RCPT from unknown[${ip}]: 554 5.7.1 Service unavailable; Client host [${ip}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/${ip}; from=<${from}> to=<${to}> proto=ESMTP helo=<${helo}>`);
    } else if (r < 0.75) {
      const other = externalAddress();
      emit(t + 300, `${smtpd}: NOQUEUE: reject: RCPT from unknown[${ip}]: 554 5.7.1 <${other}>: Relay access denied; from=<${from}> to=<${other}> proto=ESMTP helo=<${helo}>`);
    } else if (r < 0.9) {
      emit(t + 300, `${smtpd}: NOQUEUE: reject: RCPT from unknown[${ip}]: 450 4.7.1 Client host rejected: cannot find your hostname, [${ip}]; from=<${from}> to=<${to}> proto=ESMTP helo=<${helo}>`);
    } else {
      emit(t + 300, `${smtpd}: warning: unknown[${ip}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6`);
      emit(t + 350, `${smtpd}: NOQUEUE: reject: RCPT from unknown[${ip}]: 504 5.5.2 <${helo}>: Helo command rejected: need fully-qualified hostname; from=<${from}> to=<${to}> proto=ESMTP helo=<${helo}>`);
    }
    emit(t + 400, `${smtpd}: disconnect from unknown[${ip}] ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
  };

  // Start times: office hours dominate (7:30–11:30, 13:30–17:00), a trickle at night.
  const rejects = Math.round(opts.messages / 4);
  const pickups = Math.max(1, Math.round(opts.messages / 500));
  const total = opts.messages + rejects;
  const starts: number[] = [];
  for (let i = 0; i < total; i++) starts.push(officeTime(random));
  starts.sort((a, b) => a - b);
  const kinds: number[] = []; // 0 user, 1 inbound, 2 reject, 3 pickup
  for (let i = 0; i < total; i++) {
    kinds.push(i < rejects ? 2 : i < rejects + pickups ? 3 : random() < 0.6 ? 0 : 1);
  }
  shuffle(kinds, random);
  const stamp = (p: Pending) => `${formatSyslogTime(opts.date, p.t, style)} ${host} ${p.text}`;
  for (let i = 0; i < total; i++) {
    const t = starts[i]!;
    while (heap.size > 0 && heap.peek()!.t < t) yield stamp(heap.pop()!);
    const kind = kinds[i];
    if (kind === 0) userMessage(t);
    else if (kind === 1) inboundMessage(t);
    else if (kind === 2) reject(t);
    else pickupMessage(t);
  }
  while (heap.size > 0) yield stamp(heap.pop()!);
}

function cumulative(items: MaillogMailbox[]): { sums: number[]; total: number } {
  const sums: number[] = [];
  let total = 0;
  for (const m of items) {
    total += m.weight;
    sums.push(total);
  }
  return { sums, total };
}

function officeTime(random: () => number): number {
  const r = random();
  const hour = r < 0.45 ? 7.5 + random() * 4 : r < 0.85 ? 13.5 + random() * 3.5 : random() * 23.8;
  return Math.floor(hour * 3_600_000);
}

function shuffle<T>(xs: T[], random: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
}
