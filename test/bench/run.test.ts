/**
 * `npm run bench` end to end on small logs of every shape: it generates them (a Zimbra night with classic or RFC 3339
 * timestamps, a plain relay over ten days), takes an operator's own file with --log, runs pflogsumm and our CLI side by
 * side, prints the figures, and exits 0 only when the twelve totals agree. Where pflogsumm is not installed, the bench
 * measures our side alone and says so (the live comparison is skipped, and the test checks that it says so).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/run.ts';
import { parsePflogsumm, pflogsummUnits } from '../../src/bench/sideBySide.ts';
import { PFLOGSUMM_LIVE, REAL_LOGS, tempDir } from '../postfix/support.ts';

async function bench(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runBench(args, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

/** What the bench prints about pflogsumm: the ratio and equal totals where it runs, the note where it does not. */
function expectComparison(out: string): void {
  if (PFLOGSUMM_LIVE) {
    expect(out).toMatch(/pflogsumm\s+[\d,]+ s\s+[\d,]+ MB\/s/);
    expect(out).toMatch(/Tỉ lệ thời gian: (nhanh|chậm) hơn pflogsumm [\d,]+ lần; theo CPU: (nhanh|chậm) hơn/);
    expect(out).not.toContain('KHÁC pflogsumm');
    expect(out).toContain('Tổng số: trùng khớp với pflogsumm (12 chỉ tiêu)');
  } else {
    console.info('pflogsumm không có: bỏ qua so sánh trực tiếp của bench, chỉ kiểm tra phía dự án');
    expect(out).toContain('pflogsumm không có ở /usr/sbin/pflogsumm: chỉ đo phía dự án');
  }
  expect(out).toMatch(/ingest \+ summary\s+[\d,]+ s/);
}

describe('npm run bench', () => {
  it.each(['classic', 'rfc3339'])('measures both generated shapes side by side (%s timestamps on the Zimbra night)', async (timestamps) => {
    const dir = tempDir('tcv-bench-');
    const { code, out } = await bench(['--mb', '1', '--runs', '1', '--dir', dir, '--timestamps', timestamps]);
    expect(code).toBe(0);
    expectComparison(out);
    expect(out).toMatch(/^Zimbra \(amavis, 50\.000 hộp thư, dấu thời gian (cổ điển|RFC 3339)\): 1,0 MB, [\d.]+ dòng$/m);
    expect(out).toMatch(/^Postfix chuyển tiếp thuần \(không lọc nội dung, 10 ngày một tệp\): [\d,]+ MB, [\d.]+ dòng$/m);
    expect(out).toContain('Tóm tắt (tỉ lệ = thời gian pflogsumm / thời gian ingest + summary, trung vị):');
    const zimbra = readFileSync(join(dir, timestamps === 'classic' ? 'exports-1mb' : 'exports-1mb-rfc3339', '2026-11-21', 'maillog'), 'latin1');
    expect(zimbra.slice(0, 40)).toMatch(timestamps === 'classic' ? /^Nov 20 \d\d:\d\d:\d\d / : /^2026-11-20T\d\d:\d\d:\d\d\.\d{6}\+07:00 /);
    const plain = readFileSync(join(dir, 'plain-1mb', '2026-11-21', 'maillog'), 'latin1');
    expect(plain).not.toContain('amavis');
    expect(plain).not.toContain('sasl_username');
    expect(new Set(plain.split('\n').map((l) => l.slice(0, 6)).filter(Boolean)).size).toBeGreaterThan(5); // several days
  }, 300_000);

  it("measures an operator's own log with --log (a real log this project did not write)", async () => {
    const dir = tempDir('tcv-bench-');
    const { code, out } = await bench(['--runs', '1', '--dir', dir, '--shapes', '', '--log', join(REAL_LOGS, 'kdent_mail.log'), '--night', '2014-06-13']);
    expect(code).toBe(0);
    expect(out).toMatch(/^tệp .*kdent_mail\.log \(đêm 2014-06-13\): [\d,]+ MB, 6\.646 dòng$/m);
    expectComparison(out);
  }, 120_000);

  it('times a night against a history with --year (earlier nights, their held log ranges and open queue ids copied back)', async () => {
    const dir = tempDir('tcv-bench-');
    const { code, out } = await bench(['--mb', '1', '--runs', '1', '--dir', dir, '--shapes', 'zimbra', '--year', '--year-steps', '2,30']);
    expect(code).toBe(0);
    for (const days of [0, 2, 30]) expect(out).toMatch(new RegExp(`lịch sử +${days} ngày: ingest một đêm [\\d,]+ s; [\\d.]+ dòng chi tiết`));
  }, 300_000);

  it('refuses an unknown timestamp style or shape with its usage', async () => {
    for (const args of [['--timestamps', 'iso'], ['--shapes', 'exchange']]) {
      const { code, out } = await bench([...args, '--dir', tempDir('tcv-bench-')]);
      expect(code).toBe(2);
      expect(out).toContain('Cách dùng: npm run bench');
    }
  });

  it("reads pflogsumm's Grand Totals and prints numbers its way", () => {
    const text = [
      'Grand Totals', '------------', 'messages', '', '  58980   received', ' 377027   delivered', '      0   forwarded',
      '   1148   deferred  (2441  deferrals)', '    618   bounced', '  16930   rejected (4%)', '', '   2088m  bytes received',
      '  13809m  bytes delivered', '  46290   senders', '     14   sending hosts/domains', '  70237   recipients',
      '     13   recipient hosts/domains',
    ].join('\n');
    expect(parsePflogsumm(text)).toEqual({
      received: '58980', delivered: '377027', deferred: '1148', deferrals: '2441', bounced: '618', rejected: '16930',
      bytes_received: '2088m', bytes_delivered: '13809m', senders: '46290', recipients: '70237', sending_domains: '14',
      recipient_domains: '13',
    });
    expect(pflogsummUnits(2189763028)).toBe('2088m');
    expect(pflogsummUnits(536870912)).toBe('524288k');
    expect(pflogsummUnits(524289)).toBe('512k');
    expect(pflogsummUnits(524288)).toBe('524288');
  });
});
