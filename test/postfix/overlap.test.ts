/**
 * Nights whose logs overlap (SPEC §3.3): a line loaded once is never counted again, whatever the rotation. After each
 * sequence of nights, the warehouse's totals equal pflogsumm run once on the same lines without duplicates, bytes
 * included. Cut points fall inside a second that many lines share, as a rotation cuts a busy log.
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateMaillogLines } from '../../src/generate/maillog.ts';
import { mailTotals } from '../../src/warehouse/maillog/summary.ts';
import { REAL_LOGS, loadNight, openWarehouse, pflogsumm, rows, tempDir } from './support.ts';

type NightFiles = Record<string, string[] | Buffer>;

/** The lines of a real log, without its last empty string. */
function linesOf(name: string): string[] {
  return readFileSync(join(REAL_LOGS, name), 'latin1').split('\n').filter((l, i, a) => i < a.length - 1 || l !== '');
}

/** Lines that become events (counted): a cut between two of them in one second is the hard case. */
const EVENT = /: (client=|from=<|to=<|reject: |uid=)/;

/** An index near `fraction` of `lines` where the line before it and the line at it are both events of the same
 * second: a rotation that cut inside a busy second. */
function midSecond(lines: readonly string[], fraction: number): number {
  const stamp = (l: string) => l.slice(0, 15);
  for (let i = Math.floor(lines.length * fraction); i < lines.length; i++) {
    if (stamp(lines[i]!) === stamp(lines[i - 1]!) && EVENT.test(lines[i]!) && EVENT.test(lines[i - 1]!)) return i;
  }
  throw new Error('no second with two events');
}

const text = (lines: readonly string[]) => Buffer.from(lines.join('\n') + '\n', 'latin1');

/** Loads `nights` in order into one warehouse; returns the totals over every day, and each load's warnings. */
async function ingest(nights: readonly [string, NightFiles][]): Promise<{ totals: Awaited<ReturnType<typeof mailTotals>>; warnings: string[][]; skipped: number[] }> {
  const root = tempDir();
  const { conn, close } = await openWarehouse();
  try {
    const warnings: string[][] = [];
    for (const [k, [date, files]] of nights.entries()) {
      const dir = join(root, `${k}-${date}`);
      mkdirSync(dir, { recursive: true });
      const paths = Object.entries(files).map(([name, content]) => {
        const path = join(dir, name);
        writeFileSync(path, Buffer.isBuffer(content) ? content : text(content));
        return path;
      });
      warnings.push((await loadNight(conn, paths, date)).warnings);
    }
    const skipped = (await rows<{ d: number }>(conn, 'SELECT coalesce(sum(duplicates), 0)::INTEGER AS d FROM mail_log_files GROUP BY export_date ORDER BY export_date')).map((r) => r.d);
    return { totals: await mailTotals(conn), warnings, skipped };
  } finally {
    close();
  }
}

/** pflogsumm once on `lines` (written to a file). */
function reference(lines: readonly string[]): ReturnType<typeof pflogsumm> {
  const file = join(tempDir(), 'union.log');
  writeFileSync(file, text(lines));
  return pflogsumm([file]);
}

