/**
 * The byte-level fast path (src/inputs/postfix/fastPath.ts, fastEventRows.ts) must write exactly what parseLine.ts
 * (the pflogsumm port) writes: the same staging rows, byte for byte, and the same line counts. Checked on the real logs, on
 * generated logs, and on lines altered thousands of ways (bytes that steer pflogsumm's branches inserted anywhere,
 * spans deleted or repeated, timestamps changed).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/generate/prng.ts';
import { parseRange, type RangeResult } from '../../src/inputs/postfix/parseRange.ts';
import { REAL_LOGS, tempDir, writeGeneratedLog } from './support.ts';

/** Parses `path` with and without the fast path; returns both results and the bytes of every staging file. */
async function bothWays(path: string, exportDate: string): Promise<{ fast: RangeResult; slow: RangeResult; rows: Record<string, [Buffer, Buffer]> }> {
  const dir = tempDir('tcv-fastrows-');
  const run = async (noFastPath: boolean) => {
    const out = join(dir, noFastPath ? 'slow' : 'fast');
    mkdirSync(out);
    return parseRange({ id: 0, path, fileIndex: 3, exportDate, outDir: out, sampleLimit: 1000, noFastPath });
  };
  const fast = await run(false);
  const slow = await run(true);
  const rows: Record<string, [Buffer, Buffer]> = {};
  for (const key of Object.keys(fast.files) as (keyof RangeResult['files'])[]) {
    rows[key] = [readFileSync(fast.files[key]), readFileSync(slow.files[key])];
  }
  return { fast, slow, rows };
}

/** The first differing line of each staging file, for a readable failure. */
function firstDifferences(rows: Record<string, [Buffer, Buffer]>): string[] {
  const out: string[] = [];
  for (const [key, [a, b]] of Object.entries(rows)) {
    if (a.equals(b)) continue;
    const la = a.toString('latin1').split('\n');
    const lb = b.toString('latin1').split('\n');
    const i = la.findIndex((line, k) => line !== lb[k]);
    out.push(`${key} row ${i}:\n  fast: ${JSON.stringify(la[i])}\n  slow: ${JSON.stringify(lb[i])}`);
  }
  return out;
}

const counts = (r: RangeResult) => {
  const { files: _files, fast: _fast, ...rest } = r;
  return rest;
};

const REAL: [string, string][] = [
  ['kdent_mail.log', '2014-06-13'],
  ['kdent_mail2.log', '2014-06-14'],
  ['louis_mail.log', '2014-12-16'],
  ['fony_maillog', '2015-05-28'],
];

describe('fast path = parseLine.ts, byte for byte', () => {
  it.each(REAL)('real log %s', async (name, exportDate) => {
    const { fast, slow, rows } = await bothWays(join(REAL_LOGS, name), exportDate);
    expect(firstDifferences(rows)).toEqual([]);
    expect(counts(fast)).toEqual(counts(slow));
    // louis_mail.log has CRLF line ends: carriage returns are cleaned out of fields by parseLine's path only
    if (name !== 'louis_mail.log') expect(fast.fast).toBeGreaterThan(fast.lines * 0.5);
  });

  it.each(['classic', 'rfc3339'] as const)('generated Zimbra night, %s timestamps', async (timestamps) => {
    const path = writeGeneratedLog(join(tempDir(), 'maillog'), { date: '2026-11-20', seed: 17, messages: 3000, timestamps });
    const { fast, slow, rows } = await bothWays(path, '2026-11-21');
    expect(firstDifferences(rows)).toEqual([]);
    expect(counts(fast)).toEqual(counts(slow));
    // the fast path earns its place: all but rejects, bounces, pickup and warnings
    expect(fast.fast).toBeGreaterThan(fast.lines * 0.95);
  });

  it('lines altered thousands of ways', async () => {
    const path = join(tempDir(), 'mutants');
    const lines = mutants();
    writeFileSync(path, Buffer.from(lines.join('\n') + '\n', 'latin1'));
    const { fast, slow, rows } = await bothWays(path, '2014-12-16');
    expect(firstDifferences(rows)).toEqual([]);
    expect(counts(fast)).toEqual(counts(slow));
    expect(lines.length).toBeGreaterThan(30_000);
    expect(fast.fast).toBeGreaterThan(lines.length * 0.3); // many altered lines still take the fast path
  });
});

