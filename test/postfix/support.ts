/**
 * Test support for the mail-log tests: pflogsumm run live (with its k/m rounding of byte counts turned off, so bytes
 * compare exactly), an in-memory warehouse with a night of logs loaded, and generated logs written to files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { generateMaillogLines, type MaillogOptions } from '../../src/generate/maillog.ts';
import type { QuarantineEntry } from '../../src/warehouse/ingestContext.ts';
import { loadMaillogFiles, type LoadOptions } from '../../src/warehouse/maillog/load.ts';
import { mailTotals, type MailTotals } from '../../src/warehouse/maillog/summary.ts';
import { schemaSql } from '../../src/warehouse/open.ts';

/** Debian's pflogsumm (1.1.5), the reference operators trust (SPEC §4.3); absent on a fresh machine. */
export const PFLOGSUMM = '/usr/sbin/pflogsumm';
/** Whether pflogsumm runs here: the comparisons then run it live as well as against the recorded totals. */
export const PFLOGSUMM_LIVE = existsSync(PFLOGSUMM);
/** shared/testdata/postfix beside the checkout (as CI lays it out), else the workplace's /work/shared. */
const BESIDE_CHECKOUT = fileURLToPath(new URL('../../../shared/testdata/postfix', import.meta.url));
export const REAL_LOGS = existsSync(BESIDE_CHECKOUT) ? BESIDE_CHECKOUT : '/work/shared/testdata/postfix';

