/**
 * `ingest --exports DIR --db FILE [--json] [--wait SECONDS] [--profile P]` (SPEC §2, §3): validates and loads one
 * export night (or every night folder under DIR, in date order, each its own atomic step) into the warehouse.
 */
// Static imports stay light (no zod, no DuckDB): the first night's mail log starts being read before the rest of
// the ingest is loaded.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DEFAULT_POLICY, POLICY_IDS, isPolicyId } from '../../rules/policy/ids.ts';
import { findNights, type ExportNight } from '../../warehouse/ingest/exportFolder.ts';
import type { NightResult } from '../../warehouse/ingest/ingestNight.ts';
import { acquireLock } from '../../system/lock.ts';
import { startNightMaillog } from '../../warehouse/maillog/start.ts';
import { vnDate } from '../../inputs/values.ts';
import type { PolicyId } from '../../rules/policy/schema.ts';
import { EXIT, UsageError, optionalInt, requireString, type Command, type CommandIO } from '../command.ts';

const USAGE = [
  'Cách dùng: npm run cli -- ingest --exports THƯ_MỤC --db TỆP [--json] [--wait GIÂY] [--profile HỒ_SƠ] [--partial]',
  '',
  'Kiểm tra và nạp một đêm xuất dữ liệu (thư mục YYYY-MM-DD) vào kho DuckDB. Có thể chỉ có một phần các tệp:',
  'agencies.csv, mailboxes.csv hoặc zimbra-accounts.txt (+ quota.txt), logins.csv, requests.csv, incidents.csv,',
  'maillog*, messages.csv. Nếu THƯ_MỤC chứa nhiều thư mục đêm, từng đêm được nạp theo thứ tự ngày; đêm đã nạp với',
  'đúng các tệp đó (cùng tên, cỡ, thời điểm sửa) được bỏ qua mà không cần đọc lại.',
  '',
  'Dòng sai không làm hỏng cả đêm: dòng đó được cách ly (bảng quarantine) kèm tệp, dòng, cột và lý do. Nạp lại',
  'đúng các tệp của một đêm không thay đổi gì. Nếu lượt nạp lỗi, kho cũ giữ nguyên từng byte. Số CCCD và ngày sinh',
  'bị bỏ ngay khi đọc, không bao giờ được lưu.',
  '',
  'Tệp không đọc được (bảng mã không nhận ra chắc chắn, chữ Việt đã mất khi xuất, tệp nén bị cắt…) làm đêm đó thất',
  'bại: mã thoát 1, kho giữ nguyên, thông báo nói tên tệp, điều phát hiện được và cách lưu lại. Với --partial, các',
  'tệp còn lại vẫn được nạp và phần thiếu được ghi nhận (bản tóm tắt, JSON, trang Dữ liệu). Đêm thiếu hẳn nhật ký thư,',
  'danh sách hộp thư hoặc nhật ký đăng nhập mà các đêm trong tuần trước có cũng được coi là thiếu dữ liệu như vậy.',
  '',
  'Tùy chọn:',
  '  --exports THƯ_MỤC  thư mục một đêm (…/2026-11-20/) hoặc thư mục chứa các đêm',
  '  --db TỆP           kho dữ liệu DuckDB (tạo mới nếu chưa có)',
  '  --json             in một đối tượng JSON { "rows_loaded": {loại: số}, "rows_quarantined": số, "warnings": [..] }',
  '  --wait GIÂY        nếu kho đang được lượt khác cập nhật hoặc đang được đọc, chờ tối đa GIÂY giây (mặc định 0)',
  `  --profile HỒ_SƠ    quy chế áp dụng: ${POLICY_IDS.join(', ')}; mặc định nhận ra từ tên miền hộp thư,`,
  `                     nếu không thì giữ quy chế đã lưu trong kho, hoặc ${DEFAULT_POLICY}`,
  '  --partial          tệp không đọc được không làm hỏng cả đêm: nạp phần còn lại và ghi nhận phần thiếu',
  '  --help             in hướng dẫn này',
  '',
  'Ví dụ:',
  '  npm run cli -- ingest --exports /srv/exports/2026-11-20 --db data/warehouse.duckdb',
  '  npm run cli -- ingest --exports /srv/exports --db data/warehouse.duckdb --json --wait 600',
  '',
  'Mã thoát: 0 thành công (có thể kèm cảnh báo, hoặc nạp một phần với --partial); 1 không đọc được tệp hoặc thư mục,',
  'kho đang bận; 2 sai cách dùng.',
].join('\n');

const number = new Intl.NumberFormat('vi-VN');

