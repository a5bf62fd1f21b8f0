import { linkSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { explainFailure, RunError } from '../errors.ts';
import { localTimestamp } from './localTime.ts';
import { holderText, processAlive, thisProcess } from './processes.ts';

/** What a lock file holds: who took it and when. Older versions wrote the PID alone; both are read. */
interface Holder {
  pid: number;
  stamp?: string | null;
  user?: string;
  command?: string;
  since?: string;
}

function parseHolder(text: string): Holder | null {
  try {
    const h = JSON.parse(text) as Holder;
    if (Number.isInteger(h?.pid)) return h;
  } catch {
    /* the old format */
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 && /^\d+\s*$/.test(text) ? { pid } : null;
}

function safeRead(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock whose text was `seen`. Two waiters may judge the same lock stale: the lock is renamed away
 * (only one rename succeeds) and, should the one renamed not be the stale one (another waiter already took over),
 * it is put back.
 */
function takeOver(lockFile: string, seen: string): void {
  const aside = `${lockFile}.stale-${process.pid}`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return; // gone already: taken over or released
  }
  if (safeRead(aside) !== seen) {
    try {
      linkSync(aside, lockFile);
    } catch {
      /* a third run took it meanwhile: it holds it */
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    /* removed */
  }
}

/** Drafts (`FILE.lock.<pid>.tmp`) and set-aside locks (`FILE.lock.stale-<pid>`) of processes that died meanwhile. */
function removeDeadDrafts(lockFile: string): void {
  const prefix = `${basename(lockFile)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(lockFile));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(?:(\d+)\.tmp|stale-(\d+))$/.exec(name.slice(prefix.length));
    if (pid && !processAlive(Number(pid[1] ?? pid[2]))) {
      try {
        unlinkSync(join(dirname(lockFile), name));
      } catch {
        /* removed meanwhile */
      }
    }
  }
}

/**
 * Takes the exclusive lock file `lockFile` (the warehouse's `FILE.lock`): written whole beside it, then linked into
 * place, so the file appears at once with the holder's PID, start stamp, user and command. A second run waits up
 * to `waitMs` for the first to finish (`onWait` is told once who holds it), then fails with a Vietnamese message
 * naming the holder. A lock whose holder no longer runs (killed, or a reboot since) is taken over. Returns the
 * release function.
 */
export async function acquireLock(lockFile: string, waitMs: number, onWait?: (holder: string) => void): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  removeDeadDrafts(lockFile);
  const mine = `${JSON.stringify({ ...thisProcess(), since: localTimestamp(new Date()) })}\n`;
  const tmp = `${lockFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, mine);
  } catch (err) {
    throw explainFailure(err, lockFile) ?? err;
  }
  let told = false;
  try {
    for (;;) {
      try {
        linkSync(tmp, lockFile);
        return () => {
          if (safeRead(lockFile) !== mine) return; // not ours (never expected while we run)
          try {
            unlinkSync(lockFile);
          } catch {
            /* already gone */
          }
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw explainFailure(err, lockFile) ?? err;
      }
      const seen = safeRead(lockFile);
      if (seen === null) continue; // released meanwhile
      const holder = parseHolder(seen);
      if (holder === null || !processAlive(holder.pid, holder.stamp)) {
        takeOver(lockFile, seen);
        continue;
      }
      const who = holderText(holder.pid, { command: holder.command, user: holder.user });
      if (Date.now() >= deadline) {
        throw new RunError(
          `kho dữ liệu đang được một tiến trình khác cập nhật (${who}${holder.since ? `, từ ${holder.since}` : ''}; tệp khóa ${lockFile}). ` +
            'Hãy chờ lượt chạy đó kết thúc rồi chạy lại, hoặc chạy với --wait GIÂY để chờ',
        );
      }
      if (!told && onWait) {
        onWait(who);
        told = true;
      }
      await sleep(200);
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* linked and removed, or never written */
    }
  }
}