describe('overlapping nights, real logs', () => {
  const louis = linesOf('louis_mail.log');
  const c1 = midSecond(louis, 0.35);
  const c2 = midSecond(louis, 0.7);

  it('weekly rotation: each night copies the growing mail.log again', async () => {
    const r = await ingest([
      ['2014-12-15', { 'mail.log': louis.slice(0, c1) }],
      ['2014-12-16', { 'mail.log': louis.slice(0, c2) }],
      ['2014-12-17', { 'mail.log': louis }],
    ]);
    expect(r.totals).toEqual(reference(louis));
    expect(r.warnings[1]!.join('\n')).toMatch(/^mail\.log: bỏ qua [\d.]+ dòng đã nạp ở đêm 15\/12\/2014 \(nhật ký chồng lấn, không đếm lại\)$/);
    expect(r.skipped[0]).toBe(0);
    expect(r.skipped[2]!).toBeGreaterThan(r.skipped[1]!);
  });

  it('a .gz sent again the next night', async () => {
    const gz = gzipSync(text(louis.slice(0, c1)));
    const r = await ingest([
      ['2014-12-15', { 'maillog.1.gz': gz }],
      ['2014-12-16', { 'maillog.1.gz': gz, maillog: louis.slice(c1) }],
    ]);
    expect(r.totals).toEqual(reference(louis));
  });

  it('the same .gz twice in one night, beside a log that overlaps it', async () => {
    const gz = gzipSync(text(louis.slice(0, c2)));
    const r = await ingest([['2014-12-16', { 'maillog-20141215.gz': gz, 'maillog.1.gz': gz, maillog: louis.slice(c1) }]]);
    expect(r.totals).toEqual(reference(louis));
    expect(r.warnings[0]!.join('\n')).toContain('maillog-20141215.gz: bỏ qua'); // numbered rotations are read before dated ones
    expect(r.warnings[0]!.join('\n')).toContain('tệp trước trong cùng đêm');
  });

  it('nights loaded out of order, then the earlier night sent again with more lines', async () => {
    const later = ['2014-12-16', { maillog: louis.slice(c1) }] as [string, NightFiles];
    expect((await ingest([later, ['2014-12-15', { maillog: louis.slice(0, c2) }]])).totals).toEqual(reference(louis));
    const r = await ingest([
      ['2014-12-15', { maillog: louis.slice(0, c1 - 700) }],
      later,
      ['2014-12-15', { maillog: louis.slice(0, c2) }],
    ]);
    expect(r.totals).toEqual(reference(louis));
  });

  it('a night that also holds the previous day (a log crossing midnight)', async () => {
    const kdent = linesOf('kdent_mail2.log');
    const midnight = kdent.findIndex((l) => l.startsWith('Nov  2'));
    expect(midnight).toBeGreaterThan(0);
    const r = await ingest([
      ['2014-11-02', { maillog: kdent.slice(0, midnight) }],
      ['2014-11-03', { maillog: kdent }],
    ]);
    expect(r.totals).toEqual(reference(kdent));
  });

  it('the same line repeated within the cut second counts as often as it was logged', async () => {
    // a client retrying RCPT TO in one session: three identical rejects in one second, the rotation after the second
    const reject = 'Dec 15 10:00:00 phoenix postfix/smtpd[100]: NOQUEUE: reject: RCPT from unknown[203.0.113.9]: 554 5.7.1 ' +
      '<x@example.net>: Relay access denied; from=<a@example.org> to=<x@example.net> proto=ESMTP helo=<h>';
    const at = louis.findIndex((l) => l >= 'Dec 15 10:00:01');
    const lines = [...louis.slice(0, at), reject, reject, reject, ...louis.slice(at)];
    const r = await ingest([
      ['2014-12-15', { maillog: lines.slice(0, at + 2) }],
      ['2014-12-16', { maillog: lines }],
    ]);
    expect(r.totals).toEqual(reference(lines));
  });

  it('a night loaded before holdings were recorded: its span comes from its facts', async () => {
    const root = tempDir();
    const { conn, close } = await openWarehouse();
    try {
      const first = join(root, 'first.log');
      writeFileSync(first, text(louis.slice(0, c1)));
      await loadNight(conn, [first], '2014-12-15');
      await conn.run('DELETE FROM mail_log_held; DELETE FROM mail_log_held_lines'); // as an older warehouse has it
      const all = join(root, 'all.log');
      writeFileSync(all, text(louis));
      const second = await loadNight(conn, [all], '2014-12-16');
      expect(second.warnings.join('\n')).toMatch(/bỏ qua [\d.]+ dòng đã nạp ở đêm 15\/12\/2014/);
      const totals = await mailTotals(conn);
      const ref = reference(louis);
      // only the lines of the first night's first and last second, not known by content, may count twice
      const edgeLines = louis.slice(0, c1).filter((l) => l.startsWith(louis[0]!.slice(0, 15)) || l.startsWith(louis[c1 - 1]!.slice(0, 15)));
      expect(totals.received - ref.received).toBeGreaterThanOrEqual(0);
      expect(totals.received - ref.received).toBeLessThanOrEqual(edgeLines.length);
      expect(totals.delivered - ref.delivered).toBeLessThanOrEqual(edgeLines.length);
    } finally {
      close();
    }
  });

  it('re-ingesting the same nights changes nothing', async () => {
    const nights: [string, NightFiles][] = [['2014-12-15', { 'mail.log': louis.slice(0, c2) }], ['2014-12-16', { 'mail.log': louis }]];
    const once = await ingest(nights);
    const twice = await ingest([...nights, ...nights]);
    expect(twice.totals).toEqual(once.totals);
  });
});

