import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['address', ...args], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    isTTY: false,
  });
  return { code, out: out.join(''), err: err.join('') };
}

describe('address command (SPEC §2)', () => {
  it.each([
    {
      args: ['Dương Chí Nguyện', 'Dư Cao Nguyên', 'Dương Chí Nguyện'],
      lines: ['dcnguyen@soctrang.gov.vn', 'dcnguyen1@soctrang.gov.vn', 'dcnguyen2@soctrang.gov.vn'],
    },
    {
      args: ['--profile', 'soctrang-2014', '--org', 'sotttt', 'Nguyễn Thanh Bình', 'Đoàn Văn Thông', 'Nguyễn Thanh Bình', 'Nguyễn Thanh Bình'],
      lines: ['ntbinh@soctrang.gov.vn', 'dvthong@soctrang.gov.vn', 'ntbinh.sotttt@soctrang.gov.vn', 'ntbinh2.sotttt@soctrang.gov.vn'],
    },
    {
      args: ['--profile', 'sonla-2025', '--org', 'SoKHCN', 'Nguyễn Thanh Bình', 'NGUYỄN THANH BÌNH'.normalize('NFD')],
      lines: ['binhnt.sokhcn@sonla.gov.vn', 'binhnt2.sokhcn@sonla.gov.vn'],
    },
    {
      args: ['--profile', 'soctrang-2024', 'Thạch Thị|Sa Rươne', "Ksor H'Lim", '  Giàng  A\u00a0Páo '],
      lines: ['ttsaruone@soctrang.gov.vn', 'khlim@soctrang.gov.vn', 'gapao@soctrang.gov.vn'],
    },
  ])('prints one address per name: $lines', async ({ args, lines }) => {
    const r = await run(args);
    expect(r).toEqual({ code: 0, out: lines.map((l) => `${l}\n`).join(''), err: '' });
  });

  it('--help explains the formats and the given-name marker in Vietnamese', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('npm run cli -- address');
    expect(r.out).toContain('"Thạch Thị|Sa Rươne" → ttsaruone');
    expect(r.out).toContain('ntbinh, ntbinh.sokhcn, ntbinh2.sokhcn');
    expect(r.out).toContain('binhnt.sokhcn, binhnt2.sokhcn');
  });

  it.each([
    { label: 'unknown profile', args: ['--profile', 'hanoi-2030', 'Nguyễn Văn An'], message: 'không có hồ sơ "hanoi-2030"' },
    { label: 'sonla-2025 without --org', args: ['--profile', 'sonla-2025', 'Nguyễn Văn An'], message: 'cần --org' },
    { label: 'no name', args: [], message: 'cần ít nhất một họ tên' },
    { label: 'unusable --org', args: ['--org', 'sở tt&tt', 'Nguyễn Văn An'], message: '--org' },
    {
      label: 'soctrang-2014 duplicate without --org',
      args: ['--profile', 'soctrang-2014', 'Nguyễn Thanh Bình', 'Nguyễn Thanh Bình'],
      message: '003 Điều 3 khoản 3 điểm b',
    },
  ])('$label: exit 2 with a message', async ({ args, message }) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('an unusable name: exit 1 naming it, nothing printed', async () => {
    const r = await run(['Nguyễn Văn An', '123', 'Thạch Thị|']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('họ tên thứ 2: họ tên "123" không còn chữ cái nào');
    expect(r.err).toContain('họ tên thứ 3: họ tên "Thạch Thị|"');
  });
});
