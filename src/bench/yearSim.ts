// A year of nights at 50,000 mailboxes: does one night's ingest grow with the history in the warehouse?
// The history is made by copying the bench night's rows to earlier days (facts only within the profile's retention,
// as the loader's purge leaves them; aggregates for every day), then the night is ingested again and timed.
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { findNights } from '../warehouse/ingest/exportFolder.ts';
import { ingestNight } from '../warehouse/ingest/ingestNight.ts';
import { RETRY_NIGHTS } from '../warehouse/maillog/time.ts';
import { openForWriting, schemaSql } from '../warehouse/open.ts';

export interface YearStep {
  historyDays: number;
  factRows: number;
  /** Seconds of `ingestNight` for the night (what `ingest` does after starting: fingerprint, lock, load in one
   * transaction, COMMIT, CHECKPOINT), with that history present. */
  ingestSeconds: number;
  fileMiB: number;
}

const DAY_SHIFTED: Record<string, string> = {
  mail_messages: `SELECT export_date - k, qid, received_at - to_days(k), day - k, via, program, client_host, client_ip, sasl_username,
    sender, size, nrcpt, parent_qid FROM mail_messages, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_message_hops: `SELECT export_date - k, qid, received_at - to_days(k), parent_qid, root_qid
    FROM mail_message_hops, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_deliveries: `SELECT export_date - k, qid, time - to_days(k), day - k, recipient, orig_to, relay, program, delay, dsn, status, detail,
    forwarded, is_filter_hop, next_qid, msg_export_date - k, pos, message_qid FROM mail_deliveries, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_rejects: `SELECT export_date - k, time - to_days(k), day - k, kind, program, qid, stage, client_host, client_ip, sender, recipient, reason
    FROM mail_rejects, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
};

/** What each earlier night held of the log (dedup.ts), a day earlier per night: kept for good, like the aggregates. */
const HELD_SHIFTED: Record<string, string> = {
  mail_log_held: `SELECT export_date - k, host, from_ms - k * 86400000::BIGINT, to_ms - k * 86400000::BIGINT, whole
    FROM mail_log_held, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_log_held_lines: `SELECT export_date - k, host, ms - k * 86400000::BIGINT, line, n
    FROM mail_log_held_lines, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
};

/** The queue ids an earlier night left in the queue (totals.ts), under ids of their own: within RETRY_NIGHTS only. */
const QID_STATE_SHIFTED = `SELECT export_date - k, qid || 'h' || k, size, rcvd
  FROM mail_log_qid_state, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE AND k <= ${RETRY_NIGHTS}`;

/** The night's busiest day: per-day usage rows are copied from it (one day per copied night, no overlaps). */
const MAIN_DAY = `SELECT arg_max(day, received) FROM mail_daily_totals WHERE export_date = $night::DATE`;

