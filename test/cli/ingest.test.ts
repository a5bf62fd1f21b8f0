import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { acquireLock } from '../../src/system/lock.ts';
import { copyFixture, FIXTURES, sha256File, tempDir } from '../fixtures/warehouseSupport.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), isTTY: false },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

async function cli(...args: string[]) {
  const c = capture();
  const code = await runCli(['ingest', ...args], c.io);
  return { code, stdout: c.out(), stderr: c.err() };
}

describe('ingest command (SPEC §2)', () => {
  it('--json prints exactly one object with rows_loaded, rows_quarantined and warnings', async () => {
    const db = join(tempDir(), 'w.duckdb');
    const r = await cli('--exports', join(FIXTURES, 'bad-input', 'duplicates', '2026-11-20'), '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ rows_loaded: { agencies: 3, mailboxes: 2, logins: 2 }, rows_quarantined: 3, warnings: [] });
  });

  it('prints a Vietnamese summary, and says so when the night is already loaded (warehouse untouched)', async () => {
    const db = join(tempDir(), 'w.duckdb');
    const night = join(FIXTURES, 'nights', '2026-11-20');
    const first = await cli('--exports', night, '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'Đêm 20/11/2026 — lượt nạp 1',
        '  Đã nạp: agencies 4, mailboxes 6, logins 3, requests 2, incidents 1',
        '  Cách ly: 0 dòng',
        '  Quy chế áp dụng: soctrang-2024 (nhận ra từ tên miền soctrang.gov.vn)',
        '',
      ].join('\n'),
    );
    const before = sha256File(db);
    const again = await cli('--exports', night, '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      rows_loaded: {},
      rows_quarantined: 0,
      warnings: ['đêm 2026-11-20 đã được nạp với đúng các tệp này (lượt 1) — không thay đổi gì'],
    });
    expect(sha256File(db)).toBe(before);
  });

  it('a parent folder ingests every night in date order; --json sums them and prefixes warnings by night', async () => {
    const root = tempDir();
    copyFixture('nights/2026-11-20', join(root, 'exports', '2026-11-20'));
    copyFixture('bad-input/extra-columns/2026-11-20', join(root, 'exports', '2026-11-21'));
    // the login audit comes every night once it comes (a night without it fails: test/cli/nightlyOperations.test.ts)
    copyFixture('nights/2026-11-21/logins.csv', join(root, 'exports', '2026-11-21', 'logins.csv'));
    const r = await cli('--exports', join(root, 'exports'), '--db', join(root, 'w.duckdb'), '--json', '--profile', 'soctrang-2024');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      rows_loaded: { agencies: 6, mailboxes: 7, logins: 3 + 4, requests: 2, incidents: 1 },
      rows_quarantined: 0,
      warnings: ['2026-11-21: agencies.csv: bỏ qua cột thừa Ghi chú, Người nhập', '2026-11-21: mailboxes.csv: bỏ qua cột thừa Số hiệu phiếu'],
    });
  });

  it.each([
    [['--db', 'w.duckdb'], 'thiếu tùy chọn bắt buộc --exports'],
    [['--exports', 'x'], 'thiếu tùy chọn bắt buộc --db'],
    [['--exports', 'x', '--db', 'w.duckdb', '--wait', 'mãi'], '--wait phải là một số nguyên không âm (nhận được "mãi")'],
    [['--exports', 'x', '--db', 'w.duckdb', '--profile', 'hanoi-2030'], 'không có hồ sơ "hanoi-2030"'],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('a folder that is not an export fails with exit 1 naming it', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'tai-lieu'));
    const r = await cli('--exports', join(root, 'tai-lieu'), '--db', join(root, 'w.duckdb'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Lỗi: ${join(root, 'tai-lieu')} không phải thư mục xuất của một đêm (tên dạng YYYY-MM-DD) và không chứa thư mục đêm nào\n`);
    const missing = await cli('--exports', join(root, 'khong-co'), '--db', join(root, 'w.duckdb'));
    expect(missing).toMatchObject({ code: 1, stderr: `Lỗi: không tìm thấy thư mục xuất ${join(root, 'khong-co')}\n` });
  });

  it('an unreadable file fails with exit 1 and a message naming it; the warehouse stays byte-identical', async () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    expect((await cli('--exports', join(FIXTURES, 'nights', '2026-11-20'), '--db', db)).code).toBe(0);
    const before = sha256File(db);
    const r = await cli('--exports', join(FIXTURES, 'bad-input', 'corrupt', '2026-11-20'), '--db', db, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Lỗi: không đọc được tệp .*corrupt\/2026-11-20\/agencies\.csv: tệp có dạng bảng tính Excel/);
    expect(sha256File(db)).toBe(before);
  });

  it.each([
    ['question-marks', 'mailboxes.csv', /các chữ tiếng Việt đã bị thay bằng dấu "\?"/, { agencies: 4 }],
    ['windows-1258', null, null, { agencies: 4, mailboxes: 6 }],
  ] as const)('%s: exit code and message', async (name, file, message, loaded) => {
    const night = join(FIXTURES, 'bad-input', name, '2026-11-20');
    const strict = await cli('--exports', night, '--db', join(tempDir(), 'w.duckdb'), '--json');
    if (file === null) {
      expect(strict.code).toBe(0);
      expect(JSON.parse(strict.stdout).rows_loaded).toEqual(loaded);
      return;
    }
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(new RegExp(`^Lỗi: không đọc được tệp .*${file.replace('.', '\\.')}: ${message!.source}`));
    const partial = await cli('--exports', night, '--db', join(tempDir(), 'w.duckdb'), '--json', '--partial');
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout).rows_loaded).toEqual(loaded);
  });

  it('a file in no encoding it can be sure of fails the night (exit 1); --partial loads the rest and lists the gap', async () => {
    const night = join(FIXTURES, 'bad-input', 'unsure-encoding', '2026-11-20');
    const db = join(tempDir(), 'w.duckdb');
    const strict = await cli('--exports', night, '--db', db, '--json');
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toMatch(/^Lỗi: không đọc được tệp .*incidents\.csv: tệp không phải Unicode .*--partial/);
    expect(existsSync(db)).toBe(false);

    const partial = await cli('--exports', night, '--db', db, '--json', '--partial');
    expect(partial.code).toBe(0);
    const json = JSON.parse(partial.stdout);
    expect(json.rows_loaded).toEqual({ agencies: 3, logins: 1, incidents: 0 });
    expect(json.gaps).toEqual([{ night: '2026-11-20', file: 'incidents.csv', reason: expect.stringMatching(/^tệp không phải Unicode/) }]);

    const human = await cli('--exports', night, '--db', join(tempDir(), 'w.duckdb'), '--partial');
    expect(human.stdout).toContain('Nạp một phần (--partial), thiếu 1 tệp:\n    - incidents.csv: tệp không phải Unicode');
  });

  it('a second concurrent run is refused with exit 1 naming the holder PID (real process)', () => {
    const root = tempDir();
    const db = join(root, 'w.duckdb');
    return acquireLock(`${db}.lock`, 0).then((release) => {
      try {
        const run = spawnSync(process.execPath, ['scripts/cli.mjs', 'ingest', '--exports', join(FIXTURES, 'nights', '2026-11-20'), '--db', db], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
        });
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(
          new RegExp(`^Lỗi: kho dữ liệu đang được một tiến trình khác cập nhật \\(PID ${process.pid} \\(lệnh: .*node.*, người dùng \\w+\\), từ \\d{4}-\\d\\d-\\d\\dT[\\d:]+\\+07:00; tệp khóa ${db}\\.lock\\)`),
        );
        expect(run.stdout).toBe('');
      } finally {
        release();
      }
    });
  });

  it('takes over a lock left by a killed run (its PID no longer exists)', async () => {
    const db = join(tempDir(), 'w.duckdb');
    writeFileSync(`${db}.lock`, '4194000\n');
    const r = await cli('--exports', join(FIXTURES, 'nights', '2026-11-20'), '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it('--wait waits for the lock to be released, then ingests', async () => {
    const db = join(tempDir(), 'w.duckdb');
    const release = await acquireLock(`${db}.lock`, 0);
    setTimeout(release, 400);
    const r = await cli('--exports', join(FIXTURES, 'nights', '2026-11-20'), '--db', db, '--wait', '10', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`^Kho đang được tiến trình PID ${process.pid} \\(lệnh: .*\\) cập nhật — chờ tối đa 10 giây…\n$`));
    expect(JSON.parse(r.stdout).rows_loaded.mailboxes).toBe(6);
  });
});
