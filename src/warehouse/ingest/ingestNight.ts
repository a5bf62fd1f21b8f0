/**
 * Ingest of one export night (SPEC §2 `ingest`, §3.6): validated, idempotent, atomic. The same files twice change
 * nothing (the warehouse file is not even rewritten); a changed export of the same night replaces that night's
 * quarantine and re-applies its upserts; any failure leaves the previous warehouse byte-identical.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import type { PolicyId } from '../../rules/policy/schema.ts';
import type { IngestContext, InputGap, LoadedCounts, QuarantineEntry } from '../ingestContext.ts';
import { RunError } from '../../errors.ts';
import { queryRows, withWritableWarehouse, type WriteOptions } from '../open.ts';
import { fingerprintNight, fileStats, sameStats, type ExportFile, type ExportNight, type FileRole, type FileStat } from './exportFolder.ts';
import { earlierNights, missingKinds } from './expectedFiles.ts';
import { agencyCatalogue, loadAgencies } from './loadAgencies.ts';
import { loadMailboxes, loadQuotaOnly } from './loadMailboxes.ts';
import { loadIncidents, loadLogins, loadRequests } from './loadRecords.ts';
import { loadStartedMaillog, maillogDigests, type MaillogJob } from '../maillog/load.ts';
import { startNightMaillog } from '../maillog/start.ts';
import { recordPolicy } from './policyInForce.ts';
import { mergeQuota, readQuota, readRegistry, type Registry } from './readRegistry.ts';
import { stageRows } from './staging.ts';

export interface IngestOptions {
  /** `--profile`: the policy profile in force; detected from the mailbox domain when absent. */
  profile?: PolicyId;
  /** `--wait` in milliseconds: how long a second run waits for the warehouse lock. */
  lockWaitMs?: number;
  /** Clock for ingest_runs.started_at/finished_at (tests pass a fixed one). */
  now?: () => Date;
  /** Progress for long files (the CLI writes it to stderr). */
  onProgress?: (message: string) => void;
  /** Told once when the lock is held by another run and we start waiting: who holds it. */
  onLockWait?: (holder: string) => void;
  /** Told once when a reader holds the warehouse file and we start waiting: who. */
  onReaderWait?: (holder: string) => void;
  /** The caller holds the warehouse lock (`nightly`, `ingest` over several nights). */
  lockHeld?: boolean;
  /** The night's mail log already being read (startNightMaillog), which the ingest then owns and disposes of. */
  maillog?: MaillogJob | null;
  /** `--partial`: a file that cannot be read is recorded as a gap of the night instead of failing it (SPEC §3.6). */
  partial?: boolean;
  /** Awaited at the write's commit points (WriteOptions.atStage). */
  atStage?: WriteOptions['atStage'];
}

export interface NightResult {
  night: string;
  /** The ingest_runs row written; null when the night was already ingested with the same files. */
  runId: number | null;
  unchanged: boolean;
  rowsLoaded: LoadedCounts;
  rowsQuarantined: number;
  warnings: string[];
  /** Files that could not be read, whole or in part (only under `--partial`; otherwise the night fails). */
  gaps: InputGap[];
  /** Profile in force after this night, and how it was chosen. */
  policy: { id: string; how: string } | null;
}

const PROGRESS_INTERVAL_MS = 1000;

function byRole(files: readonly ExportFile[], role: FileRole): ExportFile[] {
  return files.filter((f) => f.role === role);
}

/** The night's file of a table kind: the CSV when an office also sent the workbook (said in a warning). */
function tableFile(ctx: IngestContext, files: readonly ExportFile[], role: FileRole): ExportFile | undefined {
  const all = byRole(files, role);
  if (all.length > 1) ctx.warn(`có cả ${all.map((f) => f.name).join(' và ')} — dùng ${all[0]!.name}, bỏ qua tệp còn lại`);
  return all[0];
}

async function previousRun(conn: DuckDBConnection, night: string): Promise<{ run_id: number; fingerprint: string; files: string } | null> {
  const rows = await queryRows<{ run_id: number; fingerprint: string; files: string }>(
    conn,
    'SELECT run_id, fingerprint, files::VARCHAR AS files FROM ingest_runs WHERE export_date = CAST($night AS DATE) ORDER BY run_id DESC LIMIT 1',
    { night },
  );
  return rows[0] ?? null;
}

