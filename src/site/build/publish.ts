import { existsSync, lstatSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Folder under the output root holding one sub-folder per published night. */
export const RELEASES_DIR = '.releases';
/** Releases kept after a publish: the live one and the one before it (for an instant rollback). */
const KEEP_RELEASES = 2;

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

/**
 * Publishes one night's builds under `outRoot` so that visitors never see a half-built site and a failed night
 * leaves yesterday's site up (issue 5, SPEC §2 `nightly`): every audience is built into
 * `outRoot/.releases/<releaseId>/<audience>`; only when all builds succeed is each `outRoot/<audience>` symlink
 * switched to the new folder. On failure the new release is removed and the error rethrown. Older releases beyond
 * the previous one are deleted.
 */
export async function publishRelease(
  outRoot: string,
  releaseId: string,
  audiences: readonly string[],
  buildInto: (audience: string, dir: string) => Promise<void>,
): Promise<void> {
  const root = resolve(outRoot);
  const releases = join(root, RELEASES_DIR);
  const release = join(releases, releaseId);
  if (existsSync(release)) throw new Error(`bản phát hành ${releaseId} đã tồn tại trong ${releases}`);
  mkdirSync(release, { recursive: true });
  try {
    for (const audience of audiences) await buildInto(audience, join(release, audience));
  } catch (err) {
    rmSync(release, { recursive: true, force: true });
    throw err;
  }
  for (const audience of audiences) swapSymlink(join(root, audience), join(RELEASES_DIR, releaseId, audience), releases);
  pruneReleases(root, audiences);
}

/** Deletes releases no audience link points to, keeping the newest KEEP_RELEASES. */
function pruneReleases(root: string, audiences: readonly string[]): void {
  const releases = join(root, RELEASES_DIR);
  const live = new Set(
    audiences
      .map((a) => join(root, a))
      .filter((l) => lstatSync(l, { throwIfNoEntry: false })?.isSymbolicLink())
      .map((l) => basename(dirname(resolve(root, readlinkSync(l))))),
  );
  const names = readdirSync(releases).sort().reverse();
  const keep = new Set([...live, ...names.slice(0, KEEP_RELEASES)]);
  for (const name of names) if (!keep.has(name)) rmSync(join(releases, name), { recursive: true, force: true });
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
