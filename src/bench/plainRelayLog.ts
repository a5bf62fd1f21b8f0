// The benchmark's second shape of log: a plain Postfix relay (no content filter, no SASL), about seven lines a
// message, many distinct senders and outside domains, several days in one file — as a province's relay in front of
// another mail system writes it. Four times the messages per megabyte of the Zimbra night (generateLog.ts), so the
// stages that grow with messages and deliveries, not lines, weigh more. Deterministic for a seed.
import { closeSync, openSync, writeSync } from 'node:fs';
import { UTC_OFFSET_MS } from '../text/time.ts';
import type { GeneratedLog } from './generateLog.ts';
import { rng } from '../generate/maillog.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TLDS = ['com', 'net', 'org', 'vn', 'com.vn', 'edu.vn', 'gov.vn', 'io', 'de', 'jp'];
const WORDS = ['an', 'binh', 'chi', 'dung', 'giang', 'hoa', 'khanh', 'lan', 'minh', 'nam', 'phuong', 'quang', 'son', 'thao',
  'trung', 'tuan', 'van', 'yen', 'hieu', 'linh', 'mail', 'info', 'sales', 'admin', 'news', 'support'];

export interface PlainRelayOptions {
  /** First day (YYYY-MM-DD, local time). */
  from: string;
  days: number;
  /** The province's domain (mail for it is relayed to its mailstore). */
  domain: string;
  targetBytes: number;
  seed: number;
}

interface Stamped {
  t: number;
  line: string;
}