/** The summary of one night, as `ingest` prints it. */
export function humanSummary(r: NightResult): string {
  if (r.unchanged) return `Đêm ${vnDate(r.night)}: ${r.warnings.join('; ')}.\n`;
  const loaded = Object.entries(r.rowsLoaded).map(([kind, n]) => `${kind} ${number.format(n)}`);
  const lines = [
    `Đêm ${vnDate(r.night)} — lượt nạp ${r.runId}`,
    `  Đã nạp: ${loaded.length > 0 ? loaded.join(', ') : 'không có dòng nào'}`,
    `  Cách ly: ${number.format(r.rowsQuarantined)} dòng${r.rowsQuarantined > 0 ? ' (xem bảng quarantine hoặc trang Dữ liệu)' : ''}`,
  ];
  if (r.gaps.length > 0) {
    lines.push(`  Nạp một phần (--partial), thiếu ${r.gaps.length} tệp:`, ...r.gaps.map((g) => `    - ${g.file}: ${g.reason}`));
  }
  if (r.policy) lines.push(`  Quy chế áp dụng: ${r.policy.id} (${r.policy.how})`);
  if (r.warnings.length > 0) lines.push(`  Cảnh báo (${r.warnings.length}):`, ...r.warnings.map((w) => `    - ${w}`));
  return lines.join('\n') + '\n';
}

/** The `--json` object of SPEC §2 over every night ingested (counts summed; warnings prefixed by night when several). */
export function jsonSummary(results: readonly NightResult[]): {
  rows_loaded: Record<string, number>; rows_quarantined: number; warnings: string[]; gaps?: { night: string; file: string; reason: string }[];
} {
  const rowsLoaded: Record<string, number> = {};
  for (const r of results) for (const [kind, n] of Object.entries(r.rowsLoaded)) rowsLoaded[kind] = (rowsLoaded[kind] ?? 0) + n;
  const prefix = results.length > 1;
  const gaps = results.flatMap((r) => r.gaps.map((g) => ({ night: r.night, ...g })));
  return {
    rows_loaded: rowsLoaded,
    rows_quarantined: results.reduce((s, r) => s + r.rowsQuarantined, 0),
    warnings: results.flatMap((r) => r.warnings.map((w) => (prefix ? `${r.night}: ${w}` : w))),
    // only a --partial night has gaps (without it such a night fails): the key is there when something is missing
    ...(gaps.length > 0 ? { gaps } : {}),
  };
}

/** What `ingest` and `nightly` pass to ingestHoldingLock. */
export interface IngestRun {
  profile?: PolicyId;
  partial: boolean;
  waitSeconds: number;
  io: CommandIO;
  onNight?: (result: NightResult) => void;
  /** The caller holds the warehouse lock already (`nightly`, from ingest to publish). */
  lockHeld?: boolean;
}

/**
 * Ingests `nights` into `dbFile` holding the warehouse lock throughout (taken here unless `run.lockHeld`). The first
 * night's mail log starts being read before DuckDB and zod load, when the folder is one night (a parent folder's
 * first night is usually one already loaded).
 */
export async function ingestHoldingLock(nights: readonly ExportNight[], dbFile: string, run: IngestRun): Promise<NightResult[]> {
  const started = nights.length === 1 ? startNightMaillog(nights[0]!) : undefined;
  const { io, waitSeconds } = run;
  const waiting = (what: string) => (holder: string) =>
    io.stderr(`Kho đang được tiến trình ${holder} ${what} — chờ tối đa ${waitSeconds} giây…\n`);
  let release = () => {};
  try {
    mkdirSync(dirname(resolve(dbFile)), { recursive: true });
    if (!run.lockHeld) release = await acquireLock(`${dbFile}.lock`, waitSeconds * 1000, waiting('cập nhật'));
    const { ingestExports } = await import('../../warehouse/ingest/ingestExports.ts');
    return await ingestExports(nights, dbFile, {
      firstMaillog: started,
      profile: run.profile,
      partial: run.partial,
      lockHeld: true,
      lockWaitMs: waitSeconds * 1000,
      onProgress: (message) => io.stderr(`${message}\n`),
      atStage: io.atStage,
      onReaderWait: waiting('mở'),
      onNight: run.onNight,
    });
  } catch (err) {
    started?.dispose();
    throw err;
  } finally {
    release();
  }
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  options: {
    exports: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean' },
    wait: { type: 'string' },
    profile: { type: 'string' },
    partial: { type: 'boolean' },
  },
  async run(values, _positionals, io: CommandIO) {
    const exportsDir = requireString(values, 'exports');
    const dbFile = requireString(values, 'db');
    const waitSeconds = optionalInt(values, 'wait') ?? 0;
    const profile = values.profile;
    if (profile !== undefined && (typeof profile !== 'string' || !isPolicyId(profile))) {
      throw new UsageError(`không có hồ sơ "${String(profile)}"; chọn một trong: ${POLICY_IDS.join(', ')}`);
    }
    const nights = findNights(exportsDir);
    const results = await ingestHoldingLock(nights, dbFile, {
      profile,
      partial: values.partial === true,
      waitSeconds,
      io,
      onNight: (result) => {
        if (!values.json) io.stdout(humanSummary(result));
      },
    });
    if (values.json) io.stdout(JSON.stringify(jsonSummary(results)) + '\n');
    return EXIT.ok;
  },
};
