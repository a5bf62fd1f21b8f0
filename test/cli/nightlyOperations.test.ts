/**
 * The nightly run as a province's server room runs it (issue 20), on generated nights, through the real CLI process
 * (scripts/cli.mjs) as cron or systemd starts it, pointed at the parent folder of the nights:
 * a reader holding the warehouse (waited for, or a Vietnamese message without engine text); a night without its mail
 * log and a night with a cut .gz (exit 1, warehouse and site unchanged; --partial loads them and records the gaps);
 * two runs killed with kill -9 during the build, then a good night (every kept release complete, leftovers gone,
 * rollback returns to the release live before them). The steps share one warehouse and site, in order.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, utimesSync, writeFileSync,
} from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { query, sha256File, tempDir } from '../fixtures/warehouseSupport.ts';
import { runbookScript } from './runbook.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NIGHTS = ['2026-11-14', '2026-11-15', '2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'];
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d /;
const ENGINE = /IO Error|Could not set lock|Conflicting lock|duckdb\.org|Error:|\n\s+at /;

let work: string;
let srv: string;
let generated: string;
let exportsDir: string;
let db: string;
let out: string;
let tmp: string;
/** The release live before the killed runs (where the rollback goes). */
let beforeLive: string;
let beforeId: string;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  pid: number;
}

/** Runs the compiled CLI in its own process; with `stopAt`, through test/fixtures/stoppingCli.mjs, which waits at that
 * stage of the run (CommandIO.atStage), and kills it there with SIGKILL. */
function cli(args: string[], stopAt?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const entry = stopAt ? ['test/fixtures/stoppingCli.mjs', stopAt] : ['scripts/cli.mjs'];
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (stopAt && stderr.includes(`dừng tại ${stopAt}`)) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid! }));
  });
}

const nightly = (...extra: string[]) => cli(['nightly', '--exports', exportsDir, '--db', db, '--out', out, ...extra]);
const addNight = (night: string) => cpSync(join(generated, night), join(exportsDir, night), { recursive: true });
const live = () => readlinkSync(join(out, 'public'));
const releases = () => readdirSync(join(out, '.releases')).sort();
const status = () => JSON.parse(readFileSync(join(out, 'status.json'), 'utf8'));
const site = () => ({ public: live(), internal: readlinkSync(join(out, 'internal')), releases: releases() });

/** A process holding the warehouse open read-only (a `report`, a backup) until `ms` have passed. */
function reader(ms: number): Promise<{ pid: number; done: Promise<void> }> {
  const script = `
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(process.argv[1], { access_mode: 'READ_ONLY' });
    process.stdout.write('open\\n');
    setTimeout(() => { db.closeSync(); process.exit(0); }, ${ms});`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const done = new Promise<void>((r) => child.on('close', () => r()));
    child.stdout.on('data', (d: Buffer) => d.toString().includes('open') && resolve({ pid: child.pid!, done }));
    child.on('error', reject);
  });
}

