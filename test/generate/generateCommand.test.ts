import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

const temp = mkdtempSync(join(tmpdir(), 'tcv-generate-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['generate', ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false });
  return { code, out: out.join(''), err: err.join('') };
}

describe('generate command (SPEC §2)', () => {
  it('writes the nights, progress on stderr and one summary line on stdout', async () => {
    const out = join(temp, 'ok');
    const r = await run(['--profile', 'sonla-2025', '--out', out, '--mailboxes', '600', '--days', '1', '--months', '0', '--until', '2026-03-02', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['2026-03-02']);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^Đã sinh 1 đêm \(2026-03-02 → 2026-03-02\) cho hồ sơ sonla-2025, hạt giống 3: /);
    expect(r.err).toContain('Đêm 2026-03-02:');
  });

  it('puts month folders of history before the nights, with a mail log per day, at the share of traffic asked', async () => {
    const out = join(temp, 'months');
    const r = await run(['--profile', 'sonla-2025', '--out', out, '--mailboxes', '300', '--days', '2', '--months', '2', '--until', '2026-03-02', '--mail-volume', '2']);
    expect(r.code).toBe(0);
    // The month of the first night counts as one of the months: 1–28 February, then January.
    expect(readdirSync(out)).toEqual(['2026-01-31', '2026-02-28', '2026-03-01', '2026-03-02']);
    const january = readdirSync(join(out, '2026-01-31'));
    expect(january.filter((f) => f.startsWith('maillog-'))).toHaveLength(31);
    expect(january).toEqual(expect.arrayContaining(['maillog-20260101', 'maillog-20260131', 'zimbra-accounts.txt', 'quota.txt', 'logins.csv']));
    expect(readdirSync(join(out, '2026-02-28'))).toContain('mailboxes.csv');
    expect(readdirSync(join(out, '2026-03-02'))).toContain('maillog');
    expect(r.out).toMatch(/^Đã sinh 2 tháng và 2 đêm \(2026-01-01 → 2026-03-02\) cho hồ sơ sonla-2025, hạt giống 1: /);
    expect(r.err).toContain('Tháng 01/2026 (2026-01-01 → 2026-01-31):');
  });

  it.each([
    [['--profile', 'soctrang-2024'], /thiếu tùy chọn bắt buộc --out/],
    [['--out', 'x', '--months', '37'], /--months phải từ 0 đến 36/],
    [['--out', 'x', '--mail-volume', '0'], /--mail-volume phải từ 1 đến 100/],
    [['--out', 'x', '--profile', 'sonla-2025', '--until', '2026-03-02'], /dữ liệu phải bắt đầu từ 2025-07-01 trở đi .* bắt đầu từ 2025-02-01/],
    [['--out', 'x', '--profile', 'hanoi-2025'], /không có hồ sơ "hanoi-2025"/],
    [['--out', 'x', '--until', '20/11/2026'], /--until phải là một ngày dạng YYYY-MM-DD/],
    [['--out', 'x', '--profile', 'sonla-2025', '--until', '2025-06-30'], /--until phải từ 2025-07-31/],
    [['--out', 'x', '--mailboxes', '0'], /--mailboxes phải từ 1/],
    [['--out', 'x', '--days', 'ba'], /--days phải là một số nguyên/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('fails with exit 1 when the output folder cannot be written', async () => {
    const blocker = join(temp, 'file');
    writeFileSync(blocker, 'not a folder');
    const r = await run(['--out', blocker, '--mailboxes', '500', '--days', '1', '--months', '0']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Lỗi: không ghi được vào /m);
  });

  it('explains itself in Vietnamese with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Sinh bộ dữ liệu xuất mẫu');
    expect(r.out).toContain('zimbra-accounts.txt');
  });
});
