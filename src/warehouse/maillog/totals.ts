// Stage 2a: pflogsumm's Grand Totals for one night, from the staged events (SPEC §4.3). pflogsumm 1.1.5 keeps state
// per queue id while it reads (%msgSizes, %rcvdMsg, %msgDfrdFlgs); window functions over (qid ORDER BY pos) replay
// that state exactly, in SQL, whatever the size of the night.
import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Per line of kind receive/pickup/from/to:
 * - `processed`: a from= line pflogsumm does not skip (`next if $msgSizes{$qid}`: no earlier from= line of the queue
 *   id had a true size);
 * - `counted`: a processed from= line that finds `$rcvdMsg{$qid}` set (a client=/pickup line since the previous
 *   processed from= line, whose gimme_domain was defined): its size is "bytes received", its sender a "sender";
 * - `msg_size`: `$msgSizes{$qid}` when a to= line is read (bytes delivered).
 */
const FLOW_SQL = `
CREATE OR REPLACE TEMP TABLE maillog_flow AS
WITH s AS (
  SELECT pos, day, kind, qid, addr, addr_dom, size, size_truthy, received_from, status, forwarded
  FROM maillog_stage WHERE kind IN (1, 2, 3, 4)
), w1 AS (
  SELECT *,
    kind = 3 AND coalesce(count(*) FILTER (WHERE kind = 3 AND size_truthy) OVER before_me, 0) = 0 AS processed,
    last_value(CASE WHEN kind IN (1, 2) THEN pos END IGNORE NULLS) OVER before_me AS recv_pos,
    last_value(CASE WHEN kind IN (1, 2) THEN coalesce(received_from, '') END IGNORE NULLS) OVER before_me AS recv_from
  FROM s
  WINDOW before_me AS (PARTITION BY qid ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), w2 AS (
  SELECT *,
    last_value(CASE WHEN processed THEN pos END IGNORE NULLS) OVER before_me AS prev_processed_pos,
    last_value(CASE WHEN processed THEN size END IGNORE NULLS) OVER upto_me AS msg_size
  FROM w1
  WINDOW before_me AS (PARTITION BY qid ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
         upto_me AS (PARTITION BY qid ORDER BY pos ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
)
SELECT pos, day, kind, qid, addr, addr_dom, size, status, forwarded, recv_from, msg_size,
  processed AND recv_from IS NOT NULL AND recv_from <> '' AND (prev_processed_pos IS NULL OR prev_processed_pos < recv_pos) AS counted
FROM w2`;

const TOTALS_SQL = `
INSERT INTO mail_daily_totals
SELECT $night::DATE, day,
  count(*) FILTER (WHERE kind IN (1, 2)),
  count(*) FILTER (WHERE kind = 4 AND status = 'sent' AND NOT forwarded),
  count(*) FILTER (WHERE kind = 4 AND status = 'sent' AND forwarded),
  count(*) FILTER (WHERE kind = 4 AND status = 'deferred'),
  count(*) FILTER (WHERE kind = 4 AND status = 'bounced'),
  count(*) FILTER (WHERE kind = 5),
  count(*) FILTER (WHERE kind = 6),
  count(*) FILTER (WHERE kind = 7),
  count(*) FILTER (WHERE kind = 8),
  coalesce(sum(size) FILTER (WHERE counted), 0),
  coalesce(sum(msg_size) FILTER (WHERE kind = 4 AND status = 'sent' AND NOT forwarded), 0)
FROM (SELECT day, kind, status, forwarded, size, msg_size, counted FROM maillog_flow
      UNION ALL SELECT day, kind, NULL, NULL, NULL, NULL, NULL FROM maillog_stage WHERE kind BETWEEN 5 AND 8)
GROUP BY day`;

const SENDERS_SQL = `
INSERT INTO mail_daily_senders
SELECT DISTINCT $night::DATE, day, pf_sender,
  CASE WHEN addr_dom IS NOT NULL THEN addr_dom WHEN recv_from = 'pickup' THEN pf_sender ELSE recv_from END
FROM (SELECT day, CASE WHEN addr = '' THEN 'from=<>' ELSE addr END AS pf_sender, addr_dom, recv_from
      FROM maillog_flow WHERE counted)`;

const RECIPIENTS_SQL = `
INSERT INTO mail_daily_recipients
SELECT DISTINCT $night::DATE, day, addr, addr_dom
FROM maillog_flow WHERE kind = 4 AND status = 'sent' AND NOT forwarded`;

const DEFERRED_SQL = `
INSERT INTO mail_daily_deferred
SELECT DISTINCT $night::DATE, day, qid FROM maillog_flow WHERE kind = 4 AND status = 'deferred'`;

/** Replaces the night's rows of mail_daily_totals / _senders / _recipients / _deferred. */
export async function loadNightTotals(conn: DuckDBConnection, night: string): Promise<void> {
  for (const table of ['mail_daily_totals', 'mail_daily_senders', 'mail_daily_recipients', 'mail_daily_deferred']) {
    await conn.run(`DELETE FROM ${table} WHERE export_date = $night::DATE`, { night });
  }
  await conn.run(FLOW_SQL);
  for (const sql of [TOTALS_SQL, SENDERS_SQL, RECIPIENTS_SQL, DEFERRED_SQL]) await conn.run(sql, { night });
}
