import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPLETE_MARKER, liveRelease, listReleases, previousRelease, publishRelease, pruneReleases, RELEASES_DIR,
  removeDeadRunsLeftovers, replaceFolder, switchRelease,
} from '../../src/site/build/publish.ts';

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

  it('keeps the live release and the two complete ones before it', async () => {
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) await publishRelease(root, id, ['public'], writeSite(id));
    expect(readdirSync(join(root, RELEASES_DIR)).sort()).toEqual(['r3', 'r4', 'r5']);
    expect(read('public')).toBe('r5');
    expect(existsSync(join(root, RELEASES_DIR, 'r5', COMPLETE_MARKER))).toBe(true);
  });

  it('writes the marker with what the release holds, once every build is done', async () => {
    const info = { night: '2026-11-20', runId: 7, base: '/', code: '0.1.0+abc', completedAt: () => '2026-11-21T01:35:00+07:00' };
    const marker = await publishRelease(root, 'r1', ['public', 'internal'], writeSite('x'), info);
    expect(marker).toEqual({ id: 'r1', night: '2026-11-20', runId: 7, base: '/', code: '0.1.0+abc', completedAt: '2026-11-21T01:35:00+07:00' });
    expect(liveRelease(root, ['public', 'internal'])).toEqual({ id: 'r1', dir: join(root, RELEASES_DIR, 'r1'), info: marker });
  });

  it('two runs that died mid-build never push a complete release out, and their folders go at the next start', async () => {
    await publishRelease(root, 'r1', ['public', 'internal'], writeSite('đêm 1'));
    await publishRelease(root, 'r2', ['public', 'internal'], writeSite('đêm 2'));
    // killed while building: a folder with a build, no marker; and a half-made link
    for (const id of ['r3', 'r4']) await writeSite('dở')('public', join(root, RELEASES_DIR, id, 'public'));
    writeFileSync(join(root, 'public.new-4242'), '');
    mkdirSync(join(root, '.work', 'r4'), { recursive: true });
    expect(removeDeadRunsLeftovers(root, ['public', 'internal'], '.work').sort()).toEqual(
      [join(RELEASES_DIR, 'r3'), join(RELEASES_DIR, 'r4'), join('.work', 'r4'), 'public.new-4242'].sort(),
    );
    await publishRelease(root, 'r5', ['public', 'internal'], writeSite('đêm 5'));
    expect(listReleases(root).map((r) => [r.id, r.info !== null])).toEqual([['r1', true], ['r2', true], ['r5', true]]);
  });

  it('pruning alone never keeps an incomplete release in place of a complete one', async () => {
    await publishRelease(root, 'r1', ['public'], writeSite('đêm 1'));
    for (const id of ['r2', 'r3']) await writeSite('dở')('public', join(root, RELEASES_DIR, id, 'public'));
    await publishRelease(root, 'r4', ['public'], writeSite('đêm 4'), undefined, 1);
    expect(listReleases(root).map((r) => r.id)).toEqual(['r1', 'r4']);
    expect(pruneReleases(root, ['public'], 0)).toEqual(['r1']);
  });

  it('the previous complete release is where a rollback goes; switching moves every audience', async () => {
    await publishRelease(root, 'r1', ['public', 'internal'], writeSite('đêm 1'));
    await publishRelease(root, 'r2', ['public', 'internal'], writeSite('đêm 2'));
    await writeSite('dở')('public', join(root, RELEASES_DIR, 'r15', 'public'));
    expect(previousRelease(root, ['public', 'internal'])?.id).toBe('r1');
    switchRelease(root, ['public', 'internal'], 'r1');
    expect([read('public'), read('internal')]).toEqual(['đêm 1', 'đêm 1']);
    expect(previousRelease(root, ['public', 'internal'])).toBeNull();
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
