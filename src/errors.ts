/**
 * Errors every layer may throw, below everything else (STYLE 14): a RunError is a failed run whose message an
 * operator can act on; `explainFailure` turns what the system or DuckDB says (ENOSPC, "Could not set lock…",
 * "Out of Memory Error…") into such a message. The CLI prints the message as one Vietnamese sentence and the
 * original English words, if any, on a second line — for a search engine, never instead of the sentence.
 */
import { dirname } from 'node:path';
import { userInfo } from 'node:os';

/** Bad input or a failed run; the message says what and where. Exit code 1. */
export class RunError extends Error {
  /** The system's or engine's own words (English), printed on a second line. */
  readonly detail: string | undefined;

  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'RunError';
    this.detail = detail;
  }
}

/** The first line of an error's message (DuckDB's run to several lines, with hints and addresses). */
export function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.trim();
}

/** The user this process runs as (named in permission messages: the service's user, not the one reading). */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/** The first quoted absolute path in an engine message: `Could not write file "/srv/…/w.duckdb.wal": …`. */
function quotedPath(message: string): string | null {
  return /"(\/[^"]+)"/.exec(message)?.[1] ?? null;
}

/** What DuckDB says when another process holds the file: the file and the holder's PID. */
export function duckdbLockHolder(err: unknown): { file: string | null; pid: number; program: string } | null {
  const message = err instanceof Error ? err.message : String(err);
  const m = /Could not set lock on file(?: "([^"]+)")?.*?Conflicting lock is held in (.+?) \(PID (\d+)\)/s.exec(message);
  return m ? { file: m[1] ?? null, program: m[2]!, pid: Number(m[3]) } : null;
}

const DISK_FULL = ['ENOSPC', 'EDQUOT'];

/** What a refused call wanted: to read (a listing, a stat), to write, or either (an open). */
function access(syscall: string | undefined): string {
  if (syscall === 'open' || syscall === undefined) return 'truy cập';
  return ['scandir', 'read', 'stat', 'lstat', 'access', 'opendir'].includes(syscall) ? 'đọc' : 'ghi';
}
const NO_PERMISSION = ['EACCES', 'EPERM'];

/**
 * The failure as a RunError an operator can act on: the file, what happened and what to do, in Vietnamese; the
 * original message as its detail. `file` names the file the caller was working on when the error itself names
 * none. Null for an error this does not recognise (a bug: the CLI says so).
 */
export function explainFailure(err: unknown, file?: string): RunError | null {
  if (err instanceof RunError) return err;
  if (!(err instanceof Error)) return null;
  const e = err as NodeJS.ErrnoException & { dest?: string };
  const detail = firstLine(err);
  // a copy names its source as `path` and what it was writing as `dest`
  const path = e.dest ?? e.path ?? quotedPath(err.message) ?? file ?? null;
  const where = path ? ` ${path}` : '';
  if ((e.code && DISK_FULL.includes(e.code)) || /No space left on device|Disk quota exceeded/i.test(err.message)) {
    const dir = path ? dirname(path) : null;
    return new RunError(
      `hết chỗ trống trên đĩa khi ghi${where}: hãy giải phóng chỗ trống trên ổ chứa ${dir ?? 'thư mục đó'}` +
        `${dir ? ` (xem bằng df -h ${dir})` : ''} rồi chạy lại`,
      detail,
    );
  }
  if ((e.code && NO_PERMISSION.includes(e.code)) || /Permission denied/i.test(err.message)) {
    return new RunError(
      `người dùng ${currentUser()} không có quyền ${access(e.syscall)}${where}: ` +
        `hãy cấp quyền cho người dùng này (chown hoặc chmod, xem docs/OPERATIONS.md mục Cài đặt) rồi chạy lại`,
      detail,
    );
  }
  if (e.code === 'EROFS' || /Read-only file system/i.test(err.message)) {
    return new RunError(`${path ?? 'thư mục cần ghi'} nằm trên ổ chỉ đọc: hãy chọn thư mục ghi được (--db, --out, TMPDIR) rồi chạy lại`, detail);
  }
  if (e.code === 'ENOENT' && path) {
    return new RunError(`không tìm thấy ${path}: hãy kiểm tra đường dẫn rồi chạy lại`, detail);
  }
  if (e.code === 'EMFILE' || e.code === 'ENFILE') {
    return new RunError('tiến trình mở quá nhiều tệp cùng lúc: hãy tăng giới hạn (LimitNOFILE=65536 trong tệp dịch vụ systemd, hoặc ulimit -n) rồi chạy lại', detail);
  }
  if (e.code === 'ENOMEM' || /Out of Memory Error|std::bad_alloc/.test(err.message)) {
    return new RunError(
      'không đủ bộ nhớ: hãy đặt biến môi trường THU_CONG_VU_MEMORY_LIMIT lớn hơn (ví dụ 2GB) hoặc tăng MemoryMax= của dịch vụ rồi chạy lại',
      detail,
    );
  }
  const holder = duckdbLockHolder(err);
  if (holder) {
    return new RunError(
      `kho dữ liệu ${holder.file ?? file ?? ''} đang được tiến trình PID ${holder.pid} (${holder.program}) mở: ` +
        'hãy chờ tiến trình đó xong rồi chạy lại, hoặc chạy với --wait GIÂY để chờ',
    );
  }
  if (/not a valid DuckDB database|Corrupt database file|block checksum|Serialization Error/i.test(err.message)) {
    return new RunError(
      `tệp kho dữ liệu${where} bị hỏng hoặc không phải kho DuckDB: hãy khôi phục bản sao lưu gần nhất ` +
        '(docs/OPERATIONS.md, mục Khôi phục kho) rồi chạy lại',
      detail,
    );
  }
  if (/database file with version number|storage version/i.test(err.message)) {
    return new RunError(
      `tệp kho dữ liệu${where} được ghi bởi phiên bản DuckDB khác: hãy dùng đúng phiên bản đã cài (npm ci) ` +
        'hoặc khôi phục bản sao lưu (docs/OPERATIONS.md, mục Nâng cấp)',
      detail,
    );
  }
  return null;
}
