import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishRelease, RELEASES_DIR, replaceFolder } from '../../src/site/build/publish.ts';

let root: string;
beforeEach(() => void (root = mkdtempSync(join(tmpdir(), 'tcv-publish-'))));
afterEach(() => rmSync(root, { recursive: true, force: true }));

const writeSite = (text: string) => async (_audience: string, dir: string) => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
};
const read = (audience: string) => readFileSync(join(root, audience, 'index.html'), 'utf8');

describe('publishRelease', () => {
  it('switches every audience to the new release only after all builds succeed', async () => {
    await publishRelease(root, 'r1', ['public', 'internal'], writeSite('đêm 1'));
    expect(read('public')).toBe('đêm 1');
    expect(lstatSync(join(root, 'internal')).isSymbolicLink()).toBe(true);
    await publishRelease(root, 'r2', ['public', 'internal'], writeSite('đêm 2'));
    expect(read('internal')).toBe('đêm 2');
  });

  it('keeps yesterday’s site and removes the half-built release when a build fails', async () => {
    await publishRelease(root, 'r1', ['public', 'internal'], writeSite('đêm 1'));
    const failing = async (audience: string, dir: string) => {
      await writeSite('đêm 2')(audience, dir);
      if (audience === 'internal') throw new Error('Astro lỗi');
    };
    await expect(publishRelease(root, 'r2', ['public', 'internal'], failing)).rejects.toThrow('Astro lỗi');
    expect(read('public')).toBe('đêm 1');
    expect(read('internal')).toBe('đêm 1');
    expect(existsSync(join(root, RELEASES_DIR, 'r2'))).toBe(false);
  });

  it('keeps the live and the previous release only', async () => {
    for (const id of ['r1', 'r2', 'r3', 'r4']) await publishRelease(root, id, ['public'], writeSite(id));
    expect(readdirSync(join(root, RELEASES_DIR)).sort()).toEqual(['r3', 'r4']);
    expect(read('public')).toBe('r4');
  });

  it('takes over a plain folder left by `build --out`', async () => {
    mkdirSync(join(root, 'public'));
    writeFileSync(join(root, 'public', 'index.html'), 'cũ');
    await publishRelease(root, 'r1', ['public'], writeSite('mới'));
    expect(read('public')).toBe('mới');
  });
});

describe('replaceFolder', () => {
  it('puts the fresh folder in place of the old one', () => {
    const out = join(root, 'site');
    const fresh = join(root, '.site.new');
    mkdirSync(out);
    writeFileSync(join(out, 'a'), 'cũ');
    mkdirSync(fresh);
    writeFileSync(join(fresh, 'a'), 'mới');
    replaceFolder(out, fresh);
    expect(readFileSync(join(out, 'a'), 'utf8')).toBe('mới');
    expect(existsSync(fresh)).toBe(false);
    expect(readdirSync(root)).toEqual(['site']);
  });
});