const AGGREGATES_SHIFTED: Record<string, string> = {
  mail_daily_totals: `SELECT export_date - k, day - k, received, delivered, forwarded, deferrals, bounced, rejected, reject_warnings, held,
    discarded, bytes_received, bytes_delivered FROM mail_daily_totals, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_daily_senders: `SELECT export_date - k, day - k, sender, domain FROM mail_daily_senders, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_daily_recipients: `SELECT export_date - k, day - k, recipient, domain FROM mail_daily_recipients, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_daily_deferred: `SELECT export_date - k, day - k, qid FROM mail_daily_deferred, (SELECT $k::INTEGER AS k) r WHERE export_date = $night::DATE`,
  mail_daily_mailbox: `SELECT day - k, address, agency_code, sent_messages, sent_bytes, sent_rcpt_internal, sent_rcpt_external, received_messages,
    received_from_internal, received_from_external, received_bytes, bounced, rejected_inbound
    FROM mail_daily_mailbox, (SELECT $k::INTEGER AS k) r WHERE day = (${MAIN_DAY})`,
  mail_daily_agency: `SELECT day - k, agency_code, active_senders, active_receivers, sent_messages, sent_bytes, sent_rcpt_internal,
    sent_rcpt_external, received_messages, received_from_internal, received_from_external, received_bytes, bounced, rejected_inbound
    FROM mail_daily_agency, (SELECT $k::INTEGER AS k) r WHERE day = (${MAIN_DAY})`,
};

/** The night's own rows out, so the timed ingest is a first ingest of that night. */
async function dropNight(conn: DuckDBConnection, night: string): Promise<void> {
  for (const t of ['mail_messages', 'mail_message_hops', 'mail_deliveries', 'mail_rejects', 'mail_daily_totals', 'mail_daily_senders',
    'mail_daily_recipients', 'mail_daily_deferred', 'mail_log_files', 'mail_log_held', 'mail_log_held_lines', 'mail_log_qid_state', 'ingest_runs',
    'quarantine']) {
    await conn.run(`DELETE FROM ${t} WHERE export_date = $night::DATE`, { night });
  }
}

/** 50,000 mailboxes in 300 agencies, with the bench log's addresses (src/bench/generateLog.ts). */
async function registry(conn: DuckDBConnection, domain: string, mailboxes: number, night: string): Promise<void> {
  await conn.run(
    `INSERT INTO mailboxes (address, seen_from, kind, agency_code, status, source)
     SELECT 'u' || lower(to_base(i, 36)) || '@' || $domain, $night::DATE - 400, 'ca-nhan', 'CQ' || lpad((i % 300)::VARCHAR, 3, '0'), 'active', 'mailboxes.csv'
     FROM range($n) t(i)`,
    { domain, n: mailboxes, night },
  );
}

async function timedIngest(log: string, file: string): Promise<number> {
  const [night] = findNights(dirname(log));
  const start = performance.now();
  await ingestNight(night!, file);
  return (performance.now() - start) / 1000;
}

/** Runs `work` on the warehouse file opened read-write, then checkpoints and closes it. */
async function withFile(file: string, work: (conn: DuckDBConnection) => Promise<void>): Promise<void> {
  const { instance, conn } = await openForWriting(file, !existsSync(file));
  try {
    await work(conn);
    await conn.run('CHECKPOINT');
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/**
 * Ingests the night of `log` (a folder named after the night holding only the log) into a fresh warehouse with a
 * registry of `mailboxes`, then grows the history to each of `steps` days (facts kept for `retentionDays`), takes
 * the night out and ingests it again, timed. Returns one line per step.
 */
export async function simulateYear(opts: {
  log: string; night: string; workDir: string; domain: string; mailboxes: number; steps: number[]; retentionDays: number;
  onStep?: (s: YearStep) => void;
}): Promise<YearStep[]> {
  const file = join(opts.workDir, 'year.duckdb');
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const out: YearStep[] = [];
  try {
    await withFile(file, async (conn) => {
      await conn.run(schemaSql());
      await conn.run("INSERT OR REPLACE INTO warehouse_meta VALUES ('policy', 'soctrang-2024')");
      await registry(conn, opts.domain, opts.mailboxes, opts.night);
    });
    let filled = 0;
    for (const days of [0, ...opts.steps]) {
      if (days > 0) {
        await withFile(file, async (conn) => {
          // one earlier night at a time, newest first, as nights arrive: each table's row groups stay in day order
          for (let k = filled + 1; k <= days; k++) {
            const params = { night: opts.night, k };
            for (const [table, sql] of Object.entries({ ...AGGREGATES_SHIFTED, ...HELD_SHIFTED })) await conn.run(`INSERT INTO ${table} ${sql}`, params);
            await conn.run(`INSERT INTO mail_log_qid_state ${QID_STATE_SHIFTED}`, params);
            if (k <= opts.retentionDays) {
              for (const [table, sql] of Object.entries(DAY_SHIFTED)) await conn.run(`INSERT INTO ${table} ${sql}`, params);
            }
          }
          filled = Math.max(filled, days);
          await dropNight(conn, opts.night);
        });
      }
      const ingestSeconds = await timedIngest(opts.log, file);
      let factRows = 0;
      await withFile(file, async (conn) => {
        const reader = await conn.runAndReadAll('SELECT (SELECT count(*) FROM mail_deliveries) + (SELECT count(*) FROM mail_messages) + (SELECT count(*) FROM mail_rejects)');
        factRows = Number(reader.getRows()[0]![0]);
      });
      const step = { historyDays: days, factRows, ingestSeconds, fileMiB: statSync(file).size / 2 ** 20 };
      out.push(step);
      opts.onStep?.(step);
    }
  } finally {
    rmSync(file, { force: true });
    rmSync(`${file}.wal`, { force: true });
  }
  return out;
}
