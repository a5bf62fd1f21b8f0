// The mail-log loader of one export night (SPEC §3.3): Postfix syslog files (plain or .gz, several per night) and
// the canonical messages.csv → fact tables, pflogsumm totals and daily usage aggregates. Re-loading a night
// replaces its rows, so the same night twice changes nothing.
import { RunError } from '../../errors.ts';
import { isPolicyId, loadPolicy } from '../../rules/policy/load.ts';
import { DEFAULT_POLICY, type PolicyId } from '../../rules/policy/schema.ts';
import type { IngestContext, LoadedCounts } from '../ingestContext.ts';
import { storedPolicyId } from '../ingest/policyInForce.ts';
import { queryRows } from '../open.ts';
import { vnDate } from '../../inputs/values.ts';
import { skipHeldLines, type Deduplicated } from './dedup.ts';
import { loadNightFacts } from './facts.ts';
import { readMessagesCsvEvents } from './readMessagesCsv.ts';
import { fileDigests, stageMaillog, type BadLine, type EventSource, type FileStats } from './stage.ts';
import { STAGE_TABLES } from './stageTables.ts';
import { nameInNight, startMaillog, type LoadOptions, type MaillogJob } from './start.ts';
import { loadNightTotals } from './totals.ts';
import { refreshDailyUsage } from './usage.ts';

export type { LoadOptions, MaillogJob };

const STAGING_TABLES = [
  ...Object.values(STAGE_TABLES).map((t) => t.name), 'maillog_queue', 'maillog_root', 'maillog_sized', 'maillog_counted',
  'maillog_days', 'maillog_domains', 'maillog_events', 'maillog_prior_state', 'maillog_hosts', 'maillog_rules', 'maillog_dup',
  'maillog_prior_lines',
];

const BAD_REASON: Record<BadLine['kind'], string> = {
  garbled: 'dòng nhật ký không đọc được (không có dấu thời gian syslog, máy chủ và nội dung)',
  unknown: 'dòng Postfix có mã hàng đợi nhưng loại dòng không nhận ra',
  truncated: 'dòng cuối tệp bị cắt (tệp không kết thúc bằng ký tự xuống dòng)',
};

/** The digest of each syslog file's bytes (by path), hashed by the parser threads as they read (waits for them). */
export async function maillogDigests(job: MaillogJob): Promise<Map<string, string>> {
  try {
    return await fileDigests(job.parse);
  } catch (err) {
    throw unreadable(err);
  }
}

/** A file that cannot be read fails the night with a Vietnamese message (SPEC §3.6); other errors pass. */
function unreadable(err: unknown): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'EIO') {
    return new RunError(`không đọc được tệp nhật ký thư: ${(err as Error).message}`);
  }
  return err;
}

/** startMaillog and loadStartedMaillog in one call. */
export async function loadMaillogFiles(ctx: IngestContext, files: string[], options: LoadOptions = {}): Promise<LoadedCounts> {
  const job = startMaillog(ctx.exportDir, ctx.exportDate, files, options);
  try {
    return await loadStartedMaillog(ctx, job);
  } finally {
    job.dispose();
  }
}

/**
 * Loads a started night into the warehouse. Unusable lines are counted per file, reported with ctx.warn and sampled
 * into quarantine with file and line (SPEC §3.6); they never stop the night.
 */
export async function loadStartedMaillog(ctx: IngestContext, job: MaillogJob): Promise<LoadedCounts> {
  // Every statement of the mail-log load orders what it needs explicitly (positions, ORDER BY in windows), so DuckDB
  // may write rows in any order: 0.4 s less on the bench's Zimbra night (3.6 → 3.2 s, alternating runs)
  await ctx.conn.run('SET preserve_insertion_order = false');
  try {
    return await loadStarted(ctx, job);
  } finally {
    await ctx.conn.run('RESET preserve_insertion_order');
  }
}

async function loadStarted(ctx: IngestContext, job: MaillogJob): Promise<LoadedCounts> {
  const events: EventSource[] = [];
  for (const path of job.csv) {
    const name = nameInNight(job.exportDir, path);
    const read = await readMessagesCsvEvents(ctx, path, name);
    if (read) events.push({ kind: 'events', name, events: read });
  }
  if (job.parse.sources.length + events.length === 0) return {};
  let facts: { messages: number; copies: number; deliveries: number; rejects: number };
  try {
    const staged = await stageMaillog(ctx.conn, job.parse, events, {
      exportDate: ctx.exportDate,
      tmpDir: job.tmpDir,
      onBadLine: (bad) => ctx.quarantine({ file: bad.file, line: bad.line, column: null, raw: bad.raw, reason: BAD_REASON[bad.kind] }),
      progress: ctx.progress,
      deliveriesAsFiles: true,
    });
    reportFiles(ctx, staged.stats);
    const held = await skipHeldLines(ctx.conn, ctx.exportDate, staged.stats, staged.deliveries);
    reportSkipped(ctx, staged.stats, held);
    await recordFiles(ctx, staged.stats, held.skipped);
    ctx.progress('nhật ký thư: nạp lượt chuyển, thư và từ chối');
    facts = await loadNightFacts(ctx.conn, ctx.exportDate, held.deliveries);
    await held.recordDeliveredEdges();
  } catch (err) {
    throw unreadable(err);
  }
  ctx.progress('nhật ký thư: tính tổng theo ngày');
  await loadNightTotals(ctx.conn, ctx.exportDate);
  ctx.progress('nhật ký thư: tổng hợp theo hộp thư và cơ quan');
  await refreshDailyUsage(ctx.conn, ctx.exportDate, await provinceDomains(ctx));
  await purgeOldFacts(ctx);
  for (const table of STAGING_TABLES) await ctx.conn.run(`DROP TABLE IF EXISTS ${table}`);
  return {
    mail_messages: facts.messages, mail_message_hops: facts.copies, mail_deliveries: facts.deliveries, mail_rejects: facts.rejects,
  };
}

