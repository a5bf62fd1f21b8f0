/**
 * Each CLI process keeps its temporary files (the mail log's intermediate files, the site data, Parquet exports) in
 * a folder of its own under the system's temporary folder, removed when it exits. A process killed before it could
 * remove it (kill -9, out of memory, a reboot, systemd's stop) leaves it behind: the next CLI process of the same
 * user removes every such folder whose process no longer runs (issue 20: leftovers of killed runs are gone after the
 * next night). Called by scripts/cli.mjs only — tests running commands in their own process keep their TMPDIR.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive, startStamp } from './processes.ts';

export const RUN_FOLDER_PREFIX = 'thu-cong-vu-run-';

const stampCode = (stamp: string | null) => (stamp ? createHash('sha256').update(stamp).digest('hex').slice(0, 10) : 'x');

/** Removes the run folders in `base` of this user's processes that no longer run; returns their names. */
export function sweepRunFolders(base: string): string[] {
  const uid = process.getuid?.();
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = new RegExp(`^${RUN_FOLDER_PREFIX}(\\d+)-(\\w+)$`).exec(name);
    if (!m) continue;
    const path = join(base, name);
    try {
      if (uid !== undefined && statSync(path).uid !== uid) continue;
    } catch {
      continue;
    }
    const pid = Number(m[1]);
    const alive = processAlive(pid) && (m[2] === 'x' || stampCode(startStamp(pid)) === m[2]);
    if (alive) continue;
    rmSync(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Makes this process's run folder, points TMPDIR at it (so os.tmpdir(), worker threads and Astro use it) and
 * removes it at exit; first removes the folders of dead runs. Where the temporary folder cannot be written, leaves
 * TMPDIR as it is.
 */
export function useRunFolder(env: NodeJS.ProcessEnv = process.env): string | null {
  const base = tmpdir();
  sweepRunFolders(base);
  const dir = join(base, `${RUN_FOLDER_PREFIX}${process.pid}-${stampCode(startStamp(process.pid))}`);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch {
    return null;
  }
  env.TMPDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
