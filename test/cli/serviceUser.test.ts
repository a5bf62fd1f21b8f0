/**
 * Installed by root, run by a service user (issue 20): the project is copied as root, set up with the guide's
 * install block (docs/OPERATIONS.md, "cai-dat"), and the guide's first run ("chay-thu") runs `nightly` as an
 * unprivileged user with the install folder mounted read-only: it succeeds and writes nothing inside it. Needs root
 * (to copy as root, mount, and change user); elsewhere it says it was skipped. `.ci/run` runs as root.
 * The guide's systemd units are checked with systemd-analyze where it is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateMaillogLines } from '../../src/generate/maillog.ts';
import { FIXTURES, tempDir } from '../fixtures/warehouseSupport.ts';
import { runbookBlock, runbookScript } from './runbook.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const asRoot = process.getuid?.() === 0;
const SERVICE = { name: 'nobody', group: 'nogroup', uid: 65534 };
/** What of the project an install holds (a clone has no data/sample, no test/ is needed to run). */
const INSTALLED = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json', 'data', 'public', 'scripts', 'src'];

if (!asRoot) {
  console.warn('serviceUser.test.ts: bỏ qua — cần quyền root để chép bản cài như root và chạy bằng người dùng khác (.ci/run chạy với root)');
}

/** Every path under `dir` with its kind, size and modification time: what "nothing written" is checked against. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => {
      const path = join(e.parentPath, e.name);
      const st = statSync(path, { throwIfNoEntry: false });
      return `${path} ${e.isDirectory() ? 'd' : 'f'} ${st?.size} ${st?.mtimeMs}`;
    })
    .sort();
}

/** Whether this machine lets root make a private read-only bind mount (not in every container). */
function canMountReadOnly(): boolean {
  return spawnSync('unshare', ['-m', 'true']).status === 0;
}

