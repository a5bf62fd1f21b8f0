/**
 * The loader on awkward nights: rotated .gz files, a log across 31/12, truncated/unknown/garbled lines (counted,
 * reported, sampled into quarantine, never a crash), and the same night loaded twice.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mailTotals } from '../../src/warehouse/maillog/summary.ts';
import { REAL_LOGS, loadNight, loaded, openWarehouse, pflogsumm, rows, tempDir, writeGeneratedLog } from './support.ts';

describe('rotated files', () => {
  it('reads maillog.1.gz before maillog, as one stream', async () => {
    const dir = tempDir();
    const older = writeGeneratedLog(join(dir, 'older.txt'), { date: '2026-11-20', seed: 21, messages: 200 });
    const newer = writeGeneratedLog(join(dir, 'maillog'), { date: '2026-11-21', seed: 22, messages: 200 });
    writeFileSync(join(dir, 'maillog.1.gz'), gzipSync(readFileSync(older)));
    const night = await loaded([join(dir, 'maillog'), join(dir, 'maillog.1.gz')], '2026-11-22');
    try {
      expect(await night.totals()).toEqual(pflogsumm([older, newer]));
      const files = await rows<{ file: string; file_order: number; bytes: number }>(night.conn, 'SELECT file, file_order, bytes::INTEGER AS bytes FROM mail_log_files ORDER BY file_order');
      expect(files.map((f) => f.file)).toEqual(['maillog.1.gz', 'maillog']);
      expect(files[0]!.bytes).toBe(readFileSync(older).length);
    } finally {
      night.close();
    }
  });
});

describe('a log across 31/12', () => {
  it('puts December lines in the old year and January lines in the new one', async () => {
    const dir = tempDir();
    const december = writeGeneratedLog(join(dir, 'dec'), { date: '2026-12-31', seed: 31, messages: 150 });
    const january = writeGeneratedLog(join(dir, 'jan'), { date: '2027-01-01', seed: 32, messages: 150 });
    const both = join(dir, 'maillog');
    writeFileSync(both, readFileSync(december, 'utf8') + readFileSync(january, 'utf8'));
    expect(readFileSync(both, 'utf8')).toMatch(/^Dec 31 /m);
    expect(readFileSync(both, 'utf8')).toMatch(/^Jan {2}1 /m);
    const night = await loaded([both], '2027-01-02');
    try {
      const days = await rows<{ day: string }>(night.conn, 'SELECT DISTINCT day::VARCHAR AS day FROM mail_daily_totals ORDER BY 1');
      expect(days.map((d) => d.day)).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'].slice(0, days.length));
      expect(days[0]!.day).toBe('2026-12-31');
      const dec = await mailTotals(night.conn, { from: '2026-12-31', to: '2026-12-31' });
      const decLines = readFileSync(both, 'utf8').split('\n').filter((l) => l.startsWith('Dec 31 ')).join('\n') + '\n';
      writeFileSync(join(dir, 'only-dec'), decLines);
      const expected = pflogsumm([join(dir, 'only-dec')]);
      // counts that do not depend on lines of other days
      expect([dec.received, dec.rejected, dec.deferrals, dec.bounced]).toEqual([expected.received, expected.rejected, expected.deferrals, expected.bounced]);
      expect(await night.totals()).toEqual(pflogsumm([both]));
    } finally {
      night.close();
    }
  });
});

describe('bad lines', () => {
  it('counts, reports and samples garbled, unknown and truncated lines; totals stay pflogsumm’s', async () => {
    const dir = tempDir();
    const good = readFileSync(join(REAL_LOGS, 'kdent_mail.log'), 'utf8').split('\n').filter(Boolean);
    const lines = [...good.slice(0, 100), '\u0000\u0001 ### not a syslog line', ...good.slice(100, 200),
      'Jun 12 10:00:00 mail postfix/qmgr[1]: 4A1B2C3D4E: frobnicated the queue file', ...good.slice(200)];
    const last = good[good.length - 1]!;
    const file = join(dir, 'maillog');
    writeFileSync(file, [...lines, last.slice(0, Math.floor(last.length / 2))].join('\n')); // no final newline
    const night = await loaded([file], '2014-06-13');
    try {
      expect(await night.totals()).toEqual(pflogsumm([file]));
      expect(night.warnings).toHaveLength(1);
      expect(night.warnings[0]).toMatch(/^maillog: 1 dòng không đọc được, 1 dòng Postfix loại không nhận ra, dòng cuối bị cắt/);
      expect(night.quarantine.map((q) => [q.file, q.line])).toEqual([['maillog', 101], ['maillog', 202], ['maillog', lines.length + 1]]);
      expect(night.quarantine[1]!.raw).toContain('frobnicated');
      expect(night.quarantine.every((q) => q.reason.length > 10)).toBe(true);
      const [f] = await rows<{ garbled: number; unknown: number; truncated_last: boolean }>(
        night.conn, 'SELECT garbled::INTEGER AS garbled, unknown::INTEGER AS unknown, truncated_last FROM mail_log_files');
      expect(f).toEqual({ garbled: 1, unknown: 1, truncated_last: true });
    } finally {
      night.close();
    }
  });

  it('samples at most 20 bad lines of a kind per file, but counts them all', async () => {
    const file = join(tempDir(), 'maillog');
    writeFileSync(file, Array.from({ length: 50 }, (_, i) => `garbage line ${i}`).join('\n') + '\n');
    const night = await loaded([file], '2026-11-21');
    try {
      expect(night.quarantine).toHaveLength(20);
      expect(night.warnings[0]).toContain('50 dòng không đọc được');
      expect(await night.totals()).toMatchObject({ received: 0, delivered: 0 });
    } finally {
      night.close();
    }
  });
});

describe('the same night twice', () => {
  it('replaces the night’s rows instead of adding to them', async () => {
    const file = join(tempDir(), 'maillog');
    copyFileSync(join(REAL_LOGS, 'fony_maillog'), file);
    const { conn, close } = await openWarehouse();
    try {
      await loadNight(conn, [file], '2015-05-28');
      const once = await mailTotals(conn);
      const count = async () => rows(conn, `SELECT (SELECT count(*) FROM mail_messages)::INTEGER AS m, (SELECT count(*) FROM mail_deliveries)::INTEGER AS d,
        (SELECT count(*) FROM mail_rejects)::INTEGER AS r, (SELECT count(*) FROM mail_daily_totals)::INTEGER AS t, (SELECT count(*) FROM mail_log_files)::INTEGER AS f`);
      const before = await count();
      await loadNight(conn, [file], '2015-05-28');
      expect(await mailTotals(conn)).toEqual(once);
      expect(await count()).toEqual(before);
    } finally {
      close();
    }
  });
});

describe('retention (004 Điều 9 khoản 1: logs kept at least 6 months)', () => {
  it('purges facts older than the profile’s logRetentionMonths, keeps the daily aggregates', async () => {
    const dir = tempDir();
    const early = writeGeneratedLog(join(dir, 'early'), { date: '2026-01-10', seed: 41, messages: 80 });
    const within = writeGeneratedLog(join(dir, 'within'), { date: '2026-02-10', seed: 42, messages: 80 });
    const late = writeGeneratedLog(join(dir, 'late'), { date: '2026-08-20', seed: 43, messages: 80 });
    const { conn, close } = await openWarehouse();
    try {
      await conn.run("INSERT INTO warehouse_meta VALUES ('policy', 'soctrang-2024')");
      await loadNight(conn, [early], '2026-01-11');
      await loadNight(conn, [within], '2026-02-11');
      const before = await mailTotals(conn, { from: '2026-01-10', to: '2026-01-10' });
      await loadNight(conn, [late], '2026-08-21');
      const days = await rows<{ day: string }>(conn, 'SELECT DISTINCT day::VARCHAR AS day FROM mail_deliveries ORDER BY 1');
      expect(days.map((d) => d.day).filter((d) => d < '2026-02-21')).toEqual([]); // 2026-08-21 minus 6 months
      expect(days.some((d) => d.day.startsWith('2026-08-2'))).toBe(true);
      const [kept] = await rows<{ n: number }>(conn, "SELECT count(*)::INTEGER AS n FROM mail_daily_totals WHERE day = DATE '2026-01-10'");
      expect(kept!.n).toBe(1);
      expect(await mailTotals(conn, { from: '2026-01-10', to: '2026-01-10' })).toEqual(before);
    } finally {
      close();
    }
  });
});

describe('files that cannot be read whole', () => {
  it('a .gz cut short: the lines before the cut are loaded, the file is reported and quarantined', async () => {
    const dir = tempDir();
    const plain = writeGeneratedLog(join(dir, 'plain'), { date: '2026-11-20', seed: 51, messages: 300 });
    const gz = gzipSync(readFileSync(plain));
    const cut = join(dir, 'maillog.1.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    const night = await loaded([cut], '2026-11-21');
    try {
      const [f] = await rows<{ lines: number }>(night.conn, 'SELECT lines::INTEGER AS lines FROM mail_log_files');
      expect(f!.lines).toBeGreaterThan(100);
      expect(night.warnings.join('\n')).toContain('tệp nén bị cắt cụt hoặc hỏng');
      expect(night.quarantine.some((q) => q.file === 'maillog.1.gz' && q.line === null && q.reason.includes('tệp nén'))).toBe(true);
      expect((await night.totals()).received).toBeGreaterThan(0);
    } finally {
      night.close();
    }
  });

  it('a missing file fails the run with a Vietnamese message', async () => {
    const { conn, close } = await openWarehouse();
    try {
      await expect(loadNight(conn, [join(tempDir(), 'maillog')], '2026-11-21')).rejects.toThrow(/không đọc được tệp nhật ký thư/);
    } finally {
      close();
    }
  });
});