/** Runs block NAME of docs/OPERATIONS.md as this test's user, in the test's folders (systemd lines left out). */
function runbook(name: string): { code: number | null; stdout: string; stderr: string } {
  const { script } = runbookScript(name, {
    paths: { '/opt/thu-cong-vu': ROOT.replace(/\/$/, ''), '/srv/thu-cong-vu': srv },
    user: null,
    skip: [{ pattern: /^systemctl /, why: 'no systemd running in a test' }],
  });
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh', TMPDIR: tmp } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectStampedLog(r: Run): void {
  for (const line of `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '')) expect(line, line).toMatch(STAMP);
}

beforeAll(async () => {
  work = tempDir('tcv-nightly-ops-');
  generated = join(work, 'generated');
  // the guide's layout (docs/OPERATIONS.md), under the test's folder: its blocks run with /srv/thu-cong-vu → srv
  srv = join(work, 'srv');
  exportsDir = join(srv, 'exports');
  db = join(srv, 'warehouse.duckdb');
  out = join(srv, 'site');
  tmp = join(work, 'tmp');
  mkdirSync(exportsDir, { recursive: true });
  mkdirSync(tmp);
  const io = { stdout: () => {}, stderr: () => {}, isTTY: false };
  const code = await runCli(['generate', '--out', generated, '--mailboxes', '200', '--days', '6', '--until', '2026-11-19', '--seed', '20', '--months', '0', '--mail-volume', '100'], io);
  expect(code).toBe(0);
}, 300_000);

describe('nightly as a province runs it (real CLI process, parent folder of generated nights)', () => {
  it('the first night: a complete release, status.json, a backup, a time-stamped log saying what ran and how it ended', async () => {
    addNight(NIGHTS[0]!);
    const r = await nightly('--backup', join(srv, 'backup'), '--keep', '3');
    expect(r.code, r.stderr).toBe(0);
    expectStampedLog(r);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/ Bắt đầu nightly \(PID \d+, người dùng \w+, mã nguồn [\d.]+\+[0-9a-f]{12}\): --exports /);
    expect(lines.at(-1)).toMatch(/ Kết thúc nightly: thành công sau [\d,]+ s; 1 đêm mới nạp, trang dựng mới \(bản phát hành \d{8}T\d{6}-\d+\)$/);
    expect(existsSync(join(out, '.releases', releases()[0]!, 'complete.json'))).toBe(true);
    expect(status()).toMatchObject({ state: 'ok', ok: true, exit_code: 0, nights_unchanged: 0, release: { night: NIGHTS[0], built: true } });
    expect(status().nights_loaded[0].rows_loaded.mail_messages).toBeGreaterThan(100); // the log of a parent folder's night
    expect(readdirSync(join(srv, 'backup'))).toEqual([`warehouse-${NIGHTS[0]}.duckdb`]);
    // the guide's monitoring check says OK
    const check = runbook('giam-sat');
    expect(check).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK - Thu cong vu: lan chay tot gan nhat \d{4}-\d\d-\d\dT/) });
  }, 600_000);

  it('a night without its mail log, then the same night with a cut .gz: exit 1, the message names the file, warehouse and site unchanged', async () => {
    const before = { db: sha256File(db), site: site() };
    addNight(NIGHTS[1]!);
    const log = join(exportsDir, NIGHTS[1]!, 'maillog');
    const text = readFileSync(log);
    rmSync(log);
    const noLog = await nightly();
    expect(noLog.code).toBe(1);
    expect(noLog.stderr).toContain(
      `Lỗi: đêm ${NIGHTS[1]}: thiếu tệp trong ${join(exportsDir, NIGHTS[1]!)}: đêm này không có nhật ký thư (maillog*, mail.log* hoặc messages.csv), ` +
        'trong khi đêm 14/11/2026 có (maillog); hãy kiểm tra bước sao chép tệp xuất từ máy chủ thư',
    );
    expect(noLog.stderr).toContain('chạy với --partial để nạp các tệp còn lại và ghi nhận phần thiếu');
    expect(noLog.stderr).not.toMatch(ENGINE);
    expect({ db: sha256File(db), site: site() }).toEqual(before);
    expect(status()).toMatchObject({ state: 'failed', ok: false, exit_code: 1, last_success_at: expect.any(String) });
    // the guide's monitoring check alarms, with the message
    const check = runbook('giam-sat');
    expect(check.code).toBe(2);
    expect(check.stdout).toMatch(/^CRITICAL - Thu cong vu: đêm 2026-11-15: thiếu tệp trong /);

    // the log arrives compressed and cut half-way (a copy that failed)
    const gz = gzipSync(text);
    writeFileSync(`${log}.gz`, gz.subarray(0, Math.floor(gz.length / 2)));
    const cut = await nightly();
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(new RegExp(`Lỗi: đêm ${NIGHTS[1]}: không đọc được tệp ${join(exportsDir, NIGHTS[1]!, 'maillog.gz')}: tệp nén bị cắt cụt hoặc hỏng sau \\d+ dòng`));
    expect(cut.stderr).toContain('hãy sao chép lại tệp từ máy chủ thư');
    expect({ db: sha256File(db), site: site() }).toEqual(before);
    expect(status()).toMatchObject({ state: 'failed', ok: false });
  }, 600_000);

  it('a reader holding the warehouse: --wait 2 exits 1 with one Vietnamese sentence and no engine text; --wait 60 waits, and --partial loads the nights recording their gaps', async () => {
    addNight(NIGHTS[2]!);
    rmSync(join(exportsDir, NIGHTS[2]!, 'maillog'));
    const before = { db: sha256File(db), site: site() };
    const holder = await reader(15_000);
    const refused = await nightly('--partial', '--wait', '2');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(`Lỗi: đêm ${NIGHTS[1]}: kho dữ liệu ${db} đang được tiến trình PID ${holder.pid} \\(lệnh: [^\\n]*node[^\\n]*, người dùng \\w+\\) mở nên chưa ghi được; đã chờ 2 giây`),
    );
    expect(refused.stderr).not.toMatch(ENGINE);
    expectStampedLog(refused);
    expect(refused.stderr.trim().split('\n').at(-1)).toMatch(/ Kết thúc nightly: LỖI \(mã 1\) sau [\d,]+ s; trang của lần trước vẫn được giữ nguyên$/);
    expect(status()).toMatchObject({ state: 'failed', ok: false, exit_code: 1, message: expect.stringContaining(`PID ${holder.pid}`) });
    expect({ db: sha256File(db), site: site() }).toEqual(before);

    const waited = await nightly('--partial', '--wait', '60', '--backup', join(srv, 'backup'), '--keep', '3');
    expect(waited.code, waited.stderr).toBe(0);
    expect(waited.stderr).toMatch(new RegExp(`Kho đang được tiến trình PID ${holder.pid} .* mở — chờ tối đa 60 giây…`));
    await holder.done;
    expect(live()).not.toBe(before.site.public);
    expect(waited.stdout).toContain('Nạp một phần (--partial), thiếu 1 tệp:\n');
    expect(status()).toMatchObject({ state: 'ok', ok: true, nights_unchanged: 1, release: { night: NIGHTS[2], built: true } });
    expect(status().gaps).toEqual([
      { night: NIGHTS[1], file: 'maillog.gz', reason: expect.stringMatching(/^tệp nén bị cắt cụt hoặc hỏng sau \d+ dòng/) },
      // named as the night before had it
      { night: NIGHTS[2], file: 'maillog.gz', missing: true, reason: expect.stringMatching(/^đêm này không có nhật ký thư .*, trong khi đêm 15\/11\/2026 có \(maillog\.gz\)/) },
    ]);
    expect(await query(db, `SELECT export_date::VARCHAR AS night, gaps->>'$[0].file' AS file FROM ingest_runs WHERE gaps::VARCHAR <> '[]' ORDER BY 1`)).toEqual([
      { night: NIGHTS[1], file: 'maillog.gz' },
      { night: NIGHTS[2], file: 'maillog.gz' },
    ]);
    // the data page, public and internal, lists both nights with the file and what to do
    for (const audience of ['public', 'internal']) {
      const page = readFileSync(join(out, audience, 'du-lieu', 'index.html'), 'utf8');
      expect(page).toContain('Đêm nạp thiếu dữ liệu');
      expect(page).toMatch(/15\/11\/2026<\/td><td>maillog\.gz<\/td><td>tệp nén bị cắt cụt/);
      expect(page).toMatch(/16\/11\/2026<\/td><td>maillog\.gz<\/td><td>đêm này không có nhật ký thư/);
    }
  }, 900_000);

  it('nights already loaded cost nothing: not read again (a log replaced by garbage of the same size and time goes unnoticed), the site kept', async () => {
    const log = join(exportsDir, NIGHTS[0]!, 'maillog');
    const st = statSync(log);
    writeFileSync(log, Buffer.alloc(st.size, 0xff));
    utimesSync(log, st.atime, st.mtime);
    const again = await nightly();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('3 đêm đã nạp trước đó với đúng các tệp này: bỏ qua, không đọc lại');
    expect(again.stderr).toMatch(/Không có gì mới kể từ bản phát hành \d+T\d+-\d+ \(đêm 16\/11\/2026, lượt nạp \d+\): giữ nguyên trang, không dựng lại/);
    expect(status()).toMatchObject({ state: 'ok', nights_loaded: [], nights_unchanged: 3, release: { built: false } });
    copyFileSync(join(generated, NIGHTS[0]!, 'maillog'), log);
    utimesSync(log, st.atime, st.mtime);
  }, 600_000);

  it('two runs killed with kill -9 during the build, then a good night: kept releases all complete, leftovers gone; rollback returns to the release live before', async () => {
    const before = live();
    beforeLive = before;
    beforeId = before.split('/').at(-2)!;
    const isIncomplete = (id: string) => !existsSync(join(out, '.releases', id, 'complete.json'));
    const killedReleases: string[] = [];
    for (const night of [NIGHTS[3]!, NIGHTS[4]!]) {
      addNight(night);
      const killed = await cli(['nightly', '--exports', exportsDir, '--db', db, '--out', out], 'build');
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      expect(live()).toBe(before); // yesterday's site stays up
      // the killed run left its release half-built (public done, internal not, no marker), its work folder and its
      // temporary files; the second run removed those of the first when it started
      const incomplete = releases().filter(isIncomplete);
      expect(incomplete).toHaveLength(1);
      killedReleases.push(incomplete[0]!);
      expect(existsSync(join(out, '.releases', incomplete[0]!, 'public', 'index.html'))).toBe(true);
      expect(readdirSync(tmp).filter((n) => n.startsWith(`thu-cong-vu-run-${killed.pid}-`))).toHaveLength(1);
      expect(readdirSync(tmp)).toHaveLength(1);
      expect(readdirSync(join(out, '.work'))).toEqual([incomplete[0]]);
      expect(status()).toMatchObject({ state: 'running', pid: killed.pid });
    }
    expect(killedReleases[0]).not.toBe(killedReleases[1]);

    addNight(NIGHTS[5]!);
    const good = await nightly();
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/Đã dọn phần dở dang của các lượt chạy bị dừng: /);
    for (const id of releases()) expect(existsSync(join(out, '.releases', id, 'complete.json')), id).toBe(true);
    expect(releases()).toContain(beforeId);
    for (const id of killedReleases) expect(releases()).not.toContain(id);
    expect(readdirSync(tmp)).toEqual([]); // the killed runs' folders removed, the good run's own at its exit
    expect(readdirSync(join(out, '.work'))).toEqual([]);
    expect(readdirSync(srv).filter((n) => n.includes('.lock') || n.includes('.new-'))).toEqual([]);
    expect(readdirSync(out).filter((n) => n.includes('.lock') || n.includes('.new-') || n.endsWith('.tmp'))).toEqual([]);
    expect(status()).toMatchObject({ state: 'ok', nights_loaded: [{ night: NIGHTS[5] }], release: { night: NIGHTS[5], built: true } });

  }, 900_000);

  it('restore, as the guide does it: the backup of 16/11 put in place, the nights after it loaded again from the export folder, the same totals', async () => {
    const summary = async () => JSON.parse((await cli(['summary', '--db', db, '--json'])).stdout);
    const before = await summary();
    const site = live();
    expect(existsSync(join(srv, 'backup', 'warehouse-2026-11-16.duckdb'))).toBe(true);
    const restore = runbook('khoi-phuc');
    expect(restore.code, restore.stderr).toBe(0);
    expect(existsSync(join(srv, 'warehouse.duckdb.truoc-khoi-phuc'))).toBe(true);
    expect(status()).toMatchObject({ state: 'ok', nights_loaded: [{ night: NIGHTS[3] }, { night: NIGHTS[4] }, { night: NIGHTS[5] }] });
    expect(await summary()).toEqual(before);
    // the same runs again: the site built from them is kept
    expect(status().release).toMatchObject({ night: NIGHTS[5], built: false });
    expect(live()).toBe(site);
  }, 600_000);

  it('rollback, as the guide does it: back to the release live before the killed runs, saying which night it holds', async () => {
    const current = status().release;
    const rollback = runbook('quay-lui');
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(rollback.stdout).toContain(`${current.id} (dữ liệu đến đêm 19/11/2026, dựng xong lúc `);
    expect(rollback.stdout).toMatch(new RegExp(`\\nĐã quay lui: ${out}/public và ${out}/internal trỏ tới bản ${beforeId} \\(dữ liệu đến đêm 16/11/2026, dựng xong lúc `));
    expect(live()).toBe(beforeLive);
    expect(readlinkSync(join(out, 'internal'))).toBe(beforeLive.replace(/public$/, 'internal'));
  }, 900_000);
});