/** Writes about `targetBytes` of a plain relay's log over `days` days to `path`. */
export function writePlainRelayLog(path: string, opts: PlainRelayOptions): GeneratedLog {
  const perMessage = 926; // bytes a message takes, with its share of rejects, measured on this generator
  const messages = Math.max(1, Math.round(opts.targetBytes / perMessage));
  const perDay = Math.ceil(messages / opts.days);
  const random = rng(opts.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const outside = Array.from({ length: 4000 }, (_, i) => `${pick(WORDS)}${i.toString(36)}.${pick(TLDS)}`);
  const hex = () => (Math.floor(random() * 0x100000) * 0x100000 + Math.floor(random() * 0x100000)).toString(16).toUpperCase().padStart(10, '0');
  const address = (domain: string) => `${pick(WORDS)}.${pick(WORDS)}${Math.floor(random() * 5000)}@${domain}`;
  const ip = () => `${1 + Math.floor(random() * 223)}.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}`;
  const start = Date.parse(`${opts.from}T00:00:00+07:00`);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  let written = 0;
  let pid = 1000;
  let carried: Stamped[] = []; // retries that run past midnight go out with the next day, in time order
  try {
    for (let day = 0; day < opts.days && (written < messages || carried.length > 0); day++) {
      const out: Stamped[] = carried;
      const at = (t: number, program: string, p: number, text: string) => {
        const d = new Date(t + UTC_OFFSET_MS);
        const stamp = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
        out.push({ t, line: `${stamp} relay postfix/${program}[${p}]: ${text}` });
      };
      const n = Math.min(perDay, messages - written);
      for (let m = 0; m < n; m++) {
        const t0 = start + day * 86_400_000 + Math.floor(random() * 86_400_000);
        const smtpd = (pid = (pid + 7) % 60000) + 1000;
        const inbound = random() < 0.6;
        const clientHost = inbound ? `mail.${pick(outside)}` : `gw${Math.floor(random() * 40)}.${opts.domain}`;
        const client = `${clientHost}[${ip()}]`;
        at(t0, 'smtpd', smtpd, `connect from ${client}`);
        if (random() < 0.2) {
          const why = pick([
            `554 5.7.1 Service unavailable; Client host [${client.slice(client.indexOf('[') + 1, -1)}] blocked using zen.spamhaus.org`,
            '450 4.1.8 <x@y>: Sender address rejected: Domain not found', '454 4.7.1 <a@b>: Relay access denied',
          ]);
          at(t0 + 200, 'smtpd', smtpd, `NOQUEUE: reject: RCPT from ${client}: ${why}; from=<${address(pick(outside))}> to=<${address(opts.domain)}> proto=ESMTP helo=<${clientHost}>`);
          at(t0 + 400, 'smtpd', smtpd, `disconnect from ${client} ehlo=1 mail=1 rcpt=0/1 quit=1 commands=3/4`);
          continue;
        }
        written++;
        const qid = hex();
        const sender = inbound ? address(pick(outside)) : address(opts.domain);
        const rcpts = Array.from({ length: random() < 0.8 ? 1 : 2 + Math.floor(random() * 3) }, () => (inbound ? address(opts.domain) : address(random() < 0.7 ? pick(outside) : opts.domain)));
        const size = 800 + Math.floor(random() * random() * 2_000_000);
        at(t0 + 100, 'smtpd', smtpd, `${qid}: client=${client}`);
        at(t0 + 300, 'cleanup', 3000 + (m % 50), `${qid}: message-id=<${hex().toLowerCase()}.${qid.toLowerCase()}@${clientHost}>`);
        at(t0 + 320, 'qmgr', 999, `${qid}: from=<${sender}>, size=${size}, nrcpt=${rcpts.length} (queue active)`);
        at(t0 + 500, 'smtpd', smtpd, `disconnect from ${client} ehlo=1 mail=1 rcpt=${rcpts.length} data=1 quit=1 commands=${4 + rcpts.length}`);
        let last = t0 + 600;
        for (const rcpt of rcpts) {
          const relay = rcpt.endsWith(`@${opts.domain}`) ? `mailstore.${opts.domain}[10.10.1.5]:25` : `mx.${rcpt.slice(rcpt.indexOf('@') + 1)}[${ip()}]:25`;
          const p = 5000 + Math.floor(random() * 900);
          let t = t0 + 600 + Math.floor(random() * 4000);
          const r = random();
          if (r < 0.05) {
            at(t, 'smtp', p, `${qid}: to=<${rcpt}>, relay=${relay}, delay=${((t - t0) / 1000).toFixed(1)}, delays=0.1/0/5/0, dsn=4.4.1, status=deferred (connect to ${relay.slice(0, relay.indexOf(':'))}: Connection timed out)`);
            t += 600_000 + Math.floor(random() * 3_000_000);
          }
          if (r > 0.98) {
            at(t, 'smtp', p, `${qid}: to=<${rcpt}>, relay=${relay}, delay=${((t - t0) / 1000).toFixed(1)}, delays=0.1/0/0.3/0.2, dsn=5.1.1, status=bounced (host ${relay.slice(0, relay.indexOf('['))} said: 550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown (in reply to RCPT TO command))`);
            const bounce = hex();
            at(t + 10, 'bounce', 7000, `${qid}: sender non-delivery notification: ${bounce}`);
            at(t + 12, 'cleanup', 3001, `${bounce}: message-id=<${bounce.toLowerCase()}@relay.${opts.domain}>`);
            at(t + 14, 'qmgr', 999, `${bounce}: from=<>, size=${2400 + Math.floor(random() * 900)}, nrcpt=1 (queue active)`);
            at(t + 900, 'smtp', p, `${bounce}: to=<${sender}>, relay=${relay}, delay=0.9, delays=0/0/0.5/0.4, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${hex()})`);
            at(t + 920, 'qmgr', 999, `${bounce}: removed`);
          } else {
            at(t, 'smtp', p, `${qid}: to=<${rcpt}>, relay=${relay}, delay=${((t - t0) / 1000).toFixed(1)}, delays=0.1/0/0.3/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${hex()})`);
          }
          last = Math.max(last, t + 10);
        }
        at(last + 5, 'qmgr', 999, `${qid}: removed`);
      }
      out.sort((a, b) => a.t - b.t);
      const dayEnd = start + (day + 1) * 86_400_000;
      const cut = day === opts.days - 1 ? out.length : out.findIndex((x) => x.t >= dayEnd);
      carried = cut < 0 ? [] : out.splice(cut);
      if (out.length > 0) bytes += writeSync(fd, out.map((x) => x.line).join('\n') + '\n');
      lines += out.length;
    }
  } finally {
    closeSync(fd);
  }
  return { path, bytes, lines, messages: written };
}