async function writeQuarantine(conn: DuckDBConnection, runId: number, night: string, entries: readonly QuarantineEntry[]) {
  await conn.run('DELETE FROM quarantine WHERE export_date = CAST($night AS DATE)', { night });
  const columns = { file: 'VARCHAR', line: 'INTEGER', column_name: 'VARCHAR', raw: 'VARCHAR', reason: 'VARCHAR' } as const;
  await stageRows(conn, 'stg_quarantine', columns, entries, (e) => [e.file, e.line, e.column, e.raw, e.reason]);
  await conn.run(
    `INSERT INTO quarantine (run_id, export_date, file, line, column_name, raw, reason)
     SELECT $run, CAST($night AS DATE), file, line, column_name, raw, reason FROM stg_quarantine`,
    { run: runId, night },
  );
  await conn.run('DROP TABLE stg_quarantine');
}

/** Runs every loader of the night against `ctx`, in dependency order (agencies first: others check codes); the mail
 * log, already being read, last (its usage aggregates need the registry). */
async function loadNight(ctx: IngestContext, night: ExportNight, options: IngestOptions, maillog: MaillogJob | null) {
  const loaded: LoadedCounts = {};
  const files = night.files;
  for (const f of files.filter((f) => f.role === null)) ctx.warn(`tệp lạ ${f.name} — không phải tệp xuất đã biết, bỏ qua`);
  // a file the mail server writes every night and earlier nights had, missing tonight: checked first, before reading
  for (const gap of missingKinds(files.map((f) => f.role), await earlierNights(ctx.conn, ctx.exportDate))) ctx.unreadable(gap);
  const agencies = tableFile(ctx, files, 'agencies');
  if (agencies) loaded.agencies = await loadAgencies(ctx, agencies);
  const catalogue = await agencyCatalogue(ctx.conn, ctx.exportDate);

  const csvRegistry = tableFile(ctx, files, 'mailboxes');
  const [zimbra] = byRole(files, 'zimbra');
  if (csvRegistry && zimbra) ctx.warn(`có cả ${csvRegistry.name} và ${zimbra.name} — dùng ${csvRegistry.name}, bỏ qua ${zimbra.name}`);
  const registryFile = csvRegistry ?? zimbra;
  let registry: Registry | null = null;
  if (registryFile) registry = await readRegistry(ctx, registryFile, catalogue);
  const [quotaFile] = byRole(files, 'quota');
  const quota = quotaFile ? readQuota(ctx, quotaFile) : null;
  if (registry) {
    if (quotaFile && quota) loaded.quota = mergeQuota(ctx, quotaFile, registry, quota);
    loaded.mailboxes = await loadMailboxes(ctx, registry);
  } else if (quotaFile && quota) {
    loaded.quota = await loadQuotaOnly(ctx, quotaFile.name, quota);
  }
  // the night's profile, decided before anything reads it (the mail log's retention and province domains)
  const policy = await recordPolicy(ctx, options.profile, registry ? registry.rows.map((r) => r.row.address) : []);
  const logins = tableFile(ctx, files, 'logins');
  if (logins) loaded.logins = await loadLogins(ctx, logins);
  const requests = tableFile(ctx, files, 'requests');
  if (requests) loaded.requests = await loadRequests(ctx, requests, catalogue);
  const incidents = tableFile(ctx, files, 'incidents');
  if (incidents) loaded.incidents = await loadIncidents(ctx, incidents);
  if (maillog) Object.assign(loaded, await loadStartedMaillog(ctx, maillog));
  return { loaded, policy };
}

/** The failed night's message: the file, what was found, and the two ways on (SPEC §3.6). */
function unreadableNight(night: ExportNight, gap: InputGap): RunError {
  const what = gap.missing ? `thiếu tệp trong ${night.dir}: ${gap.reason}` : `không đọc được tệp ${join(night.dir, gap.file)}: ${gap.reason}`;
  return new RunError(
    `${what}. Đêm ${night.date} không được nạp, kho dữ liệu giữ nguyên; ` +
      'sửa hoặc gửi lại tệp rồi chạy lại, hoặc chạy với --partial để nạp các tệp còn lại và ghi nhận phần thiếu',
  );
}

/**
 * Ingests one night into `dbFile` (created if absent). The mail log, the biggest input by far, starts being read on
 * worker threads first, which also hash it for the night's fingerprint; the warehouse is opened meanwhile. A night
 * already ingested with the same files is found unchanged once the log is read, and nothing is written.
 */
