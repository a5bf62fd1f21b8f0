/**
 * Publishing a night's builds so that visitors never see a half-built site and no crash can take the way back
 * (SPEC §2 `nightly`, issue 20). Under the output root OUT:
 *   OUT/.releases/<id>/{public,internal}   one folder per release, <id> sorting by time (20261121T013000-4242)
 *   OUT/.releases/<id>/complete.json       written once both builds finished: only then is a release complete
 *   OUT/public, OUT/internal               symlinks into the live release, each swapped with one rename(2)
 * Kept: the live release and the newest `keep` complete ones before it. A release without its marker is the work of
 * a run that died (killed, out of memory, a reboot): removed at the start of the next run, never kept in place of a
 * complete one, never rolled back to.
 */
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import type { Audience } from './types.ts';

/** Folder under the output root holding one sub-folder per release. */
export const RELEASES_DIR = '.releases';
/** The marker of a complete release, in its folder (not inside an audience's folder: never served). */
export const COMPLETE_MARKER = 'complete.json';
/** Complete releases kept besides the live one (the way back: `rollback`). */
export const KEEP_RELEASES = 2;
/** The audiences `nightly` publishes, each a link OUT/<audience>. */
export const AUDIENCES: readonly Audience[] = ['public', 'internal'];
/** Work folders of the runs (Astro's root and caches), beside the releases: on the disk the site is written to. */
export const WORK_DIR = '.work';
/** The output root's lock: one run publishes (or rolls back) at a time. */
export const OUT_LOCK = '.lock';

/** What a complete release holds, written into its marker. */
export interface ReleaseInfo {
  id: string;
  /** The latest night in the warehouse it was built from (YYYY-MM-DD), or null for an empty warehouse. */
  night: string | null;
  /** The warehouse's last ingest run then: a later run means the site is out of date. */
  runId: number | null;
  /** --base of the build. */
  base: string;
  /** The code that built it (package version and a stamp of the sources): an upgrade rebuilds. */
  code: string;
  /** When the release was completed (local time, RFC 3339). */
  completedAt: string;
}

export interface Release {
  id: string;
  dir: string;
  /** The marker's content; null for an incomplete release. */
  info: ReleaseInfo | null;
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes the filesystem holding `path` to disk (`sync -f`, syncfs(2)): one call for the thousands of files of a
 * build. Where the command is missing, the marker's own fsync is all there is. */
function syncFilesystem(path: string): void {
  try {
    execFileSync('sync', ['-f', path], { stdio: 'ignore' });
  } catch {
    /* no coreutils sync: nothing more to do */
  }
}

function readMarker(dir: string): ReleaseInfo | null {
  try {
    return JSON.parse(readFileSync(join(dir, COMPLETE_MARKER), 'utf8')) as ReleaseInfo;
  } catch {
    return null;
  }
}

/** Every release under `outRoot`, oldest first. */
export function listReleases(outRoot: string): Release[] {
  const releases = join(resolve(outRoot), RELEASES_DIR);
  if (!existsSync(releases)) return [];
  return readdirSync(releases, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((id) => ({ id, dir: join(releases, id), info: readMarker(join(releases, id)) }));
}

/** The release ids the audience links point to (normally one). */
function liveIds(root: string, audiences: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const a of audiences) {
    const link = join(root, a);
    if (lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) ids.add(basename(dirname(resolve(root, readlinkSync(link)))));
  }
  return ids;
}

/** The live release: the one OUT/<first audience> points to, or null before the first publish. */
export function liveRelease(outRoot: string, audiences: readonly string[]): Release | null {
  const root = resolve(outRoot);
  const link = join(root, audiences[0]!);
  if (!lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink()) return null;
  const id = basename(dirname(resolve(root, readlinkSync(link))));
  return listReleases(root).find((r) => r.id === id) ?? null;
}

/**
 * Points `link` at `target` atomically: a new symlink is created beside it and renamed over it (rename(2) replaces
 * a symlink in one step, so a reader sees either the old site or the new one, never a half). A real folder found
 * at `link` (e.g. left by `build --out`) is moved into the releases folder first, once.
 */
function swapSymlink(link: string, target: string, releasesDir: string): void {
  const tmp = `${link}.new-${process.pid}`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp, 'dir');
  const st = lstatSync(link, { throwIfNoEntry: false });
  if (st && !st.isSymbolicLink()) renameSync(link, join(releasesDir, `truoc-do-${basename(link)}-${process.pid}`));
  renameSync(tmp, link);
}

/** Switches every audience link to release `id` (which must be complete), then makes the switch durable. */
export function switchRelease(outRoot: string, audiences: readonly string[], id: string): void {
  const root = resolve(outRoot);
  const releases = join(root, RELEASES_DIR);
  for (const audience of audiences) swapSymlink(join(root, audience), join(RELEASES_DIR, id, audience), releases);
  fsyncPath(root);
}