describe('lines that are not plain ASCII among plain ones', () => {
  it('go to parseLine.ts alone: the rest of their chunk keeps the fast path, the rows stay the same', async () => {
    const path = writeGeneratedLog(join(tempDir(), 'maillog'), { date: '2026-11-20', seed: 29, messages: 1500 });
    const lines = readFileSync(path, 'latin1').split('\n').filter((l) => l !== '');
    const odd = [
      // UTF-8 (a header_checks warning with a Vietnamese subject), Latin-1, a carriage return, a unit separator
      Buffer.from('Nov 20 12:00:00 mail postfix/cleanup[4402]: 8F2E1A3B4C: warning: header Subject: Báo cáo tháng 11 from unknown[113.161.72.14]; from=<a@cantho.gov.vn> to=<b@soctrang.gov.vn>', 'utf8').toString('latin1'),
      'Nov 20 12:00:01 mail postfix/qmgr[3712]: 8F2E1A3B4C: from=<caf\xe9@soctrang.gov.vn>, size=812, nrcpt=1 (queue active)',
      'Nov 20 12:00:02 mail postfix/qmgr[3712]: 8F2E1A3B4D: from=<x@soctrang.gov.vn>, size=812, nrcpt=1 (queue active)\r',
      'Nov 20 12:00:03 mail postfix/smtp[6335]: 8F2E1A3B4C: to=<y\x1fz@soctrang.gov.vn>, relay=none, delay=1, dsn=5.1.1, status=bounced (x)',
      Buffer.from('Nov 20 12:00:04 mail postfix/lmtp[6335]: 8F2E1A3B4C: to=<ngườinhận@soctrang.gov.vn>, relay=mail[10.0.0.5]:7025, delay=1.1, delays=0.1/0/0/1, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)', 'utf8').toString('latin1'),
    ];
    const mixed = lines.flatMap((line, i) => (i % 50 === 25 ? [odd[(i / 50) % odd.length | 0]!, line] : [line]));
    const file = join(tempDir(), 'mixed');
    writeFileSync(file, Buffer.from(mixed.join('\n') + '\n', 'latin1'));
    const { fast, slow, rows } = await bothWays(file, '2026-11-21');
    expect(firstDifferences(rows)).toEqual([]);
    expect(counts(fast)).toEqual(counts(slow));
    expect(fast.fast).toBeGreaterThan(lines.length * 0.95);
    expect(fast.fast).toBeLessThan(mixed.length - Math.floor(lines.length / 50) + 1);
  });
});

describe('RFC 3339 timestamps read on the fast path = syslogTime.ts', () => {
  it('every shape and value, valid or not', async () => {
    const stamps = [
      '2026-11-20T08:15:02.123456+07:00', '2026-11-20T08:15:02+07:00', '2026-11-20T08:15:02Z', '2026-11-20T01:15:02.5Z',
      '2026-11-19T20:15:02.999999-05:30', '2026-11-20T08:15:02.1+07:00', '2026-11-20T08:15:02.123456789012345+07:00',
      '2026-11-20T08:15:02.1234567890123456+07:00', '2026-11-20T23:59:59.999999+07:00', '2026-11-20T24:00:00+07:00',
      '2026-11-20T12:60:00+07:00', '2026-11-20T12:59:60+07:00', '2026-11-31T08:00:00+07:00', '2026-02-29T08:00:00+07:00',
      '2028-02-29T08:00:00+07:00', '2026-13-01T08:00:00+07:00', '2026-00-10T08:00:00+07:00', '0026-11-20T08:00:00+07:00',
      '2026-11-20T08:15:02.+07:00', '2026-11-20T08:15:02.123456+0700', '2026-11-20T08:15:02.123456', '2026-11-20T8:15:02+07:00',
      '2026-11-20T08:15:02.123456+07:00x', '2026-11-20 08:15:02+07:00', '2026-11-20T08:15:02+99:99', '2025-12-31T23:59:59.7+07:00',
      '2026-01-01T00:00:00.000001+07:00',
    ];
    const bodies = [
      'mail postfix/qmgr[3712]: DD794A5B11: from=<a@soctrang.gov.vn>, size=29819, nrcpt=1 (queue active)',
      'mail postfix/lmtp[6335]: DD794A5B11: to=<b@soctrang.gov.vn>, relay=mail.soctrang.gov.vn[10.0.0.5]:7025, delay=1.1, delays=0.1/0/0/1, dsn=2.1.5, status=sent (250 2.1.5 Delivery OK)',
    ];
    const lines = stamps.flatMap((t) => bodies.map((b) => `${t} ${b}`));
    // the same date twice in a row, then another date: the cached date part must follow
    lines.push(...lines.slice(0, 6), ...lines.slice(0, 2).map((l) => l.replace('2026-11-20', '2026-11-21')));
    const path = join(tempDir(), 'rfc3339');
    writeFileSync(path, lines.join('\n') + '\n');
    const { fast, slow, rows } = await bothWays(path, '2026-11-21');
    expect(firstDifferences(rows)).toEqual([]);
    expect(counts(fast)).toEqual(counts(slow));
    expect(fast.fast).toBeGreaterThan(lines.length * 0.4);
  });
});

