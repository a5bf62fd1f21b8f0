/**
 * The compiled CLI (scripts/cli.mjs → scripts/compiled.mjs): the bundle is reused while its sources are unchanged
 * and rebuilt when one changes; the real CLI runs from it, parser worker threads included, with the same results
 * as the TypeScript sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REAL_LOGS, loaded, tempDir } from '../postfix/support.ts';

if (process.getuid?.() !== 0) console.warn('compiled.test.ts: not root — the test of a cache folder owned by another user is skipped (CI runs it as root)');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A project with the launcher and two small entry modules, the real esbuild and a package of its own in its
 * node_modules. */
function fakeProject(): string {
  const root = tempDir('tcv-compiled-');
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'src', 'inputs', 'postfix'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  copyFileSync(join(ROOT, 'scripts', 'compiled.mjs'), join(root, 'scripts', 'compiled.mjs'));
  symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild'), 'dir');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  mkdirSync(join(root, 'node_modules', 'loi-chao'));
  writeFileSync(join(root, 'node_modules', 'loi-chao', 'package.json'), JSON.stringify({ name: 'loi-chao', type: 'module', exports: './index.js' }));
  writeFileSync(join(root, 'node_modules', 'loi-chao', 'index.js'), `export const suffix = '!';\n`);
  writeFileSync(join(root, 'src', 'cli', 'greeting.ts'), `export const greeting: string = 'xin chào';\n`);
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    `import { greeting } from './greeting.ts';\nimport { suffix } from 'loi-chao';\n` +
      `export const where: string = import.meta.url;\nexport const text = (): string => greeting + suffix;\n`,
  );
  writeFileSync(join(root, 'src', 'inputs', 'postfix', 'parseWorker.ts'), `export {};\n`);
  return root;
}

/** Runs the fake project's launcher: the bundle's directory and what its main module says. `env` is added to this
 * process's environment (undefined removes a variable). */
function run(root: string, env: Record<string, string | undefined> = {}): { dir: string; text: string; where: string } {
  const script = `
    import { compiledCli } from './scripts/compiled.mjs';
    const urls = await compiledCli();
    const m = await import(urls.main);
    console.log(JSON.stringify({ main: urls.main, text: m.text(), where: m.where }));`;
  const merged: NodeJS.ProcessEnv = { ...process.env, THU_CONG_VU_CACHE: undefined, CACHE_DIRECTORY: undefined, ...env };
  for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env: merged }));
  return { dir: fileURLToPath(out.main.replace(/\/main\.js$/, '')), text: out.text, where: out.where };
}

const asRoot = process.getuid?.() === 0;

describe('compiled CLI', () => {
  it('reuses the bundle until a source changes, then rebuilds it; import.meta.url stays the source file', () => {
    const root = fakeProject();
    const first = run(root);
    expect(first.text).toBe('xin chào!');
    expect(first.where).toBe(`file://${join(root, 'src', 'cli', 'main.ts')}`);
    expect(run(root).dir).toBe(first.dir);

    writeFileSync(join(root, 'src', 'cli', 'greeting.ts'), `export const greeting: string = 'chào buổi sáng';\n`);
    const later = new Date(Date.now() + 2000);
    utimesSync(join(root, 'src', 'cli', 'greeting.ts'), later, later);
    const second = run(root);
    expect(second.text).toBe('chào buổi sáng!');
    expect(second.dir).not.toBe(first.dir);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', '.cache', 'thu-cong-vu', 'cli.json'), 'utf8'));
    expect(manifest.dir).toBe(second.dir);
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/greeting.ts', 'package-lock.json']));
  });

  it('where node_modules/.cache cannot be written: the folder named by THU_CONG_VU_CACHE or systemd, else the user’s, else the temporary folder; packages found from each', () => {
    const root = fakeProject();
    writeFileSync(join(root, 'node_modules', '.cache'), 'not a folder');
    const service = tempDir('tcv-service-cache-');
    // the unit's CacheDirectory=thu-cong-vu: systemd creates /var/cache/thu-cong-vu for the service user and says so
    const systemd = run(root, { CACHE_DIRECTORY: service });
    expect(systemd.text).toBe('xin chào!'); // the package of the project found from a bundle outside it
    expect(dirname(dirname(systemd.dir))).toBe(service);
    expect(run(root, { THU_CONG_VU_CACHE: service }).dir).toBe(systemd.dir);

    const home = tempDir('tcv-home-cache-');
    const user = run(root, { XDG_CACHE_HOME: home });
    expect(dirname(dirname(dirname(user.dir)))).toBe(home);
    expect(user.text).toBe('xin chào!');

    const temporary = run(root, { XDG_CACHE_HOME: join(root, 'node_modules', '.cache', 'x'), HOME: '/nonexistent' });
    const cache = dirname(temporary.dir);
    try {
      expect(temporary.text).toBe('xin chào!');
      expect(dirname(cache)).toBe(tmpdir());
      expect(basename(cache)).toMatch(new RegExp(`^thu-cong-vu-${process.getuid?.() ?? ''}-[0-9a-f]{12}$`));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('a bundle that is not whole (a chunk removed by a temporary-folder cleaner) is built again, not reused', () => {
    const root = fakeProject();
    const first = run(root);
    const chunk = readdirSync(first.dir).find((f) => f.endsWith('.js') && f !== 'main.js' && f !== 'parseWorker.js') ?? 'parseWorker.js';
    rmSync(join(first.dir, chunk));
    const second = run(root);
    expect(second.dir).not.toBe(first.dir);
    expect(second.text).toBe('xin chào!');
  });

  it.skipIf(!asRoot)('a cache folder written by another user (not root) is not trusted: its bundle is not run', () => {
    const root = fakeProject();
    const cache = join(root, 'node_modules', '.cache', 'thu-cong-vu');
    const first = run(root);
    // hand the cache to an unprivileged user: it could have put anything there
    execFileSync('chown', ['-R', '65534:65534', cache]);
    const second = run(root);
    expect(second.dir).not.toBe(first.dir);
    expect(second.text).toBe('xin chào!');
  });

  it('ingests a night of two rotated logs on worker threads, with the totals of the TypeScript sources', async () => {
    const night = join(tempDir(), '2014-06-14');
    mkdirSync(night);
    copyFileSync(join(REAL_LOGS, 'kdent_mail.log'), join(night, 'maillog.1'));
    copyFileSync(join(REAL_LOGS, 'kdent_mail2.log'), join(night, 'maillog'));
    const db = join(tempDir(), 'w.duckdb');
    const ingest = spawnSync(process.execPath, ['scripts/cli.mjs', 'ingest', '--exports', night, '--db', db, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    const summary = spawnSync(process.execPath, ['scripts/cli.mjs', 'summary', '--db', db, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(summary.status).toBe(0);
    const reference = await loaded([join(night, 'maillog.1'), join(night, 'maillog')], '2014-06-14');
    try {
      expect(JSON.parse(summary.stdout)).toEqual(await reference.totals());
    } finally {
      reference.close();
    }
  });
});
