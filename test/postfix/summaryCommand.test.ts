/** `ingest` then `summary --db FILE --json [--from --to]` through the CLI (SPEC §2, §4.3). */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { REAL_LOGS, pflogsumm, tempDir, writeGeneratedLog } from './support.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

const KEYS = ['received', 'delivered', 'deferred', 'deferrals', 'bounced', 'rejected', 'bytes_received', 'bytes_delivered',
  'senders', 'recipients', 'sending_domains', 'recipient_domains'];

describe('summary command', () => {
  it('after ingest, prints pflogsumm’s Grand Totals as one JSON object', async () => {
    const dir = tempDir();
    const night = join(dir, 'exports', '2014-06-13');
    mkdirSync(night, { recursive: true });
    copyFileSync(join(REAL_LOGS, 'kdent_mail.log'), join(night, 'maillog'));
    const db = join(dir, 'w.duckdb');
    const ingest = await cli('ingest', '--exports', night, '--db', db, '--json');
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout).rows_loaded).toMatchObject({ mail_messages: expect.any(Number), mail_deliveries: expect.any(Number), mail_rejects: 606 });
    const r = await cli('summary', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const totals = JSON.parse(r.stdout);
    expect(Object.keys(totals)).toEqual(KEYS);
    expect(totals).toEqual(pflogsumm([join(night, 'maillog')]));
    const again = await cli('ingest', '--exports', night, '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse((await cli('summary', '--db', db, '--json')).stdout)).toEqual(totals);
  });

  it('limits to a date range over several nights', async () => {
    const dir = tempDir();
    const exports = join(dir, 'exports');
    const files: string[] = [];
    for (const [night, day, seed] of [['2026-11-20', '2026-11-19', 1], ['2026-11-21', '2026-11-20', 2]] as const) {
      mkdirSync(join(exports, night), { recursive: true });
      files.push(writeGeneratedLog(join(exports, night, 'maillog'), { date: day, seed, messages: 120 }));
    }
    const db = join(dir, 'w.duckdb');
    expect((await cli('ingest', '--exports', exports, '--db', db)).code).toBe(0);
    const all = JSON.parse((await cli('summary', '--db', db, '--json')).stdout);
    const first = JSON.parse((await cli('summary', '--db', db, '--json', '--to', '2026-11-19')).stdout);
    const second = JSON.parse((await cli('summary', '--db', db, '--json', '--from', '2026-11-20', '--to', '2026-11-20')).stdout);
    const pf = [pflogsumm([files[0]!]), pflogsumm([files[1]!])];
    // the generated nights keep to their own day unless a retry runs past midnight
    expect(first.received + second.received).toBe(all.received);
    expect(first.received).toBe(pf[0]!.received);
    expect(second.rejected).toBe(pf[1]!.rejected);
    expect(all.senders).toBeLessThanOrEqual(first.senders + second.senders);
    const text = await cli('summary', '--db', db, '--from', '2026-11-19', '--to', '2026-11-19');
    expect(text.stdout).toContain('Tổng hợp nhật ký thư từ 19/11/2026 đến 19/11/2026');
    expect(text.stdout).toContain('thư nhận vào hàng đợi');
  });

  it('weekly rotation through the CLI: three nights copy the growing mail.log; summary equals pflogsumm once', async () => {
    const dir = tempDir();
    const lines = readFileSync(join(REAL_LOGS, 'louis_mail.log'), 'latin1').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const cuts = [Math.floor(lines.length / 3), Math.floor((lines.length * 2) / 3), lines.length];
    for (const [k, night] of ['2014-12-15', '2014-12-16', '2014-12-17'].entries()) {
      mkdirSync(join(dir, 'exports', night), { recursive: true });
      writeFileSync(join(dir, 'exports', night, 'mail.log'), Buffer.from(lines.slice(0, cuts[k]).join('\n') + '\n', 'latin1'));
    }
    const db = join(dir, 'w.duckdb');
    const ingest = await cli('ingest', '--exports', join(dir, 'exports'), '--db', db, '--json');
    expect(ingest.code).toBe(0);
    expect(JSON.parse(ingest.stdout).warnings).toEqual([
      expect.stringMatching(/^2014-12-16: mail\.log: bỏ qua [\d.]+ dòng đã nạp ở đêm 15\/12\/2014/),
      expect.stringMatching(/^2014-12-17: mail\.log: bỏ qua [\d.]+ dòng đã nạp ở đêm 15\/12\/2014, 16\/12\/2014/),
    ]);
    const totals = JSON.parse((await cli('summary', '--db', db, '--json')).stdout);
    expect(totals).toEqual(pflogsumm([join(dir, 'exports', '2014-12-17', 'mail.log')]));
  });

  it.each([
    [['--json'], 2, 'thiếu tùy chọn bắt buộc --db'],
    [['--db', 'x.duckdb', '--from', '2026-02-30'], 2, '--from phải là một ngày dạng YYYY-MM-DD'],
    [['--db', 'x.duckdb', '--from', '2026-03-02', '--to', '2026-03-01'], 2, 'sau --to'],
    [['--db', '/nonexistent/w.duckdb', '--json'], 1, 'không tìm thấy kho dữ liệu'],
  ])('%j → exit %i', async (args, code, message) => {
    const r = await cli('summary', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('has Vietnamese --help', async () => {
    const r = await cli('summary', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: npm run cli -- summary --db TỆP');
  });
});
