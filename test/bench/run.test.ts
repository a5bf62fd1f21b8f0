/**
 * `npm run bench` end to end on a small night: it generates the log (classic or RFC 3339 timestamps), runs pflogsumm
 * and our CLI side by side, prints the figures, and exits 0 only when the twelve totals agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/run.ts';
import { parsePflogsumm, pflogsummUnits } from '../../src/bench/sideBySide.ts';
import { tempDir } from '../postfix/support.ts';

async function bench(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runBench(args, (line) => lines.push(line));
  return { code, out: lines.join('\n') };
}

describe('npm run bench', () => {
  it.each(['classic', 'rfc3339'])('measures pflogsumm and ingest + summary on a generated night (%s timestamps)', async (timestamps) => {
    const dir = tempDir('tcv-bench-');
    const { code, out } = await bench(['--mb', '1', '--runs', '1', '--no-strategies', '--dir', dir, '--timestamps', timestamps]);
    expect(out).toContain('Tổng số: trùng khớp với pflogsumm (12 chỉ tiêu)');
    expect(code).toBe(0);
    expect(out).toMatch(/pflogsumm\s+[\d,]+ s\s+[\d,]+ MB\/s/);
    expect(out).toMatch(/ingest \+ summary\s+[\d,]+ s/);
    expect(out).toMatch(/Tỉ lệ thời gian: nhanh hơn pflogsumm [\d,]+ lần/);
    const night = join(dir, timestamps === 'classic' ? 'exports-1mb' : 'exports-1mb-rfc3339', '2026-11-21', 'maillog');
    const first = readFileSync(night, 'latin1').slice(0, 40);
    expect(first).toMatch(timestamps === 'classic' ? /^Nov 20 \d\d:\d\d:\d\d / : /^2026-11-20T\d\d:\d\d:\d\d\.\d{6}\+07:00 /);
  }, 120_000);

  it('refuses an unknown timestamp style with its usage', async () => {
    const { code, out } = await bench(['--timestamps', 'iso', '--dir', tempDir('tcv-bench-')]);
    expect(code).toBe(2);
    expect(out).toContain('Cách dùng: npm run bench');
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
