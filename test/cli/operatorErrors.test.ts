/**
 * Errors an operator meets, made to happen for real through the CLI process (issue 20): a disk that fills up while
 * the warehouse is written or the site built, a folder the service user may not write. Each is one Vietnamese
 * sentence naming the file and what to do, exit 1, the engine's words at most on the second line, and the warehouse
 * and site of the night before untouched. A full disk needs a small tmpfs and a permission needs another user: root
 * only (in a private mount namespace, nothing to clean up); elsewhere the tests say they were skipped.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tempDir } from '../fixtures/warehouseSupport.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'scripts', 'cli.mjs');
const asRoot = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
if (!asRoot) console.warn('operatorErrors.test.ts: bỏ qua — cần root (tmpfs nhỏ, người dùng khác) để gây lỗi đầy đĩa và thiếu quyền thật');

/** Runs `command` in a private mount namespace where `dir` is a fresh tmpfs of `size`. */
function onSmallDisk(dir: string, size: string, command: string) {
  mkdirSync(dir, { recursive: true });
  return spawnSync('unshare', ['-m', 'bash', '-c', `mount -t tmpfs -o size=${size} tmpfs ${dir} && ${command}`], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' },
  });
}

/** The failure's lines (time stamps off): one Vietnamese sentence, then at most the engine's words. */
function failureLines(stderr: string): string[] {
  const lines = stderr.split('\n').map((l) => l.replace(/^\d{4}-\d\d-\d\dT[\d:]+[+-]\d\d:\d\d /, ''));
  const at = lines.findIndex((l) => l.startsWith('Lỗi: '));
  return at < 0 ? [] : [lines[at]!, ...(lines[at + 1]?.startsWith('  (chi tiết') ? [lines[at + 1]!] : [])];
}

describe.skipIf(!asRoot)('errors an operator meets, for real', () => {
  it('the disk fills while the first night is written: one sentence naming the file, no warehouse left behind', () => {
    const dir = join(tempDir('tcv-full-'), 'srv');
    const night = join(FIXTURES, 'nights', '2026-11-20');
    const r = onSmallDisk(dir, '600k', `node ${CLI} ingest --exports ${night} --db ${dir}/w.duckdb; s=$?; ls -A ${dir}; exit $s`);
    expect(r.status, r.stderr).toBe(1);
    const [sentence, detail, ...rest] = r.stderr.split('\n').filter((l) => l.startsWith('Lỗi: ') || l.startsWith('  (chi tiết'));
    expect(sentence).toMatch(new RegExp(`^Lỗi: hết chỗ trống trên đĩa khi ghi ${dir}/\\S+: hãy giải phóng chỗ trống trên ổ chứa ${dir} \\(xem bằng df -h ${dir}\\) rồi chạy lại$`));
    expect(detail).toMatch(/^ {2}\(chi tiết: .*No space left on device\)$/);
    expect(rest).toEqual([]);
    expect(r.stdout.trim()).toBe(''); // the half-written working copy and its WAL removed
  }, 300_000);

  it('the disk holding the site fills during the build: one sentence naming the file, no half-built release left, the night loaded, status.json says failed', () => {
    const base = tempDir('tcv-full-site-');
    const exportsDir = join(base, 'exports');
    cpSync(join(FIXTURES, 'nights', '2026-11-20'), join(exportsDir, '2026-11-20'), { recursive: true });
    const out = join(base, 'site');
    const r = onSmallDisk(
      out,
      '1m',
      `node ${CLI} nightly --exports ${exportsDir} --db ${base}/w.duckdb --out ${out}; s=$?; ls -A ${out} ${out}/.releases; cat ${out}/status.json; exit $s`,
    );
    expect(r.status, r.stderr).toBe(1);
    const lines = failureLines(r.stderr);
    expect(lines[0]).toMatch(new RegExp(`^Lỗi: dựng trang lỗi, trang của lần trước vẫn được giữ nguyên: hết chỗ trống trên đĩa khi ghi ${out}/\\S*: hãy giải phóng chỗ trống trên ổ chứa ${out}`));
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^ {2}\(chi tiết: ENOSPC: no space left on device/)]);
    expect(r.stdout).not.toMatch(/^\d{8}T\d{6}-\d+$/m); // no release folder left
    expect(r.stdout).toMatch(/"state": "failed"/);
    expect(existsSync(join(base, 'w.duckdb'))).toBe(true); // the night itself is loaded: the next run only builds
  }, 300_000);

  it('the service user may not write beside the warehouse: one sentence naming the file and who', () => {
    const base = tempDir('tcv-perm-');
    chmodSync(base, 0o755);
    const srv = join(base, 'srv');
    mkdirSync(srv); // root's, 0755: not the service user's
    const night = join(base, '2026-11-20');
    cpSync(join(FIXTURES, 'nights', '2026-11-20'), night, { recursive: true });
    const r = spawnSync('runuser', ['-u', 'nobody', '--', 'node', CLI, 'ingest', '--exports', night, '--db', join(srv, 'w.duckdb')], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: '/tmp' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^Lỗi: người dùng nobody không có quyền truy cập ${srv}/w\\.duckdb\\.lock\\.\\d+\\.tmp: hãy cấp quyền cho người dùng này \\(chown hoặc chmod, xem docs/OPERATIONS\\.md mục Cài đặt\\) rồi chạy lại\\n {2}\\(chi tiết: EACCES: permission denied, open '[^']+'\\)\\n$`),
    );
    expect(readdirSync(srv)).toEqual([]);
  }, 300_000);
});
