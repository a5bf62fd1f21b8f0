/**
 * The nightly job (SPEC §2 `nightly`, issue 20), as a province's server room runs it: one lock on the warehouse held
 * from the first night's ingest to the publish; leftovers of runs that died removed first; every night of the export
 * folder not yet loaded ingested (known ones skipped unread); the warehouse backed up; both audiences built into a new
 * release and published when both are done — or, when nothing changed since the live release was built, the site
 * kept as it is.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { explainFailure, firstLine, RunError } from '../../errors.ts';
import { viDate } from '../../rules/period.ts';
import type { PolicyId } from '../../rules/policy/schema.ts';
import { buildSite, normaliseBase } from '../../site/build/buildSite.ts';
import { AUDIENCES, liveRelease, OUT_LOCK, publishRelease, RELEASES_DIR, removeDeadRunsLeftovers, WORK_DIR } from '../../site/build/publish.ts';
import type { Audience } from '../../site/build/types.ts';
import { formatNumber } from '../../text/format.ts';
import { codeStamp } from '../../system/codeStamp.ts';
import { localTimestamp } from '../../system/localTime.ts';
import { backupWarehouse } from '../../warehouse/backup.ts';
import { ComplianceSession } from '../../warehouse/compliance/session.ts';
import { findNights } from '../../warehouse/ingest/exportFolder.ts';
import type { NightResult } from '../../warehouse/ingest/ingestNight.ts';
import { acquireLock } from '../../system/lock.ts';
import { lockFileOf, queryRows, withReadOnlyWarehouse } from '../../warehouse/open.ts';
import type { CommandIO } from '../command.ts';
import { humanSummary, ingestHoldingLock } from '../commands/ingest.ts';
import type { RunStatus } from './status.ts';


export interface NightlyOptions {
  /** The run's date (YYYY-MM-DD, Asia/Ho_Chi_Minh), decided by the command: the reports' days left to their due dates. */
  today: string;
  exports: string;
  db: string;
  out: string;
  base?: string;
  waitSeconds: number;
  partial: boolean;
  profile?: PolicyId;
  /** Build even when nothing changed since the live release. */
  rebuild: boolean;
  /** Back the warehouse up into this folder after a night that changed it. */
  backup?: string;
  /** Backups kept. */
  keep: number;
  /** Complete releases kept besides the live one. */
  keepReleases: number;
}