describe.skipIf(!asRoot)('installed by root, nightly run by an unprivileged user with the install folder read-only', () => {
  it('the guide’s install and first run: succeeds, writes nothing inside the install folder, leaves no temporary files', async () => {
    const base = tempDir('tcv-service-');
    chmodSync(base, 0o755); // the service user goes through it
    const install = join(base, 'opt', 'thu-cong-vu');
    mkdirSync(install, { recursive: true });
    for (const name of INSTALLED) cpSync(join(ROOT, name), join(install, name), { recursive: true });
    // the installed packages, as `npm ci` left them (hard links where the disk allows: 470 MB to copy otherwise);
    // no build caches
    const linked = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(install, 'node_modules')]).status === 0;
    if (!linked) {
      execFileSync('rm', ['-rf', join(install, 'node_modules')]);
      execFileSync('cp', ['-a', join(ROOT, 'node_modules'), join(install, 'node_modules')]);
    }
    for (const cache of ['.cache', '.vite', '.astro']) execFileSync('rm', ['-rf', join(install, 'node_modules', cache)]);
    const srv = join(base, 'srv', 'thu-cong-vu');
    const paths = { '/opt/thu-cong-vu': install, '/srv/thu-cong-vu': srv, '/var/log/thu-cong-vu': join(base, 'log') };

    const setup = runbookScript('cai-dat', {
      paths,
      user: SERVICE,
      skip: [
        { pattern: /^adduser /, why: `the test runs as ${SERVICE.name}` },
        { pattern: /^git /, why: 'the installed project is copied' },
        { pattern: /^npm ci /, why: 'copied with its node_modules' },
      ],
    });
    console.info(`serviceUser.test.ts: the guide's install block without:\n  ${setup.skipped.join('\n  ')}`);
    execFileSync('bash', ['-c', setup.script], { stdio: 'pipe' });
    expect(statSync(join(srv, 'site')).uid).toBe(SERVICE.uid);
    // the service user cannot write into the install folder
    expect(spawnSync('runuser', ['-u', SERVICE.name, '--', 'touch', join(install, 'x')]).status).not.toBe(0);

    // a night: the fixture's exports with a mail log of its mailboxes, so the parser threads run too
    const night = join(srv, 'exports', '2026-11-20');
    cpSync(join(FIXTURES, 'nights', '2026-11-20'), night, { recursive: true });
    const addresses = readFileSync(join(night, 'mailboxes.csv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]!);
    const mailboxes = addresses.map((address, i) => ({ address, active: true, weight: 1 + i }));
    writeFileSync(join(night, 'maillog'), [...generateMaillogLines({ date: '2026-11-20', domain: 'soctrang.gov.vn', seed: 3, messages: 300, mailboxes })].join('\n') + '\n');
    const tmp = join(base, 'tmp');
    mkdirSync(tmp);
    execFileSync('chown', [`${SERVICE.name}:${SERVICE.group}`, tmp]);

    const before = listing(install);
    const firstRun = runbookScript('chay-thu', { paths, user: SERVICE, skip: [] }).script;
    const readOnly = canMountReadOnly();
    if (!readOnly) console.warn('serviceUser.test.ts: no private mount here: the install folder is read-only to the service user by ownership only');
    const script = readOnly
      ? `mount --bind ${install} ${install} && mount -o remount,bind,ro ${install} && touch ${install}/x 2>/dev/null && exit 99\n${firstRun}`
      : firstRun;
    const run = spawnSync(readOnly ? 'unshare' : 'bash', readOnly ? ['-m', 'bash', '-c', script] : ['-c', script], {
      encoding: 'utf8',
      env: { ...process.env, TMPDIR: tmp, THU_CONG_VU_CACHE: '', CACHE_DIRECTORY: '' },
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).toMatch(/ Kết thúc nightly: thành công sau [\d,]+ s; 1 đêm mới nạp, trang dựng mới/);
    expect(run.stdout).toMatch(/mail_messages [\d.]+/);

    expect(listing(install)).toEqual(before); // nothing written inside the install folder
    expect(readdirSync(tmp)).toEqual([]); // the run's temporary files gone with it
    const site = join(srv, 'site');
    expect(existsSync(join(site, 'public', 'index.html'))).toBe(true);
    expect(statSync(join(site, 'status.json')).uid).toBe(SERVICE.uid);
    expect(JSON.parse(readFileSync(join(site, 'status.json'), 'utf8'))).toMatchObject({ state: 'ok', ok: true, exit_code: 0 });
    expect(readdirSync(join(srv, 'backup'))).toEqual(['warehouse-2026-11-20.duckdb']);

    const check = spawnSync('bash', ['-c', runbookScript('giam-sat', { paths, user: SERVICE, skip: [] }).script], { encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^OK - Thu cong vu/);
  }, 900_000);
});

describe('the guide’s systemd units', () => {
  const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  if (!analyze) console.warn('serviceUser.test.ts: systemd-analyze not installed — the guide’s units are not verified here (CI installs systemd)');
  it.skipIf(!analyze)('verify without a warning; the service wants the network it waits for, and the timer fires at 01:30 in Việt Nam', () => {
    const dir = tempDir('tcv-units-');
    const service = runbookBlock('systemd-service');
    writeFileSync(join(dir, 'thu-cong-vu-nightly.service'), service);
    writeFileSync(join(dir, 'thu-cong-vu-nightly.timer'), runbookBlock('systemd-timer'));
    const verify = spawnSync('systemd-analyze', ['verify', '--man=no', join(dir, 'thu-cong-vu-nightly.service'), join(dir, 'thu-cong-vu-nightly.timer')], { encoding: 'utf8' });
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stderr.split('\n').filter((l) => l && !/User=thucongvu|thucongvu/.test(l))).toEqual([]);
    expect(service).toMatch(/^Wants=network-online\.target$/m);
    expect(service).toMatch(/^After=network-online\.target$/m);
    const calendar = spawnSync('systemd-analyze', ['calendar', '*-*-* 01:30:00 Asia/Ho_Chi_Minh'], { encoding: 'utf8' });
    expect(calendar.stdout).toContain('Normalized form: *-*-* 01:30:00 Asia/Ho_Chi_Minh');
    // the unit runs the same command as the guide's first run
    const exec = /^ExecStart=\/usr\/bin\/(node .*)$/m.exec(service)![1]!;
    expect(runbookBlock('chay-thu')).toContain(exec);
  });
});
