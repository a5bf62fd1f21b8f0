/**
 * Nightly backups of the warehouse (`nightly --backup DIR --keep N`, docs/OPERATIONS.md): a copy of the file taken
 * with the warehouse lock held and no writer open, so it is consistent, named for the latest night it holds, and
 * the oldest removed beyond N. A copy is written beside its final name and renamed into place once synced: a backup
 * folder never holds half a copy under a backup's name.
 */
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { explainFailure } from '../errors.ts';
import { processAlive } from '../system/processes.ts';

/** `warehouse-2026-11-21.duckdb`: the name of a night's backup. */
export const BACKUP_NAME = /^warehouse-(\d{4}-\d{2}-\d{2})\.duckdb$/;

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies `from` to `to` via a temporary name (copy-on-write where the filesystem can). */
function copyDurably(from: string, to: string): void {
  const tmp = `${to}.tmp-${process.pid}`;
  try {
    copyFileSync(from, tmp, constants.COPYFILE_FICLONE);
    fsyncFile(tmp);
    renameSync(tmp, to);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw explainFailure(err, to) ?? err;
  }
}

export interface BackupResult {
  file: string;
  removed: string[];
}

/**
 * Copies the warehouse `dbFile` (and its write-ahead log, should a killed run have left one) into `dir` as the backup
 * of `night`, replacing an earlier backup of the same night, then keeps the newest `keep` backups. Call with the
 * warehouse lock held and no writer open.
 */
export function backupWarehouse(dbFile: string, dir: string, night: string, keep: number): BackupResult {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw explainFailure(err, dir) ?? err;
  }
  // half copies of runs killed while copying
  for (const name of readdirSync(dir)) {
    const pid = /\.tmp-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && name.startsWith('warehouse-') && !processAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
  const file = join(dir, `warehouse-${night}.duckdb`);
  copyDurably(dbFile, file);
  if (existsSync(`${dbFile}.wal`)) copyDurably(`${dbFile}.wal`, `${file}.wal`);
  else rmSync(`${file}.wal`, { force: true });
  fsyncFile(dir);
  const backups = readdirSync(dir).filter((n) => BACKUP_NAME.test(n)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const name of removed) {
    rmSync(join(dir, name), { force: true });
    rmSync(join(dir, `${name}.wal`), { force: true });
  }
  return { file, removed };
}