/** Warns of each file's unusable lines; a compressed file cut short also goes to quarantine (SPEC §3.6). */
function reportFiles(ctx: IngestContext, stats: FileStats[]): void {
  for (const s of stats) {
    const problems = [
      s.garbled > 0 ? `${s.garbled} dòng không đọc được` : '',
      s.unknown > 0 ? `${s.unknown} dòng Postfix loại không nhận ra` : '',
      s.truncatedLast ? 'dòng cuối bị cắt' : '',
      s.damaged ? `tệp nén bị cắt cụt hoặc hỏng sau ${s.lines} dòng` : '',
    ].filter(Boolean);
    if (s.damaged) {
      const cut = `tệp nén bị cắt cụt hoặc hỏng sau ${s.lines} dòng (${s.damaged})`;
      ctx.unreadable({ file: s.file, reason: `${cut}; hãy sao chép lại tệp từ máy chủ thư` });
      ctx.quarantine({ file: s.file, line: null, column: null, raw: null, reason: `${cut}; đã nạp các dòng đọc được` });
    }
    if (problems.length > 0) {
      ctx.warn(`${s.file}: ${problems.join(', ')} (trên ${s.lines} dòng; đã bỏ qua, mẫu trong danh sách cách ly)`);
    }
  }
}

/** Says how many of each file's lines an earlier load held (skipped, SPEC §3.3). */
function reportSkipped(ctx: IngestContext, stats: FileStats[], held: Deduplicated): void {
  for (const [i, s] of stats.entries()) {
    const n = held.skipped[i]!;
    if (n === 0) continue;
    const where = held.nights[i]!.length > 0 ? `đêm ${held.nights[i]!.map(vnDate).join(', ')}` : 'tệp trước trong cùng đêm';
    ctx.warn(`${s.file}: bỏ qua ${NUMBER.format(n)} dòng đã nạp ở ${where} (nhật ký chồng lấn, không đếm lại)`);
  }
}

const NUMBER = new Intl.NumberFormat('vi-VN');

async function recordFiles(ctx: IngestContext, stats: FileStats[], skipped: readonly number[]): Promise<void> {
  await ctx.conn.run('DELETE FROM mail_log_files WHERE export_date = $night::DATE', { night: ctx.exportDate });
  for (const [order, s] of stats.entries()) {
    await ctx.conn.run(
      `INSERT INTO mail_log_files (export_date, file, file_order, bytes, lines, events, ignored, other_program, blank, garbled,
         unknown, truncated_last, duplicates)
       VALUES ($night::DATE, $file, $order, $bytes, $lines, $events, $ignored, $other, $blank, $garbled, $unknown, $truncated, $dup)`,
      {
        night: ctx.exportDate, file: s.file, order, bytes: s.bytes, lines: s.lines, events: s.events, ignored: s.ignored,
        other: s.otherProgram, blank: s.blank, garbled: s.garbled, unknown: s.unknown, truncated: s.truncatedLast, dup: skipped[order] ?? 0,
      },
    );
  }
}

async function policyInWarehouse(ctx: IngestContext): Promise<PolicyId | null> {
  const id = await storedPolicyId(ctx.conn);
  return id !== null && isPolicyId(id) ? id : null;
}

/** The province's mail domains: the profile's (when one is stored) and the registry's; the default profile's if
 * neither is known yet. */
async function provinceDomains(ctx: IngestContext): Promise<string[]> {
  const stored = await policyInWarehouse(ctx);
  const registry = await queryRows<{ domain: string }>(
    ctx.conn,
    "SELECT DISTINCT lower(substr(address, strpos(address, '@') + 1)) AS domain FROM mailboxes WHERE strpos(address, '@') > 0",
  );
  const domains = registry.map((r) => r.domain);
  const own = loadPolicy(stored ?? DEFAULT_POLICY).domain.value;
  if (own !== null && (stored !== null || domains.length === 0)) domains.push(own);
  return domains;
}

/**
 * Drops per-message facts older than the retention the profile requires (logRetentionMonths; sonla-2025 (004)
 * Điều 9 khoản 1: "tối thiểu 06 tháng"), counted back from the night; the daily aggregates are kept.
 */
async function purgeOldFacts(ctx: IngestContext): Promise<void> {
  const months = loadPolicy((await policyInWarehouse(ctx)) ?? DEFAULT_POLICY).logRetentionMonths.value;
  if (months === null) return; // no figure in the profile: keep everything
  for (const table of ['mail_messages', 'mail_deliveries', 'mail_rejects']) {
    await ctx.conn.run(`DELETE FROM ${table} WHERE day < $night::DATE - to_months($months)`, { night: ctx.exportDate, months });
  }
  // a copy's night is its day or the day after: kept as long as its message, or a night longer
  await ctx.conn.run('DELETE FROM mail_message_hops WHERE export_date < $night::DATE - to_months($months)', { night: ctx.exportDate, months });
}
