/**
 * explainFailure (src/errors.ts): what the system and DuckDB say, as one Vietnamese sentence naming the file and what
 * to do, the original words kept for a second line. The messages are DuckDB's and Node's own, as seen on a full disk,
 * a held file, a damaged warehouse (test/cli/operatorErrors.test.ts makes some of them happen for real).
 */
import { describe, expect, it } from 'vitest';
import { duckdbLockHolder, explainFailure, RunError } from '../src/errors.ts';

const errno = (code: string, syscall: string, path?: string) =>
  Object.assign(new Error(`${code}: ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });

describe('explainFailure', () => {
  it.each([
    [
      'DuckDB, disk full at commit',
      new Error('TransactionContext Error: Failed to commit: Could not write file "/srv/tcv/.w.duckdb.new-42.wal": No space left on device'),
      /^hết chỗ trống trên đĩa khi ghi \/srv\/tcv\/\.w\.duckdb\.new-42\.wal: hãy giải phóng chỗ trống trên ổ chứa \/srv\/tcv \(xem bằng df -h \/srv\/tcv\) rồi chạy lại$/,
    ],
    ['Node, disk full', errno('ENOSPC', 'write', '/srv/tcv/site/.releases/r1/public/index.html'), /^hết chỗ trống trên đĩa khi ghi \/srv\/tcv\/site\/\.releases\/r1\/public\/index\.html: /],
    [
      'Node, disk full in a copy (the file written, not the one read)',
      Object.assign(errno('ENOSPC', 'copyfile', '/opt/thu-cong-vu/src/a.ts'), { dest: '/srv/tcv/site/.work/r1/root/src/a.ts' }),
      /^hết chỗ trống trên đĩa khi ghi \/srv\/tcv\/site\/\.work\/r1\/root\/src\/a\.ts: /,
    ],
    ['Node, a folder it may not list', errno('EACCES', 'scandir', '/srv/tcv/exports'), /^người dùng \S+ không có quyền đọc \/srv\/tcv\/exports: /],
    ['Node, permission', errno('EACCES', 'open', '/srv/tcv/w.duckdb.lock.7.tmp'), /^người dùng \S+ không có quyền truy cập \/srv\/tcv\/w\.duckdb\.lock\.7\.tmp: hãy cấp quyền cho người dùng này/],
    ['DuckDB, permission', new Error('IO Error: Cannot open file "/srv/tcv/w.duckdb": Permission denied'), /^người dùng \S+ không có quyền truy cập \/srv\/tcv\/w\.duckdb: /],
    ['read-only disk', errno('EROFS', 'mkdir', '/opt/thu-cong-vu/.astro'), /^\/opt\/thu-cong-vu\/\.astro nằm trên ổ chỉ đọc: hãy chọn thư mục ghi được/],
    ['missing file', errno('ENOENT', 'open', '/srv/tcv/exports/2026-11-20/maillog'), /^không tìm thấy \/srv\/tcv\/exports\/2026-11-20\/maillog: hãy kiểm tra đường dẫn rồi chạy lại$/],
    ['too many files', errno('EMFILE', 'open', '/x'), /^tiến trình mở quá nhiều tệp cùng lúc: hãy tăng giới hạn \(LimitNOFILE=65536/],
    ['DuckDB, memory', new Error('Out of Memory Error: could not allocate block of size 256.0 KiB (1.0 GiB/1.0 GiB used)'), /^không đủ bộ nhớ: hãy đặt biến môi trường THU_CONG_VU_MEMORY_LIMIT lớn hơn/],
    [
      'DuckDB, file held by another process',
      new Error('IO Error: Could not set lock on file "/srv/tcv/w.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242). However, you would be able to open this database in read-only mode, e.g. by using the -readonly parameter in the CLI. See also https://duckdb.org/docs/stable/connect/concurrency'),
      /^kho dữ liệu \/srv\/tcv\/w\.duckdb đang được tiến trình PID 4242 \(\/usr\/bin\/node\) mở: hãy chờ tiến trình đó xong rồi chạy lại, hoặc chạy với --wait GIÂY để chờ$/,
    ],
    ['DuckDB, not a warehouse', new Error('IO Error: The file "/srv/tcv/w.duckdb" exists, but it is not a valid DuckDB database file!'), /^tệp kho dữ liệu \/srv\/tcv\/w\.duckdb bị hỏng hoặc không phải kho DuckDB: hãy khôi phục bản sao lưu gần nhất/],
  ])('%s', (_what, err, sentence) => {
    const explained = explainFailure(err);
    expect(explained).toBeInstanceOf(RunError);
    expect(explained!.message).toMatch(sentence);
    expect(explained!.message).not.toMatch(/Error|No space|Permission denied|Conflicting/);
    expect(explained!.message).not.toContain('\n');
    // the engine's words for a search engine, the lock's excepted: its holder is said in Vietnamese
    if (!/Conflicting lock/.test(err.message)) expect(explained!.detail).toBe(err.message.split('\n')[0]);
  });

  it('names the file the caller was working on when the error names none', () => {
    expect(explainFailure(errno('ENOSPC', 'write'), '/srv/tcv/backup/warehouse-2026-11-20.duckdb')!.message).toMatch(
      /^hết chỗ trống trên đĩa khi ghi \/srv\/tcv\/backup\/warehouse-2026-11-20\.duckdb: .*df -h \/srv\/tcv\/backup/,
    );
  });

  it('passes a RunError through and knows nothing of a bug', () => {
    const run = new RunError('đã nói rồi');
    expect(explainFailure(run)).toBe(run);
    expect(explainFailure(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBeNull();
    expect(explainFailure('chuỗi')).toBeNull();
  });

  it('reads the holder out of DuckDB’s lock message', () => {
    expect(duckdbLockHolder(new Error('IO Error: Could not set lock on file "/a/w.duckdb": Conflicting lock is held in /usr/bin/node (PID 12) by user x'))).toEqual({
      file: '/a/w.duckdb', program: '/usr/bin/node', pid: 12,
    });
    expect(duckdbLockHolder(new Error('IO Error: Cannot open file "/a": No such file or directory'))).toBeNull();
  });
});