export async function ingestNight(night: ExportNight, dbFile: string, options: IngestOptions = {}): Promise<NightResult> {
  const maillog = options.maillog !== undefined ? options.maillog : startNightMaillog(night);
  try {
    return await ingestStarted(night, dbFile, options, maillog);
  } finally {
    maillog?.dispose();
  }
}

async function ingestStarted(night: ExportNight, dbFile: string, options: IngestOptions, maillog: MaillogJob | null): Promise<NightResult> {
  const now = options.now ?? (() => new Date());
  return withWritableWarehouse<NightResult>(
    dbFile,
    async (conn) => {
      const startedAt = now();
      const fingerprint = await fingerprintNight(night, maillog ? await maillogDigests(maillog) : undefined);
      const previous = await previousRun(conn, night.date);
      const stats = fileStats(night);
      if (previous !== null && previous.fingerprint === fingerprint) {
        // the same bytes under new times (copied again, restored): the times are recorded, so the next run over
        // the parent folder skips the night without reading it (ingestExports)
        const restamped = !sameStats(JSON.parse(previous.files) as FileStat[], stats);
        if (restamped) {
          await conn.run('UPDATE ingest_runs SET files = CAST($files AS JSON) WHERE run_id = $run', { files: JSON.stringify(stats), run: previous.run_id });
        }
        return {
          commit: restamped,
          result: {
            night: night.date,
            runId: null,
            unchanged: true,
            rowsLoaded: {},
            rowsQuarantined: 0,
            gaps: [],
            warnings: [`đêm ${night.date} đã được nạp với đúng các tệp này (lượt ${previous.run_id}) — không thay đổi gì`],
            policy: null,
          },
        };
      }
      const next = (await queryRows<{ next: number }>(conn, 'SELECT coalesce(max(run_id), 0)::INTEGER + 1 AS next FROM ingest_runs'))[0]!.next;
      const quarantine: QuarantineEntry[] = [];
      const warnings: string[] = [];
      const gaps: InputGap[] = [];
      let lastProgress = Date.now();
      const ctx: IngestContext = {
        conn,
        exportDir: night.dir,
        exportDate: night.date,
        runId: next,
        quarantine: (entry) => void quarantine.push(entry),
        warn: (message) => void warnings.push(message),
        unreadable: (gap) => {
          if (!options.partial) throw unreadableNight(night, gap);
          gaps.push(gap);
          warnings.push(`thiếu dữ liệu: ${gap.file} — ${gap.reason} (nạp một phần theo --partial)`);
        },
        progress: (message) => {
          const t = Date.now();
          if (options.onProgress && t - lastProgress >= PROGRESS_INTERVAL_MS) {
            lastProgress = t;
            options.onProgress(`${night.date} ${message}`);
          }
        },
      };
      const { loaded, policy } = await loadNight(ctx, night, options, maillog);
      await writeQuarantine(conn, next, night.date, quarantine);
      await conn.run(
        `INSERT INTO ingest_runs (run_id, export_date, export_dir, fingerprint, started_at, finished_at, rows_loaded,
                                  rows_quarantined, warnings, files, gaps)
         VALUES ($run, CAST($night AS DATE), $dir, $fingerprint, CAST($started AS TIMESTAMPTZ), CAST($finished AS TIMESTAMPTZ),
                 CAST($loaded AS JSON), $quarantined, CAST($warnings AS JSON), CAST($files AS JSON), CAST($gaps AS JSON))`,
        {
          run: next,
          night: night.date,
          dir: night.dir,
          fingerprint,
          started: startedAt.toISOString(),
          finished: now().toISOString(),
          loaded: JSON.stringify(loaded),
          quarantined: quarantine.length,
          warnings: JSON.stringify(warnings),
          files: JSON.stringify(stats),
          gaps: JSON.stringify(gaps),
        },
      );
      return {
        commit: true,
        result: { night: night.date, runId: next, unchanged: false, rowsLoaded: loaded, rowsQuarantined: quarantine.length, warnings, gaps, policy },
      };
    },
    { lockWaitMs: options.lockWaitMs ?? 0, onLockWait: options.onLockWait, onReaderWait: options.onReaderWait, lockHeld: options.lockHeld, atStage: options.atStage },
  );
}