/**
 * Publishes one night's builds under `outRoot`: every audience is built into `OUT/.releases/<releaseId>/<audience>`;
 * when all builds succeed the marker is written (and synced), then each `OUT/<audience>` link is switched to the new
 * folder. On failure the new release is removed and the error rethrown; yesterday's site stays. Older releases
 * beyond the live one and `keep` complete ones are deleted.
 */
export async function publishRelease(
  outRoot: string,
  releaseId: string,
  audiences: readonly string[],
  buildInto: (audience: string, dir: string) => Promise<void>,
  info: Omit<ReleaseInfo, 'id' | 'completedAt'> & { completedAt?: () => string } = { night: null, runId: null, base: '/', code: '' },
  keep = KEEP_RELEASES,
): Promise<ReleaseInfo> {
  const root = resolve(outRoot);
  const release = join(root, RELEASES_DIR, releaseId);
  if (existsSync(release)) throw new Error(`bản phát hành ${releaseId} đã tồn tại trong ${dirname(release)}`);
  mkdirSync(release, { recursive: true });
  let marker: ReleaseInfo;
  try {
    for (const audience of audiences) await buildInto(audience, join(release, audience));
    const { completedAt, ...rest } = info;
    marker = { id: releaseId, ...rest, completedAt: completedAt ? completedAt() : new Date().toISOString() };
    // the builds' files reach the disk before the marker says they are there, and the marker before the links
    syncFilesystem(release);
    const tmp = join(release, `${COMPLETE_MARKER}.tmp`);
    writeFileSync(tmp, `${JSON.stringify(marker, null, 2)}\n`);
    fsyncPath(tmp);
    renameSync(tmp, join(release, COMPLETE_MARKER));
    fsyncPath(release);
  } catch (err) {
    rmSync(release, { recursive: true, force: true });
    throw err;
  }
  switchRelease(root, audiences, releaseId);
  pruneReleases(root, audiences, keep);
  return marker;
}

/** Deletes every release but the live one and the newest `keep` complete ones (incomplete ones included). */
export function pruneReleases(outRoot: string, audiences: readonly string[], keep = KEEP_RELEASES): string[] {
  const root = resolve(outRoot);
  const live = liveIds(root, audiences);
  const complete = listReleases(root).filter((r) => r.info !== null && !live.has(r.id));
  const kept = new Set([...live, ...complete.slice(complete.length - Math.min(keep, complete.length)).map((r) => r.id)]);
  const removed: string[] = [];
  for (const r of listReleases(root)) {
    if (kept.has(r.id)) continue;
    rmSync(r.dir, { recursive: true, force: true });
    removed.push(r.id);
  }
  return removed;
}

/**
 * What runs that died left under `outRoot`: incomplete releases (not live), half-made links (`public.new-<pid>`),
 * and work folders (`.work/`). Called at the start of a run with the warehouse lock held, when no other run can own
 * any of them. Returns what was removed, for the log.
 */
export function removeDeadRunsLeftovers(outRoot: string, audiences: readonly string[], workDir: string): string[] {
  const root = resolve(outRoot);
  if (!existsSync(root)) return [];
  const live = liveIds(root, audiences);
  const removed: string[] = [];
  for (const r of listReleases(root)) {
    if (r.info === null && !live.has(r.id)) {
      rmSync(r.dir, { recursive: true, force: true });
      removed.push(join(RELEASES_DIR, r.id));
    }
  }
  for (const name of readdirSync(root)) {
    if (audiences.some((a) => name.startsWith(`${a}.new-`))) {
      rmSync(join(root, name), { force: true });
      removed.push(name);
    }
  }
  const work = join(root, workDir);
  for (const name of existsSync(work) ? readdirSync(work) : []) {
    rmSync(join(work, name), { recursive: true, force: true });
    removed.push(join(workDir, name));
  }
  return removed;
}

/** The newest complete release older than the live one: where `rollback` goes. */
export function previousRelease(outRoot: string, audiences: readonly string[]): Release | null {
  const live = liveRelease(outRoot, audiences);
  const complete = listReleases(outRoot).filter((r) => r.info !== null && (live === null || r.id < live.id));
  return complete.at(-1) ?? null;
}

/**
 * Replaces the folder `out` with `fresh` (a finished build beside it): the old folder is renamed away, the new one
 * renamed into place, then the old one deleted. Used by `build --out`, where a failed build leaves `out` untouched.
 */
export function replaceFolder(out: string, fresh: string): void {
  const old = `${out}.old-${process.pid}`;
  const had = lstatSync(out, { throwIfNoEntry: false });
  if (had) renameSync(out, old);
  renameSync(fresh, out);
  if (had) rmSync(old, { recursive: true, force: true });
}
