import { constants, copyFileSync, existsSync, fsyncSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { RunError } from '../cli/command.ts';
import { acquireLock } from './lock.ts';

const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));

/** The schema files in order (001_core.sql, 002_maillog.sql, …); each is idempotent. */
export function schemaSql(): string {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}

/**
 * Removes working copies (`.FILE.new-<pid>` and their WAL) left by runs that were killed before their cleanup ran.
 * Called with the lock held, so no live run owns one.
 */
function removeLeftovers(dbFile: string): void {
  const dir = dirname(dbFile);
  const prefix = `.${basename(dbFile)}.new-`;
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
  }
}

export interface WriteOptions {
  /** How long a second concurrent run waits for the lock before giving up (ms). */
  lockWaitMs?: number;
  onLockWait?: (pid: number) => void;
}

/**
 * Runs `work` against a writable copy of the warehouse and publishes it atomically (SPEC §3.6):
 * lock → copy FILE to FILE.new-<pid> (a reflink where the file system allows) → work → CHECKPOINT → fsync →
 * rename over FILE. If `work` throws or the process is killed, FILE is left byte-identical. If `work` returns
 * `{ commit: false }` nothing is published (used for a night already ingested).
 */
export async function withWritableWarehouse<T>(
  dbFile: string,
  work: (conn: DuckDBConnection) => Promise<{ commit: boolean; result: T }>,
  options: WriteOptions = {},
): Promise<T> {
  const release = await acquireLock(`${dbFile}.lock`, options.lockWaitMs ?? 0, options.onLockWait);
  const tmp = join(dirname(dbFile), `.${basename(dbFile)}.new-${process.pid}`);
  try {
    removeLeftovers(dbFile);
    if (existsSync(dbFile)) copyFileSync(dbFile, tmp, constants.COPYFILE_FICLONE);
    const instance = await DuckDBInstance.create(tmp);
    let outcome: { commit: boolean; result: T };
    try {
      const conn = await instance.connect();
      try {
        await conn.run(schemaSql());
        outcome = await work(conn);
        if (outcome.commit) await conn.run('CHECKPOINT');
      } finally {
        conn.closeSync();
      }
    } finally {
      instance.closeSync();
    }
    if (outcome.commit) {
      const fd = openSync(tmp, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, dbFile);
      const dirFd = openSync(dirname(dbFile), 'r');
      fsyncSync(dirFd);
      closeSync(dirFd);
    }
    return outcome.result;
  } finally {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}.wal`, { force: true });
    release();
  }
}

/** Opens an existing warehouse read-only (build, score, report, summary). */
export async function withReadOnlyWarehouse<T>(dbFile: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  if (!existsSync(dbFile)) throw new RunError(`không tìm thấy kho dữ liệu ${dbFile}. Hãy chạy lệnh ingest trước.`);
  const instance = await DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  try {
    const conn = await instance.connect();
    try {
      return await work(conn);
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/** Runs a query with bound parameters and returns plain JS row objects (BigInt → number where safe). */
export async function queryRows<T = Record<string, unknown>>(
  conn: DuckDBConnection,
  sql: string,
  params?: Record<string, unknown> | unknown[],
): Promise<T[]> {
  const reader = await conn.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJson() as unknown as T[];
}
