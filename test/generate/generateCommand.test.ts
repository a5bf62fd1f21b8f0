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
    const r = await run(['--profile', 'sonla-2025', '--out', out, '--mailboxes', '600', '--days', '1', '--until', '2026-03-02', '--seed', '3']);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['2026-03-02']);
    expect(r.out.trim().split('\n')).toHaveLength(1);
    expect(r.out).toMatch(/^Đã sinh 1 đêm \(2026-03-02 → 2026-03-02\) cho hồ sơ sonla-2025, hạt giống 3: /);
    expect(r.err).toContain('Đêm 2026-03-02:');
  });

  it.each([
    [['--profile', 'soctrang-2024'], /thiếu tùy chọn bắt buộc --out/],
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
    const r = await run(['--out', blocker, '--mailboxes', '500', '--days', '1']);
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