export function tempDir(prefix = 'tcv-maillog-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

let exactCopy: string | null = null;

/** pflogsumm 1.1.5 itself, except that byte counts print as plain integers instead of "8383k"/"3038m". */
function pflogsummExactScript(): string {
  if (exactCopy) return exactCopy;
  const source = readFileSync(PFLOGSUMM, 'utf8');
  const patched = source.replace(/^\$divByOneKAt\s*=\s*\d+;/m, '$divByOneKAt = 1e30;').replace(/^\$divByOneMegAt\s*=\s*\d+;/m, '$divByOneMegAt = 1e30;');
  if (patched === source) throw new Error('pflogsumm: unit thresholds not found');
  exactCopy = join(tempDir('tcv-pflogsumm-'), 'pflogsumm');
  writeFileSync(exactCopy, patched);
  return exactCopy;
}

/** pflogsumm's Grand Totals for `files` (read in the given order), run live, in SPEC §4.3's names. */
function pflogsummLive(files: string[]): MailTotals {
  const out = execFileSync('perl', [pflogsummExactScript(), ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const grab = (label: string): number => {
    const m = new RegExp(`^\\s*(\\d+)\\s+${label}\\b`, 'm').exec(out);
    if (!m) throw new Error(`pflogsumm: no "${label}" line`);
    return Number(m[1]);
  };
  const deferrals = /deferred\s+\((\d+)\s+deferrals\)/.exec(out);
  return {
    received: grab('received'),
    delivered: grab('delivered'),
    deferred: grab('deferred'),
    deferrals: deferrals ? Number(deferrals[1]) : 0,
    bounced: grab('bounced'),
    rejected: grab('rejected'),
    bytes_received: grab('bytes received'),
    bytes_delivered: grab('bytes delivered'),
    senders: grab('senders'),
    recipients: grab('recipients'),
    sending_domains: grab('sending hosts/domains'),
    recipient_domains: grab('recipient hosts/domains'),
  };
}

/**
 * Totals pflogsumm printed for the logs the tests read, keyed by the bytes read (recordKey), so a machine without
 * pflogsumm still compares against pflogsumm's own figures. Recorded on Debian 12's pflogsumm 1.1.5 with
 * `RECORD_PFLOGSUMM=1 npx vitest run --no-file-parallelism test/postfix` (the command in the file).
 */
export const RECORDED_FILE = fileURLToPath(new URL('../fixtures/pflogsumm/recorded.json', import.meta.url));
interface Recorded { command: string; totals: Record<string, { files: string[]; bytes: number; totals: MailTotals }> }
let recorded: Recorded | null = null;
function recordedTotals(): Recorded {
  recorded ??= existsSync(RECORDED_FILE)
    ? (JSON.parse(readFileSync(RECORDED_FILE, 'utf8')) as Recorded)
    : { command: 'perl pflogsumm (Debian 1.1.5, byte units off: $divByOneKAt = $divByOneMegAt = 1e30) FILE...', totals: {} };
  return recorded;
}

/** sha256 over each file's length and bytes, in reading order: the same lines read the same way give the same key. */
function recordKey(files: readonly string[]): { key: string; bytes: number } {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const f of files) {
    const data = readFileSync(f);
    bytes += data.length;
    hash.update(`${data.length}:`).update(data);
  }
  return { key: hash.digest('hex'), bytes };
}

let toldSkipped = false;

/**
 * pflogsumm's Grand Totals for `files` (read in the given order). Where pflogsumm is installed it runs live and must
 * agree with the recorded totals (with RECORD_PFLOGSUMM=1 it records them); where it is not, the recorded totals
 * stand in and the test output says the live comparison was skipped. Logs with no recorded totals fail either way,
 * so CI (live) and a fresh machine (recorded) compare the same figures.
 */
export function pflogsumm(files: string[]): MailTotals {
  const store = recordedTotals();
  const { key, bytes } = recordKey(files);
  const known = store.totals[key];
  if (!PFLOGSUMM_LIVE) {
    if (!toldSkipped) {
      toldSkipped = true;
      console.info(`pflogsumm không có ở ${PFLOGSUMM}: bỏ qua so sánh trực tiếp, so với tổng số đã ghi từ pflogsumm (${RECORDED_FILE})`);
    }
    if (!known) throw new Error(`no recorded pflogsumm totals for ${files.map((f) => basename(f)).join(' + ')} (${bytes} bytes, ${key}): record them where pflogsumm is installed with RECORD_PFLOGSUMM=1`);
    return known.totals;
  }
  const live = pflogsummLive(files);
  if (process.env.RECORD_PFLOGSUMM === '1') {
    // re-read before writing: other test files may have recorded meanwhile
    recorded = null;
    const onDisk = recordedTotals();
    onDisk.totals[key] = { files: files.map((f) => basename(f)), bytes, totals: live };
    const sorted = Object.fromEntries(Object.entries(onDisk.totals).sort(([a], [b]) => (a < b ? -1 : 1)));
    mkdirSync(dirname(RECORDED_FILE), { recursive: true });
    writeFileSync(RECORDED_FILE, JSON.stringify({ ...onDisk, totals: sorted }, null, 1) + '\n');
  } else if (!known) {
    throw new Error(`no recorded pflogsumm totals for ${files.map((f) => basename(f)).join(' + ')}: run RECORD_PFLOGSUMM=1 npx vitest run --no-file-parallelism test/postfix`);
  } else if (JSON.stringify(known.totals) !== JSON.stringify(live)) {
    throw new Error(`recorded pflogsumm totals for ${files.map((f) => basename(f)).join(' + ')} differ from pflogsumm run live: ${JSON.stringify(known.totals)} vs ${JSON.stringify(live)}`);
  }
  return live;
}

export interface Loaded {
  conn: DuckDBConnection;
  warnings: string[];
  quarantine: QuarantineEntry[];
  counts: Record<string, number>;
  totals: () => Promise<MailTotals>;
  close: () => void;
}

/** A fresh in-memory warehouse (schema applied); `setup` runs before the load (e.g. to add mailboxes). */
export async function openWarehouse(): Promise<{ conn: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  await conn.run(schemaSql());
  return { conn, close: () => { conn.closeSync(); instance.closeSync(); } };
}

/** Loads `files` as the night `exportDate` into `conn` through the loader the ingest command uses. */
export async function loadNight(
  conn: DuckDBConnection, files: string[], exportDate: string, options: LoadOptions = {},
): Promise<Omit<Loaded, 'conn' | 'close' | 'totals'>> {
  const warnings: string[] = [];
  const quarantine: QuarantineEntry[] = [];
  const counts = await loadMaillogFiles(
    { conn, exportDir: files[0] ? dirname(files[0]) : '/', exportDate, runId: 1, quarantine: (q) => quarantine.push(q), warn: (w) => warnings.push(w), unreadable: (g) => warnings.push(`${g.file}: ${g.reason}`), progress: () => {} },
    files,
    options,
  );
  return { warnings, quarantine, counts };
}

/** Opens a warehouse and loads one night into it. */
export async function loaded(files: string[], exportDate: string, options: LoadOptions = {}): Promise<Loaded> {
  const { conn, close } = await openWarehouse();
  const result = await loadNight(conn, files, exportDate, options);
  return { conn, close, ...result, totals: () => mailTotals(conn) };
}

/** Writes a generated night to `path` and returns it. */
export function writeGeneratedLog(path: string, opts: Partial<MaillogOptions> & { date: string }): string {
  const mailboxes = opts.mailboxes ?? Array.from({ length: 300 }, (_, i) => ({ address: `user${i}@soctrang.gov.vn`, active: i % 25 !== 0, weight: 1 + (i % 5) }));
  const lines = [...generateMaillogLines({ domain: 'soctrang.gov.vn', seed: 11, messages: 400, ...opts, mailboxes })];
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

export async function rows<T = Record<string, unknown>>(conn: DuckDBConnection, sql: string, params?: Record<string, unknown>): Promise<T[]> {
  return (await conn.runAndReadAll(sql, params as never)).getRowObjectsJson() as unknown as T[];
}