describe('overlapping nights, other shapes', () => {
  const mailboxes = Array.from({ length: 120 }, (_, i) => ({ address: `user${i}@soctrang.gov.vn`, active: i % 25 !== 0, weight: 1 + (i % 5) }));
  const day = (date: string, seed: number, timestamps: 'classic' | 'rfc3339' = 'classic') =>
    [...generateMaillogLines({ date, domain: 'soctrang.gov.vn', seed, messages: 150, mailboxes, timestamps })];
  /** Several generated days as one log, in time order (retries past midnight interleave with the next day). */
  const stream = (days: string[][], stamp: (l: string) => string) =>
    days.flat().map((l, i) => ({ l, i })).sort((a, b) => (stamp(a.l) < stamp(b.l) ? -1 : stamp(a.l) > stamp(b.l) ? 1 : a.i - b.i)).map((x) => x.l);

  it('RFC 3339 timestamps: a weekly rotation over three days', async () => {
    const lines = stream([day('2026-11-18', 1, 'rfc3339'), day('2026-11-19', 2, 'rfc3339'), day('2026-11-20', 3, 'rfc3339')], (l) => l.slice(0, 32));
    const c1 = Math.floor(lines.length / 3);
    const c2 = Math.floor((lines.length * 2) / 3);
    const r = await ingest([
      ['2026-11-19', { 'mail.log': lines.slice(0, c1) }],
      ['2026-11-20', { 'mail.log': lines.slice(0, c2) }],
      ['2026-11-21', { 'mail.log': lines }],
    ]);
    expect(r.totals).toEqual(reference(lines));
  });

  it('across the year: classic timestamps of December and January in overlapping nights', async () => {
    const classicStamp = (l: string) => `${l.startsWith('Jan') ? '1' : '0'}${l.slice(0, 15)}`;
    const lines = stream([day('2026-12-31', 4), day('2027-01-01', 5)], classicStamp);
    const newYear = lines.findIndex((l) => l.startsWith('Jan'));
    const r = await ingest([
      ['2027-01-01', { maillog: lines.slice(0, newYear + 40) }],
      ['2027-01-02', { maillog: lines }],
    ]);
    expect(r.totals).toEqual(reference(lines));
  });

  it('two servers interleaved in one central syslog file, copied again the next night', async () => {
    const classic = (l: string) => l.slice(0, 15);
    const one = day('2026-11-20', 8);
    const two = day('2026-11-20', 9).map((l) => l.replace(/^(.{15}) mail /, '$1 mx2 '));
    const lines = stream([one, two], classic);
    const cut = midSecond(lines, 0.5);
    const r = await ingest([
      ['2026-11-20', { 'mail.log': lines.slice(0, cut) }],
      ['2026-11-21', { 'mail.log': lines }],
    ]);
    expect(r.totals).toEqual(reference(lines));
    expect(r.skipped[1]).toBeGreaterThan(0);
  });

  it('two mail servers in one night: the same times on two hosts are not duplicates', async () => {
    const one = day('2026-11-20', 6);
    const two = day('2026-11-20', 7).map((l) => l.replace(/^(.{15}) mail /, '$1 mx2 '));
    const r = await ingest([['2026-11-21', { 'maillog-mx1': one, 'maillog-mx2': two }]]);
    const both = join(tempDir(), 'both');
    writeFileSync(join(both + '.1'), text(one));
    writeFileSync(join(both + '.2'), text(two));
    expect(r.totals).toEqual(pflogsumm([both + '.1', both + '.2']));
    expect(r.skipped).toEqual([0]);
  });
});
