/**
 * Finding the nights of an export folder and the files of a night (SPEC §3: one folder per night,
 * `exports/YYYY-MM-DD/`), and fingerprinting a night so the same export ingested twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { RunError } from '../../errors.ts';

/** What a file of a night holds (SPEC §3.1–3.5). */
export type FileRole = 'agencies' | 'mailboxes' | 'zimbra' | 'quota' | 'logins' | 'requests' | 'incidents' | 'maillog';

export interface ExportFile {
  name: string;
  path: string;
  role: FileRole | null;
}

export interface ExportNight {
  dir: string;
  /** The night, from the folder name (YYYY-MM-DD). */
  date: string;
  /** Regular files of the folder, sorted by name. */
  files: ExportFile[];
}

const FIXED_NAMES: Readonly<Record<string, FileRole>> = {
  'agencies.csv': 'agencies',
  'mailboxes.csv': 'mailboxes',
  'zimbra-accounts.txt': 'zimbra',
  'quota.txt': 'quota',
  'logins.csv': 'logins',
  'requests.csv': 'requests',
  'incidents.csv': 'incidents',
  'messages.csv': 'maillog',
  // the same tables as an office keeps them (SPEC §3)
  'agencies.xlsx': 'agencies',
  'mailboxes.xlsx': 'mailboxes',
  'logins.xlsx': 'logins',
  'requests.xlsx': 'requests',
  'incidents.xlsx': 'incidents',
};

/** `maillog`, `maillog.1`, `maillog-20261120.gz`, `mail.log`, `mail.log.2.gz` (SPEC §3.3). */
const MAILLOG_NAME = /^(maillog|mail\.log)([.-][\w.-]+)?$/i;

/** The role of a file by its name (case-insensitive), or null for a file ingest does not know. */
export function classifyExportFile(name: string): FileRole | null {
  const lower = name.toLowerCase();
  return FIXED_NAMES[lower] ?? (MAILLOG_NAME.test(lower) ? 'maillog' : null);
}

/** A file of a night as recorded on its ingest run (ingest_runs.files): enough to know it again without reading it. */
export interface FileStat {
  name: string;
  role: FileRole | null;
  bytes: number;
  /** Modification time to the nearest millisecond (absent on runs recorded before it was kept). */
  mtime_ms?: number;
}

/** Names, roles, sizes and modification times of the night's files (a stat each, no reading). */
export function fileStats(n: ExportNight): FileStat[] {
  return n.files.map((f) => {
    const st = statSync(f.path);
    return { name: f.name, role: f.role, bytes: st.size, mtime_ms: Math.round(st.mtimeMs) };
  });
}

/** Whether two file lists are the same files by name, size and modification time (an older record never is). */
export function sameStats(recorded: readonly FileStat[], now: readonly FileStat[]): boolean {
  return (
    recorded.length === now.length &&
    recorded.every((r, i) => {
      const n = now[i]!;
      return r.mtime_ms !== undefined && r.name === n.name && r.bytes === n.bytes && r.mtime_ms === n.mtime_ms;
    })
  );
}

const NIGHT_NAME = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `name` is a real calendar date written YYYY-MM-DD. */
export function isNightName(name: string): boolean {
  const m = NIGHT_NAME.exec(name);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === name;
}

function list(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new RunError(`không đọc được thư mục ${dir}: ${(err as Error).message}`);
  }
}

function night(dir: string): ExportNight {
  const files = list(dir)
    .filter((e) => e.isFile() || (e.isSymbolicLink() && statSync(join(dir, e.name), { throwIfNoEntry: false })?.isFile()))
    .map((e) => ({ name: e.name, path: join(dir, e.name), role: classifyExportFile(e.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!files.some((f) => f.role !== null)) {
    throw new RunError(
      `thư mục ${dir} không có tệp xuất nào (agencies.csv, mailboxes.csv hoặc zimbra-accounts.txt, quota.txt, ` +
        'logins.csv, requests.csv, incidents.csv, maillog, messages.csv; các bảng cũng có thể là .xlsx)',
    );
  }
  return { dir, date: basename(dir), files };
}

/**
 * The nights to ingest from `--exports DIR`: DIR itself when it is a night folder (`…/YYYY-MM-DD/`), otherwise every
 * night folder directly inside it, in date order. Throws a RunError naming DIR when it is neither.
 */
export function findNights(exportsDir: string): ExportNight[] {
  const dir = resolve(exportsDir);
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new RunError(`không tìm thấy thư mục xuất ${exportsDir}`);
  if (!stat.isDirectory()) throw new RunError(`${exportsDir} không phải là thư mục xuất (cần một thư mục YYYY-MM-DD)`);
  if (isNightName(basename(dir))) return [night(dir)];
  const nights = list(dir)
    .filter((e) => e.isDirectory() && isNightName(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => night(join(dir, name)));
  if (nights.length === 0) {
    throw new RunError(`${exportsDir} không phải thư mục xuất của một đêm (tên dạng YYYY-MM-DD) và không chứa thư mục đêm nào`);
  }
  return nights;
}

/**
 * sha256 over the night's file names and bytes, in name order (each name and file length framed so no two
 * different folders hash alike). Streams, so multi-gigabyte logs are fine. Unreadable files fail the run.
 * `digests` are content digests of some files (by path) already computed while reading them (the mail-log parser
 * hashes what it reads); they stand in for those files' bytes.
 */
export async function fingerprintNight(n: ExportNight, digests: ReadonlyMap<string, string> = new Map()): Promise<string> {
  const hash = createHash('sha256');
  for (const file of n.files) {
    try {
      hash.update(`${file.name}\u0000${statSync(file.path).size}\u0000`);
      const digest = digests.get(file.path);
      if (digest !== undefined) hash.update(`sha256:${digest}`);
      else for await (const chunk of createReadStream(file.path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    } catch (err) {
      throw new RunError(`không đọc được tệp ${file.path}: ${(err as Error).message}`);
    }
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
