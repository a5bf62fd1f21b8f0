import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { Fixture } from './fixture.ts';
import { buildProvince } from './province.ts';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'score-cmd-'));
  db = join(dir, 'warehouse.duckdb');
  const f = await Fixture.create(db);
  await buildProvince(f);
  await f.meta('policy', 'soctrang-2024');
  await f.mailbox({ address: 'xss@soctrang.gov.vn', agency: 'SYT', seenFrom: '2025-01-01', name: '=HYPERLINK("http://x")', forwardTo: ['-x@evil.vn'] });
  await f.conn.run('CHECKPOINT');
  f.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe('score command', () => {
  it('--json is one object, byte-identical across runs', async () => {
    const a = await cli('score', '--db', db, '--period', '2025', '--json');
    const b = await cli('score', '--db', db, '--period', '2025', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const parsed = JSON.parse(a.out);
    expect(parsed.profile).toBe('soctrang-2024');
    expect(parsed.methodVersion).toBe('tcv-2024.1+pp1');
    expect(parsed.agencies.every((x: { methodVersion: string }) => x.methodVersion === 'tcv-2024.1+pp1')).toBe(true);
  });

  it('prints a Vietnamese table by group with ranks and scores', async () => {
    const { code, out } = await cli('score', '--db', db, '--period', '2025-H2');
    expect(code).toBe(0);
    expect(out).toContain('Điểm tuân thủ quy chế thư điện tử — 6 tháng cuối năm 2025 (01/07/2025–31/12/2025)');
    expect(out).toContain('Nhóm Sở, ban, ngành (3 cơ quan, đơn vị)');
    expect(out).toContain('Quy định áp dụng: Sóc Trăng — QĐ 59/2024/QĐ-UBND');
    expect(out).toContain('Điểm được chấm theo bộ tiêu chí năm 2024 theo Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND, cách tính điểm lần thứ nhất.');
    // No machine code in what a reader sees (SPEC §6): no group slug, profile id or method id.
    expect(out).not.toMatch(/so-nganh|soctrang-2024|tcv-2024|pp1/);
    expect(out).toMatch(/\n {3}2 {2}SKHCN +Sở Khoa học và Công nghệ +\d+,\d +\d+,\d +-\d+,\d\n {3}2 {2}SNV +Sở Nội vụ tỉnh /);
  });

  it('--profile overrides the warehouse profile', async () => {
    const { out } = await cli('score', '--db', db, '--period', '2025', '--json', '--profile', 'sonla-2025');
    expect(JSON.parse(out).methodVersion).toBe('tcv-sonla-2025.1+pp1');
  });

  it('--lists writes the regulation lists as formula-safe CSV with a BOM', async () => {
    const out = join(dir, 'lists');
    const { code, err } = await cli('score', '--db', db, '--period', '2025', '--json', '--lists', out);
    expect(code).toBe(0);
    expect(err).toContain('chuyen-tiep-ra-ngoai.csv: 2 hộp thư');
    const csv = readFileSync(join(out, 'chuyen-tiep-ra-ngoai.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFSTT,Địa chỉ hộp thư,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('Tự động chuyển thư tới -x@evil.vn.');
    const passwords = readFileSync(join(out, 'mat-khau.csv'), 'utf8');
    expect(passwords).toContain('k1@soctrang.gov.vn');
    expect(passwords).toContain('điểm c khoản 2 Điều 8 Quy chế ban hành kèm theo Quyết định số 59/2024/QĐ-UBND');
  });

  it.each([
    [['score', '--db', 'x.duckdb'], 'thiếu tùy chọn bắt buộc --period'],
    [['score', '--period', '2025'], 'thiếu tùy chọn bắt buộc --db'],
    [['score', '--db', 'x.duckdb', '--period', '2025-H3'], 'không hợp lệ'],
    [['score', '--db', 'x.duckdb', '--period', '2025', '--profile', 'hanoi'], 'không có hồ sơ "hanoi"'],
  ])('usage error %j → exit 2', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('a missing warehouse is a failed run (exit 1)', async () => {
    const { code, err } = await cli('score', '--db', join(dir, 'none.duckdb'), '--period', '2025');
    expect(code).toBe(1);
    expect(err).toContain('không tìm thấy kho dữ liệu');
  });
});
