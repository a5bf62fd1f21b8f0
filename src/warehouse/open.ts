import { existsSync, fsyncSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { RunError } from '../cli/command.ts';
import { acquireLock } from './lock.ts';

const SCHEMA_DIR = fileURLToPath(new URL('./schema/', import.meta.url));

/** DuckDB's native library, loaded when a warehouse is first opened (a fifth of a second the ingest spends reading
 * the mail log meanwhile). */
const duckdb = () => import('@duckdb/node-api');

/**
 * A new warehouse is written in DuckDB 1.4's storage format rather than the 0.10 one DuckDB picks for compatibility:
 * its compression is cheaper to write (a night's commit takes a fifth less time, the file 2% more room). Only
 * DuckDB ≥ 1.4 reads it; the site's browser queries read Parquet exports, not this file.
 * (Smaller row groups than DuckDB's 122,880 rows were measured too: 16,384 let a night's inserts compress on both
 * cores and saved 0.2 s of a 3 s night, but made a year's warehouse 4.1 GB instead of 2.5 GB.)
 */
const NEW_FILE_OPTIONS = { storage_compatibility_version: 'v1.4.0' };

/**
 * DuckDB's memory while a night is written, unless THU_CONG_VU_MEMORY_LIMIT says otherwise (`2GB`, `512MB`…).
 * DuckDB's own default is 80% of the machine's RAM: its temporary tables and hash tables then grow with the night
 * (a 4 GB log took 2.8 GiB). Past the limit they go to a temporary folder beside the warehouse (FILE.tmp, removed at
 * close): the whole ingest peaked at 1.3 GiB on a 4 GB log (26.8 million lines) and 1.55 GiB on an 8 GB one.
 */
export const DEFAULT_MEMORY_LIMIT = '1GB';

/** The memory limit for writing the warehouse: THU_CONG_VU_MEMORY_LIMIT or DEFAULT_MEMORY_LIMIT. */
export function writeMemoryLimit(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.THU_CONG_VU_MEMORY_LIMIT?.trim();
  if (!value) return DEFAULT_MEMORY_LIMIT;
  if (!/^\d+(\.\d+)?\s*(MB|GB|TB|MiB|GiB|TiB)$/i.test(value)) {
    throw new RunError(`THU_CONG_VU_MEMORY_LIMIT="${value}" không hợp lệ: ghi một số kèm đơn vị MB, GB hoặc TB, ví dụ 2GB`);
  }
  return value;
}

/** DuckDB on the warehouse FILE, for writing; `fresh`: FILE is new. */
export async function openForWriting(file: string, fresh: boolean): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const options = { ...(fresh ? NEW_FILE_OPTIONS : {}), memory_limit: writeMemoryLimit() };
  const instance = await (await duckdb()).DuckDBInstance.create(file, options);
  try {
    return { instance, conn: await instance.connect() };
  } catch (err) {
    instance.closeSync();
    throw err;
  }
}

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
 * Runs `work` in one transaction on the warehouse and commits it only if `work` returns `{ commit: true }`
 * (SPEC §2 "atomic", §3.6 "the previous warehouse stays untouched"):
 * - an existing FILE is changed in place inside BEGIN … COMMIT, then CHECKPOINTed. If `work` throws, the transaction
 *   is rolled back; if the process is killed, DuckDB's write-ahead log holds nothing uncommitted, so the next open
 *   sees the previous warehouse. Either way every table holds exactly what it held before (tested, including
 *   `kill -9` mid-run). A night that changes nothing (`{ commit: false }`) leaves the file byte-identical.
 * - a new FILE is built as FILE.new-<pid> and renamed into place, so a failed first night leaves no file.
 * SPEC §3.6 describes the mechanism as "ingest writes a new file and renames it into place"; copying the whole
 * warehouse every night made a night's ingest grow with history (7–8 s at 2.5 GB), against SPEC §6, so only the
 * first night works that way. Readers that open FILE while a night is being written get a clear "busy" message.
 */
export async function withWritableWarehouse<T>(
  dbFile: string,
  work: (conn: DuckDBConnection) => Promise<{ commit: boolean; result: T }>,
  options: WriteOptions = {},
): Promise<T> {
  const release = await acquireLock(`${dbFile}.lock`, options.lockWaitMs ?? 0, options.onLockWait);
  const tmp = join(dirname(dbFile), `.${basename(dbFile)}.new-${process.pid}`);
  const fresh = !existsSync(dbFile);
  try {
    removeLeftovers(dbFile);
    const { instance, conn } = await openForWriting(fresh ? tmp : dbFile, fresh);
    let outcome: { commit: boolean; result: T };
    try {
      await conn.run('BEGIN TRANSACTION');
      try {
        await conn.run(schemaSql());
        outcome = await work(conn);
      } catch (err) {
        await conn.run('ROLLBACK').catch(() => {});
        throw outOfMemory(err);
      }
      if (outcome.commit) await stopPoint('before-commit');
      await conn.run(outcome.commit ? 'COMMIT' : 'ROLLBACK');
      if (outcome.commit) {
        await stopPoint('after-commit');
        await conn.run('CHECKPOINT');
      }
    } finally {
      conn.closeSync();
      instance.closeSync();
    }
    if (fresh && outcome.commit) {
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
    if (fresh) {
      rmSync(tmp, { force: true });
      rmSync(`${tmp}.wal`, { force: true });
    }
    release();
  }
}

/** DuckDB's "Out of Memory Error" (past the limit with work it cannot spill to disk) as a message that says what to do. */
export function outOfMemory(err: unknown): unknown {
  const message = (err as Error)?.message ?? '';
  if (!message.includes('Out of Memory Error')) return err;
  return new RunError(
    `DuckDB cần nhiều hơn giới hạn bộ nhớ ${writeMemoryLimit()} để ghi đêm này; kho cũ giữ nguyên. Đặt biến môi trường ` +
      `THU_CONG_VU_MEMORY_LIMIT lớn hơn (ví dụ THU_CONG_VU_MEMORY_LIMIT=2GB) rồi chạy lại. Chi tiết: ${message.split('\n')[0]}`,
  );
}

/**
 * Crash tests (test/warehouse/killMidRun.test.ts) set THU_CONG_VU_STOP_AT to a point of the write; the run says so on
 * stderr and waits there to be killed with SIGKILL, so the test kills it at a known point, not after a guessed delay.
 */
async function stopPoint(point: 'before-commit' | 'after-commit'): Promise<void> {
  if (process.env.THU_CONG_VU_STOP_AT !== point) return;
  process.stderr.write(`THU_CONG_VU_STOP_AT ${point}\n`);
  await new Promise(() => setInterval(() => {}, 60_000)); // a timer keeps the process alive until it is killed
}

/** Opens an existing warehouse read-only (build, score, report, summary). */
export async function withReadOnlyWarehouse<T>(dbFile: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
  if (!existsSync(dbFile)) throw new RunError(`không tìm thấy kho dữ liệu ${dbFile}. Hãy chạy lệnh ingest trước.`);
  let instance: DuckDBInstance;
  try {
    instance = await (await duckdb()).DuckDBInstance.create(dbFile, { access_mode: 'READ_ONLY' });
  } catch (err) {
    const busy = /Could not set lock on file .*PID (\d+)/.exec((err as Error).message);
    if (busy) throw new RunError(`kho dữ liệu ${dbFile} đang được một lượt nạp cập nhật (tiến trình PID ${busy[1]}); hãy chạy lại sau khi lượt nạp xong.`);
    throw err;
  }
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