/** A release folder name that sorts by time: 20261121T010203-4242 (UTC, so a clock change never reorders). */
function releaseId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${process.pid}`;
}

/** The warehouse's latest night and last ingest run: what a release is built from. */
async function warehouseState(db: string): Promise<{ night: string | null; runId: number | null }> {
  const [row] = await withReadOnlyWarehouse(db, (conn) =>
    queryRows<{ night: string | null; runId: number | null }>(
      conn,
      'SELECT max(export_date)::VARCHAR AS night, max(run_id)::INTEGER AS runId FROM ingest_runs',
    ),
  );
  return { night: row?.night ?? null, runId: row?.runId ?? null };
}

function recordNights(status: RunStatus, results: readonly NightResult[]): void {
  for (const r of results) {
    if (r.unchanged) {
      status.nights_unchanged += 1;
      continue;
    }
    status.nights_loaded.push({ night: r.night, run_id: r.runId, rows_loaded: r.rowsLoaded, rows_quarantined: r.rowsQuarantined, gaps: r.gaps });
    for (const [kind, n] of Object.entries(r.rowsLoaded)) status.rows_loaded[kind] = (status.rows_loaded[kind] ?? 0) + n;
    status.rows_quarantined += r.rowsQuarantined;
    status.warnings.push(...r.warnings.map((w) => `${r.night}: ${w}`));
    status.gaps.push(...r.gaps.map((g) => ({ night: r.night, ...g })));
  }
}

const seconds = (ms: number) => `${formatNumber(ms / 1000)} s`;

/** Runs the nightly job; progress to `io` (time-stamped by the caller), outcome into `status` (saved on the way). */
export async function runNightly(o: NightlyOptions, io: CommandIO, status: RunStatus, save: () => void): Promise<void> {
  const now = io.now ?? (() => new Date());
  const out = resolve(o.out);
  const base = normaliseBase(o.base);
  try {
    mkdirSync(dirname(resolve(o.db)), { recursive: true });
  } catch (err) {
    throw explainFailure(err, o.db) ?? err;
  }
  mkdirSync(out, { recursive: true });
  const releaseDb = await acquireLock(lockFileOf(o.db), o.waitSeconds * 1000, (holder) =>
    io.stderr(`Kho đang được tiến trình ${holder} cập nhật — chờ tối đa ${o.waitSeconds} giây…\n`),
  );
  let releaseOut = () => {};
  try {
    releaseOut = await acquireLock(join(out, OUT_LOCK), o.waitSeconds * 1000, (holder) =>
      io.stderr(`Trang đang được tiến trình ${holder} phát hành — chờ tối đa ${o.waitSeconds} giây…\n`),
    );
    const leftovers = removeDeadRunsLeftovers(out, AUDIENCES, WORK_DIR);
    if (leftovers.length > 0) io.stderr(`Đã dọn phần dở dang của các lượt chạy bị dừng: ${leftovers.join(', ')}\n`);

    io.stderr('▶ Nạp dữ liệu\n');
    const nights = findNights(o.exports);
    let unchanged = 0;
    const results = await ingestHoldingLock(nights, o.db, {
      profile: o.profile,
      partial: o.partial,
      waitSeconds: o.waitSeconds,
      io,
      lockHeld: true,
      onNight: (r) => {
        if (r.unchanged) unchanged += 1;
        else io.stdout(humanSummary(r));
      },
    });
    if (unchanged > 0) io.stderr(`${formatNumber(unchanged)} đêm đã nạp trước đó với đúng các tệp này: bỏ qua, không đọc lại\n`);
    recordNights(status, results);
    save();

    const state = await warehouseState(o.db);
    const changed = results.some((r) => !r.unchanged);
    if (o.backup && changed && state.night) {
      const backup = backupWarehouse(o.db, resolve(o.backup), state.night, o.keep);
      status.backup = backup.file;
      io.stderr(`Đã sao lưu kho vào ${backup.file}${backup.removed.length > 0 ? ` (xoá bản cũ: ${backup.removed.join(', ')})` : ''}\n`);
    }

    const code = codeStamp();
    const live = liveRelease(out, AUDIENCES);
    const same = live?.info && live.info.runId === state.runId && live.info.base === base && live.info.code === code;
    if (same && !o.rebuild) {
      io.stderr(
        `Không có gì mới kể từ bản phát hành ${live!.id} (đêm ${state.night ? viDate(state.night) : '—'}, lượt nạp ${state.runId ?? '—'}): ` +
          'giữ nguyên trang, không dựng lại (dùng --rebuild để dựng lại)\n',
      );
      status.release = { id: live!.id, night: live!.info!.night, built: false };
      return;
    }

    const id = releaseId(now());
    const workDir = join(out, WORK_DIR, id);
    // scores and findings are the same for both audiences and their reports: computed once, shared by the two builds
    const compliance = new ComplianceSession();
    try {
      const marker = await publishRelease(
        out,
        id,
        AUDIENCES,
        async (audience, dir) => {
          io.stderr(`▶ Dựng bản ${audience === 'public' ? 'công khai' : 'nội bộ'}\n`);
          const built = await buildSite({ db: o.db, audience: audience as Audience, out: dir, base, today: o.today, compliance, workDir }, io);
          io.stderr(
            `  xong: thu thập ${seconds(built.collectMs)}, Astro ${seconds(built.astroMs)}, ` +
              `${formatNumber(built.downloads)} bảng tải về ${seconds(built.filesMs)}\n`,
          );
          if (audience === 'public') await io.atStage?.('build');
        },
        { night: state.night, runId: state.runId, base, code, completedAt: () => localTimestamp(now()) },
        o.keepReleases,
      );
      status.release = { id, night: marker.night, built: true };
      io.stderr(`Đã phát hành: ${out}/public và ${out}/internal trỏ tới bản ${id} (dữ liệu đến đêm ${marker.night ? viDate(marker.night) : '—'})\n`);
    } catch (err) {
      const known = explainFailure(err, join(out, RELEASES_DIR, id));
      if (known) throw new RunError(`dựng trang lỗi, trang của lần trước vẫn được giữ nguyên: ${known.message}`, known.detail);
      throw new RunError(
        'dựng trang gặp lỗi không lường trước, trang của lần trước vẫn được giữ nguyên: hãy gửi nhật ký này cho nhóm phát triển ' +
          '(chạy lại với THU_CONG_VU_DEBUG=1 để in thêm chi tiết)',
        process.env.THU_CONG_VU_DEBUG ? ((err as Error).stack ?? firstLine(err)) : firstLine(err),
      );
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  } finally {
    releaseOut();
    releaseDb();
  }
}
