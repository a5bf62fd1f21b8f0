/**
 * The compiled CLI (scripts/cli.mjs → scripts/compiled.mjs): the bundle is reused while its sources are unchanged
 * and rebuilt when one changes; the real CLI runs from it, parser worker threads included, with the same results
 * as the TypeScript sources.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REAL_LOGS, loaded, tempDir } from '../postfix/support.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A project with the launcher and two small entry modules, and the real esbuild in its own node_modules. */
function fakeProject(): string {
  const root = tempDir('tcv-compiled-');
  mkdirSync(join(root, 'scripts'));
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'src', 'warehouse', 'maillog'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  copyFileSync(join(ROOT, 'scripts', 'compiled.mjs'), join(root, 'scripts', 'compiled.mjs'));
  symlinkSync(join(ROOT, 'node_modules', 'esbuild'), join(root, 'node_modules', 'esbuild'), 'dir');
  writeFileSync(join(root, 'package-lock.json'), '{}');
  writeFileSync(join(root, 'src', 'cli', 'greeting.ts'), `export const greeting: string = 'xin chào';\n`);
  writeFileSync(
    join(root, 'src', 'cli', 'main.ts'),
    `import { greeting } from './greeting.ts';\nexport const where: string = import.meta.url;\nexport const text = (): string => greeting;\n`,
  );
  writeFileSync(join(root, 'src', 'warehouse', 'maillog', 'parseWorker.ts'), `export {};\n`);
  return root;
}

/** Runs the fake project's launcher: the bundle's directory and what its main module says. */
function run(root: string): { dir: string; text: string; where: string } {
  const script = `
    import { compiledCli } from './scripts/compiled.mjs';
    const urls = await compiledCli();
    const m = await import(urls.main);
    console.log(JSON.stringify({ main: urls.main, text: m.text(), where: m.where }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
  return { dir: out.main.replace(/\/main\.js$/, ''), text: out.text, where: out.where };
}

describe('compiled CLI', () => {
  it('reuses the bundle until a source changes, then rebuilds it; import.meta.url stays the source file', () => {
    const root = fakeProject();
    const first = run(root);
    expect(first.text).toBe('xin chào');
    expect(first.where).toBe(`file://${join(root, 'src', 'cli', 'main.ts')}`);
    expect(run(root).dir).toBe(first.dir);

    writeFileSync(join(root, 'src', 'cli', 'greeting.ts'), `export const greeting: string = 'chào buổi sáng';\n`);
    const later = new Date(Date.now() + 2000);
    utimesSync(join(root, 'src', 'cli', 'greeting.ts'), later, later);
    const second = run(root);
    expect(second.text).toBe('chào buổi sáng');
    expect(second.dir).not.toBe(first.dir);
    const manifest = JSON.parse(readFileSync(join(root, 'node_modules', '.cache', 'thu-cong-vu', 'cli.json'), 'utf8'));
    expect(manifest.dir).toBe(fileURLToPath(second.dir));
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/cli/greeting.ts', 'package-lock.json']));
  });

  it('builds in the system temporary folder where node_modules/.cache cannot be written', () => {
    const root = fakeProject();
    writeFileSync(join(root, 'node_modules', '.cache'), 'not a folder');
    const run1 = run(root);
    const cache = dirname(fileURLToPath(run1.dir));
    try {
      expect(run1.text).toBe('xin chào');
      expect(dirname(cache)).toBe(tmpdir());
      expect(basename(cache)).toMatch(/^thu-cong-vu-[0-9a-f]{12}$/);
      expect(run(root).dir).toBe(run1.dir);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
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