/** Text that steers pflogsumm's branches (and parseLine's), or breaks a field's shape. */
const TOKENS = [
  '<', '>', 'from=<', 'from=<x@Y.z>, size=12', ', size=7, nrcpt=2', 'to=<', 'to=<a@b.c>, relay=x, delay=1, status=sent',
  'orig_to=<o@p.q>, ', '[ID 123 mail.info] ', ': [ID 9 x] ', ': ', ']:', '[12]: ABCDE12345: client=x[1.2.3.4]',
  '[7]: 1A2B3C4D5E: reject: RCPT from x', ' header ', 'body ', 'END-OF-MESSAGE ', 'notification: ', 'sasl_username=u@v',
  ', sasl_username=', 'orig_queue_id=ZZZZZ', 'orig_queue_id=', ',', ', ', ')', '(', ' (', 'queued as ABC123',
  'queued as ', 'forwarded as X1', 'nrcpt=3', 'nrcpt=', '\t', ' ', '  ', '@', '=', 'reject: ', 'NOQUEUE', 'warning',
  'hold', 'discard', '127.', 'localhost', '::1]', '[', ']', '0', '00', '9999999999999999999', 'client=', 'status=',
  'delay=', 'delays=', 'dsn=', 'relay=', 'conn_use=3, ', 'uid=0 ', 'sender=', 'message-id=<', 'removed', 'postfix/',
  'postfix-script', 'smtpd', '/smtpd', 'cleanup', 'qmgr', 'pickup', 'master', 'postscreen', 'submission/', 'smtps/',
  'amavisd/smtpd', 'connect', 'disconnect',
  // bytes that keep a line off the fast path: Latin-1, UTF-8 ("ư"), a carriage return, the row separator
  '\xe9', '\xc6\xb0', '\r', '\x1f',
];

/** Template lines of every shape (from the real logs and a generated night), each altered many ways. */
function mutants(): string[] {
  const rng = new Rng('fastRows-mutants');
  const templates: string[] = [];
  for (const [name] of REAL) {
    const lines = readFileSync(join(REAL_LOGS, name), 'latin1').split('\n').filter((l) => /^[\x20-\x7e\t]+$/.test(l));
    for (let i = 0; i < lines.length; i += 40) templates.push(lines[i]!);
  }
  for (const timestamps of ['classic', 'rfc3339'] as const) {
    const generated = writeGeneratedLog(join(tempDir(), 'maillog'), { date: '2014-12-15', seed: 3, messages: 200, timestamps });
    templates.push(...readFileSync(generated, 'latin1').split('\n').filter((l, i) => l !== '' && i % 5 === 0));
  }
  const out: string[] = [];
  const at = (line: string) => rng.int(0, line.length);
  for (const line of templates) {
    out.push(line);
    for (let k = 0; k < 12; k++) {
      const op = rng.int(0, 5);
      let m = line;
      if (op <= 1) {
        const i = at(m);
        m = m.slice(0, i) + TOKENS[rng.int(0, TOKENS.length - 1)] + m.slice(i);
      } else if (op === 2) {
        const i = at(m);
        m = m.slice(0, i) + m.slice(Math.min(m.length, i + rng.int(1, 12)));
      } else if (op === 3) {
        const i = at(m);
        m = m.slice(0, i) + String.fromCharCode(rng.int(32, 126)) + m.slice(i + 1);
      } else if (op === 4) {
        const i = at(m);
        const j = Math.min(m.length, i + rng.int(1, 20));
        m = m.slice(0, j) + m.slice(i, j) + m.slice(j);
      } else {
        // another second, minute, hour or day of the timestamp (classic "Mmm dd hh:mm:ss" or RFC 3339)
        const digits = [...m.slice(0, /^\d/.test(m) ? 32 : 15)].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
        const i = digits[rng.int(0, digits.length - 1)] ?? 0;
        m = m.slice(0, i) + String(rng.int(0, 9)) + m.slice(i + 1);
      }
      out.push(m);
    }
  }
  return out;
}
