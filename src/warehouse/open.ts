import { existsSync, fsyncSync, openSync, closeSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdbLockHolder, explainFailure, firstLine, RunError } from '../errors.ts';
import { holderText } from '../system/processes.ts';
import { acquireLock } from '../system/lock.ts';

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

/** How long a run waits for readers (or a writer) holding the warehouse file, and whom it tells. */
export interface EngineWait {
  waitMs: number;
  /** Told once, when the file is held and the wait starts: who holds it. */
  onWait?: (holder: string) => void;
}

/**
 * Opens DuckDB on `file`; while another process holds the file (DuckDB's own lock: a reader such as `report`, a
 * backup, a `build`), tries again until `wait.waitMs` has passed, then fails with a Vietnamese message naming the
 * holder and no engine text (the project's lock keeps writers apart; readers only DuckDB's lock stops).
 */
async function openWaiting(
  file: string,
  options: Record<string, string>,
  wait: EngineWait,
  busy: (who: string) => string,
): Promise<DuckDBInstance> {
  const { DuckDBInstance } = await duckdb();
  const deadline = Date.now() + wait.waitMs;
  let told = false;
  for (;;) {
    try {
      return await DuckDBInstance.create(file, options);
    } catch (err) {
      const holder = duckdbLockHolder(err);
      if (!holder) throw explainFailure(err, file) ?? err;
      const who = holderText(holder.pid);
      if (Date.now() >= deadline) throw new RunError(busy(who));
      if (!told && wait.onWait) {
        wait.onWait(who);
        told = true;
      }
      await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
    }
  }
}

/** DuckDB on the warehouse FILE, for writing; `fresh`: FILE is new. Waits for readers as `wait` says. */
export async function openForWriting(
  file: string,
  fresh: boolean,
  wait: EngineWait = { waitMs: 0 },
): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
  const options = { ...(fresh ? NEW_FILE_OPTIONS : {}), memory_limit: writeMemoryLimit() };
  const waited = wait.waitMs > 0 ? `đã chờ ${Math.round(wait.waitMs / 1000)} giây; ` : '';
  const instance = await openWaiting(file, options, wait, (who) =>
    `kho dữ liệu ${file} đang được tiến trình ${who} mở nên chưa ghi được; ${waited}hãy chờ tiến trình đó kết thúc ` +
      '(hoặc dừng nó) rồi chạy lại, hoặc chạy với --wait GIÂY để chờ lâu hơn',
  );
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
 * The shared figure macros (schema/003_figures.sql) as temporary macros of one session: a warehouse last written by an
 * older version has no stored copy, and a read-only session cannot store one. They shadow stored ones of the same name.
 */
export function figureMacrosSql(): string {
  return readFileSync(join(SCHEMA_DIR, '003_figures.sql'), 'utf8').replaceAll('CREATE OR REPLACE MACRO', 'CREATE OR REPLACE TEMP MACRO');
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

/**
 * Removes DuckDB's spill files (FILE.tmp/) left by a run killed while writing: DuckDB does not remove them itself.
 * Called once the warehouse is open for writing, when no other process can have it open.
 */
function removeSpill(dbFile: string): void {
  const spill = `${dbFile}.tmp`;
  if (!existsSync(spill)) return;
  for (const name of readdirSync(spill)) rmSync(join(spill, name), { recursive: true, force: true });
}

export interface WriteOptions {
  /** How long a second concurrent run waits for the lock, and then for readers of the file, before giving up (ms). */
  lockWaitMs?: number;
  /** Told once when another run holds the lock: who. */
  onLockWait?: (holder: string) => void;
  /** Told once when a reader holds the file: who. */
  onReaderWait?: (holder: string) => void;
  /** The caller holds the warehouse lock already (`nightly` holds it from ingest to publish). */
  lockHeld?: boolean;
  /** Awaited with the writes done but not committed, then committed but not checkpointed (CommandIO.atStage). */
  atStage?: (stage: 'before-commit' | 'after-commit') => Promise<void>;
}

/** The warehouse's lock file: one run writes at a time (SPEC §3.6). */
export function lockFileOf(dbFile: string): string {
  return `${dbFile}.lock`;
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
  const waitMs = options.lockWaitMs ?? 0;
  const release = options.lockHeld ? () => {} : await acquireLock(lockFileOf(dbFile), waitMs, options.onLockWait);
  const tmp = join(dirname(dbFile), `.${basename(dbFile)}.new-${process.pid}`);
  const fresh = !existsSync(dbFile);
  try {
    removeLeftovers(dbFile);
    const { instance, conn } = await openForWriting(fresh ? tmp : dbFile, fresh, { waitMs, onWait: options.onReaderWait });
    let outcome: { commit: boolean; result: T };
    try {
      removeSpill(dbFile);
      await conn.run('BEGIN TRANSACTION');
      try {
        await conn.run(schemaSql());
        outcome = await work(conn);
      } catch (err) {
        await conn.run('ROLLBACK').catch(() => {});
        throw outOfMemory(err);
      }
      if (outcome.commit) await options.atStage?.('before-commit');
      await conn.run(outcome.commit ? 'COMMIT' : 'ROLLBACK');
      if (outcome.commit) {
        await options.atStage?.('after-commit');
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
      'THU_CONG_VU_MEMORY_LIMIT lớn hơn (ví dụ THU_CONG_VU_MEMORY_LIMIT=2GB) rồi chạy lại',
    firstLine(err),
  );
}

/**
 * Opens an existing warehouse read-only (build, score, report, summary). While a night is being written the file is
 * DuckDB-locked: the reader waits up to `wait.waitMs` (default: not at all), then says in Vietnamese who writes.
 */
export async function withReadOnlyWarehouse<T>(
  dbFile: string,
  work: (conn: DuckDBConnection) => Promise<T>,
  wait: EngineWait = { waitMs: 0 },
): Promise<T> {
  if (!existsSync(dbFile)) throw new RunError(`không tìm thấy kho dữ liệu ${dbFile}. Hãy chạy lệnh ingest trước.`);
  const instance = await openWaiting(dbFile, { access_mode: 'READ_ONLY' }, wait, (who) =>
    `kho dữ liệu ${dbFile} đang được một lượt nạp cập nhật (tiến trình ${who}); hãy chạy lại sau khi lượt nạp xong`,
  );
  try {
    const conn = await instance.connect();
    try {
      await conn.run(figureMacrosSql());
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
