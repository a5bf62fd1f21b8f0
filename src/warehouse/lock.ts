import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunError } from '../cli/command.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file next to the warehouse (`FILE.lock`, created with O_EXCL). A second run waits up to
 * `waitMs` for the first to finish, then exits with a Vietnamese message naming the holder. A lock left by a process
 * that no longer exists (a killed run) is taken over.
 */
export async function acquireLock(lockFile: string, waitMs: number, onWait?: (pid: number) => void): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = Number.parseInt(safeRead(lockFile), 10);
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      try {
        unlinkSync(lockFile);
      } catch {
        /* another waiter took it over first */
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RunError(
        `kho dữ liệu đang được một tiến trình khác cập nhật (PID ${Number.isInteger(holder) ? holder : '?'}, tệp khóa ${lockFile}). ` +
          'Hãy chờ lượt chạy đó kết thúc rồi chạy lại.',
      );
    }
    if (!told && onWait) {
      onWait(holder);
      told = true;
    }
    await sleep(200);
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
