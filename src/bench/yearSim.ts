// A year of nights at 50,000 mailboxes: does one night's mail-log load grow with the history in the warehouse?
// The history is made by copying the bench night's rows to earlier days (facts only within the profile's retention,
// as the loader's purge leaves them; aggregates for every day), then the night is loaded again and timed.
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { loadMaillogFiles } from '../warehouse/maillog/load.ts';
import { schemaSql } from '../warehouse/open.ts';

export interface YearStep {
  historyDays: number;
  factRows: number;
  /** Seconds of loadMaillogFiles for the night, with that history present. */
  loadSeconds: number;
  fileMiB: number;
  /** Seconds to copy the warehouse file, as `ingest` does for its atomic publish (withWritableWarehouse). */
  copySeconds: number;
}

const DAY_SHIFTED: Record<string, string> = {
  mail_messages: `SELECT export_date - k, qid, received_at - to_days(k), day - k, via, program, client_host, client_ip, sasl_username,
    sender, size, nrcpt, parent_qid, root_qid, is_reinjection FROM mail_messages, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_deliveries: `SELECT export_date - k, qid, time - to_days(k), day - k, recipient, orig_to, relay, program, delay, dsn, status, detail,
    forwarded, is_filter_hop, next_qid, msg_export_date - k, pos FROM mail_deliveries, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_rejects: `SELECT export_date - k, time - to_days(k), day - k, kind, program, qid, stage, client_host, client_ip, sender, recipient, reason
    FROM mail_rejects, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
};

/** The night's busiest day: per-day usage rows are copied from it (one day per copied night, no overlaps). */
const MAIN_DAY = `SELECT arg_max(day, received) FROM mail_daily_totals WHERE export_date = $night::DATE`;

const AGGREGATES_SHIFTED: Record<string, string> = {
  mail_daily_totals: `SELECT export_date - k, day - k, received, delivered, forwarded, deferrals, bounced, rejected, reject_warnings, held,
    discarded, bytes_received, bytes_delivered FROM mail_daily_totals, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_daily_senders: `SELECT export_date - k, day - k, sender, domain FROM mail_daily_senders, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_daily_recipients: `SELECT export_date - k, day - k, recipient, domain FROM mail_daily_recipients, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_daily_deferred: `SELECT export_date - k, day - k, qid FROM mail_daily_deferred, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE export_date = $night::DATE`,
  mail_daily_mailbox: `SELECT day - k, address, agency_code, sent_messages, sent_bytes, sent_rcpt_internal, sent_rcpt_external, received_messages,
    received_from_internal, received_from_external, received_bytes, bounced, rejected_inbound
    FROM mail_daily_mailbox, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE day = (${MAIN_DAY})`,
  mail_daily_agency: `SELECT day - k, agency_code, active_senders, active_receivers, sent_messages, sent_bytes, sent_rcpt_internal,
    sent_rcpt_external, received_messages, received_from_internal, received_from_external, received_bytes, bounced, rejected_inbound
    FROM mail_daily_agency, (SELECT range::INTEGER AS k FROM range($from, $to)) r WHERE day = (${MAIN_DAY})`,
};

/** The night's own rows out, so the timed load is a first load of that night. */
async function dropNight(conn: DuckDBConnection, night: string): Promise<void> {
  for (const t of ['mail_messages', 'mail_deliveries', 'mail_rejects', 'mail_daily_totals', 'mail_daily_senders', 'mail_daily_recipients', 'mail_daily_deferred', 'mail_log_files']) {
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

async function timedLoad(conn: DuckDBConnection, log: string, night: string): Promise<number> {
  const start = performance.now();
  await loadMaillogFiles(
    { conn, exportDir: join(log, '..'), exportDate: night, runId: 1, quarantine: () => {}, warn: () => {}, progress: () => {} },
    [log],
  );
  await conn.run('CHECKPOINT');
  return (performance.now() - start) / 1000;
}

/**
 * Loads `log` as `night` into a fresh warehouse file, then grows the history to each of `steps` days (facts kept
 * for `retentionDays`) and loads the night again. Returns one line per step.
 */
export async function simulateYear(opts: {
  log: string; night: string; workDir: string; domain: string; mailboxes: number; steps: number[]; retentionDays: number;
  onStep?: (s: YearStep) => void;
}): Promise<YearStep[]> {
  const file = join(opts.workDir, 'year.duckdb');
  rmSync(file, { force: true });
  rmSync(`${file}.wal`, { force: true });
  const instance = await DuckDBInstance.create(file);
  const conn = await instance.connect();
  const out: YearStep[] = [];
  try {
    await conn.run(schemaSql());
    await conn.run("INSERT OR REPLACE INTO warehouse_meta VALUES ('policy', 'soctrang-2024')");
    await registry(conn, opts.domain, opts.mailboxes, opts.night);
    let filled = 0;
    for (const days of [0, ...opts.steps]) {
      if (days > filled) {
        const params = { night: opts.night, from: filled + 1, to: days + 1 };
        for (const [table, sql] of Object.entries(AGGREGATES_SHIFTED)) await conn.run(`INSERT INTO ${table} ${sql}`, params);
        const factTo = Math.min(days, opts.retentionDays) + 1;
        if (factTo > filled + 1) {
          for (const [table, sql] of Object.entries(DAY_SHIFTED)) await conn.run(`INSERT INTO ${table} ${sql}`, { ...params, to: factTo });
        }
        filled = days;
      }
      await dropNight(conn, opts.night);
      await conn.run('CHECKPOINT');
      const loadSeconds = await timedLoad(conn, opts.log, opts.night);
      const reader = await conn.runAndReadAll('SELECT (SELECT count(*) FROM mail_deliveries) + (SELECT count(*) FROM mail_messages) + (SELECT count(*) FROM mail_rejects)');
      const copyStart = performance.now();
      copyFileSync(file, `${file}.copy`);
      const copySeconds = (performance.now() - copyStart) / 1000;
      rmSync(`${file}.copy`, { force: true });
      const step = { historyDays: days, factRows: Number(reader.getRows()[0]![0]), loadSeconds, fileMiB: statSync(file).size / 2 ** 20, copySeconds };
      out.push(step);
      opts.onStep?.(step);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(file, { force: true });
  }
  return out;
}
