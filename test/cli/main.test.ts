import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { COMMANDS } from '../../src/cli/commands/index.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), isTTY: false }, out, err };
}

describe('CLI contract (SPEC §2)', () => {
  it('no command: overview on stderr, exit 2', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.err.join('')).toContain('Cách dùng');
  });
  it('--help: overview on stdout, exit 0', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    expect(c.out.join('')).toContain('Mã thoát');
  });
  it('unknown command: exit 2 with a Vietnamese message', async () => {
    const c = capture();
    expect(await runCli(['xoa-het'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('không có lệnh "xoa-het"');
  });
  it.each(COMMANDS.map((c) => c.name))('%s --help prints usage, exit 0', async (name) => {
    const c = capture();
    expect(await runCli([name, '--help'], c.io)).toBe(0);
    expect(c.out.join('')).toMatch(/npm run cli -- /);
  });
  it.each(COMMANDS.map((c) => c.name))('%s with an unknown option: exit 2', async (name) => {
    const c = capture();
    expect(await runCli([name, '--khong-co'], c.io)).toBe(2);
    expect(c.err.join('')).toContain('tùy chọn không hợp lệ --khong-co');
  });
});
