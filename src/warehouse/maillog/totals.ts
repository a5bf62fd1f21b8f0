// Stage 2b: pflogsumm's Grand Totals for one night (SPEC §4.3), from the staged events, the night's mail_deliveries
// and the content filter's hand-offs (maillog_hop: pflogsumm counts them as deliveries). pflogsumm 1.1.5 keeps state
// per queue id while it reads (%msgSizes, %rcvdMsg, %msgDfrdFlgs); the queries below replay that state exactly, in
// SQL, whatever the size of the night, starting from the state the nights before left (mail_log_qid_state), so a
// sequence of nights counts as pflogsumm run once over all their lines. (%msgDfrdFlgs needs no state: "deferred"
// counts distinct queue ids over the range, summary.ts.)
import type { DuckDBConnection } from '@duckdb/node-api';
import { RETRY_NIGHTS, localDay } from './time.ts';

/**
 * pflogsumm's state of the queue ids the night meets, as the nights before it left it (mail_log_qid_state): so the
 * totals of a sequence of nights equal pflogsumm run once over their lines (a message received before a rotation
 * and delivered after it, a retry days later). Looked for within RETRY_NIGHTS nights, as facts.ts looks for a
 * retry's message.
 * - size: `$msgSizes{$qid}` when true (every later from= line of the id is skipped, every to= line finds it);
 * - rcvd: `$rcvdMsg{$qid}` set by a receive line no from= line consumed yet.
 */
const PRIOR_STATE_SQL = `
CREATE OR REPLACE TEMP TABLE maillog_prior_state AS
WITH s AS (
  SELECT qid, arg_max({'size': size, 'rcvd': rcvd}, export_date) AS st FROM mail_log_qid_state
  WHERE export_date < $night::DATE AND export_date >= $night::DATE - INTERVAL ${RETRY_NIGHTS} DAY
  GROUP BY qid
)
-- the few ids still in the queue after earlier nights, joined to the night's many: built on the few
SELECT DISTINCT s.qid, s.st.size AS size, s.st.rcvd AS rcvd FROM s JOIN (
  SELECT qid FROM maillog_recv UNION ALL SELECT qid FROM maillog_from UNION ALL SELECT qid FROM maillog_hop
  UNION ALL SELECT qid FROM mail_deliveries WHERE export_date = $night::DATE
) i ON i.qid = s.qid`;

/**
 * - maillog_sized: per queue id, the first from= line with a true size (Perl: "0" is false), or the size an earlier
 *   night set (t_pos -1: before every line). From that line on, `next if $msgSizes{$qid}` skips every later from=
 *   line, and each to= line finds that size.
 * - maillog_events: per queue id, its receive lines (and a receive an earlier night left pending, at pos -1) and the
 *   from= lines pflogsumm processes (none with a true size before them), in reading order, with what came before.
 * - maillog_counted: the processed from= lines right after a receive line whose gimme_domain was defined (they find
 *   `$rcvdMsg{$qid}` set; pflogsumm deletes it when it counts). Their size is "bytes received", their sender a
 *   "sender".
 */
const STATE_SQL = [
  PRIOR_STATE_SQL,
  `CREATE OR REPLACE TEMP TABLE maillog_sized AS
   SELECT qid, min(pos) AS t_pos, arg_min(size, pos) AS t_size FROM maillog_from
   WHERE size_truthy AND qid NOT IN (SELECT qid FROM maillog_prior_state WHERE size IS NOT NULL) GROUP BY qid
   UNION ALL
   SELECT qid, -1, size FROM maillog_prior_state WHERE size IS NOT NULL`,
  `CREATE OR REPLACE TEMP TABLE maillog_events AS
   WITH rcv AS (
     SELECT pos, ms, qid, coalesce(received_from, '') AS recv_from FROM maillog_recv WHERE kind IN (1, 2)
     UNION ALL
     SELECT -1, NULL, qid, rcvd FROM maillog_prior_state WHERE rcvd IS NOT NULL
   ), ev AS (
     SELECT pos, ms, qid, true AS is_recv, recv_from, NULL::BIGINT AS size, NULL::VARCHAR AS addr, NULL::VARCHAR AS addr_dom
     FROM rcv
     UNION ALL
     -- only queue ids with a receive line can count (a filter's copies have none): the window sorts those alone
     SELECT f.pos, f.ms, f.qid, false, NULL, f.size, f.addr, f.addr_dom
     FROM maillog_from f LEFT JOIN maillog_sized z ON z.qid = f.qid
     WHERE (z.t_pos IS NULL OR f.pos <= z.t_pos) AND f.qid IN (SELECT qid FROM rcv)
   )
   SELECT *, lag(is_recv) OVER q AS after_recv, lag(recv_from) OVER q AS rcvd, lead(pos) OVER q IS NULL AS is_last
   FROM ev
   WINDOW q AS (PARTITION BY qid ORDER BY pos)`,
  `CREATE OR REPLACE TEMP TABLE maillog_counted AS
   SELECT ${localDay('ms')} AS day, qid, size, addr, addr_dom, rcvd FROM maillog_events
   WHERE NOT is_recv AND after_recv AND rcvd <> ''`,
];

/**
 * The state the night leaves its queue ids in, for the nights after it (see PRIOR_STATE_SQL): the ids still in the
 * queue, not `removed` in the night. A message's id is followed until it leaves the queue; an id Postfix gives again
 * later starts afresh (pflogsumm, which never forgets an id, would skip the new message's from= line: a mistake of its
 * own not carried across nights; an id given again within the night and still queued at its end is not followed).
 */
const END_STATE_SQL = `
INSERT INTO mail_log_qid_state
SELECT $night::DATE, coalesce(z.qid, p.qid), z.t_size, p.rcvd
FROM maillog_sized z
FULL JOIN (SELECT qid, recv_from AS rcvd FROM maillog_events WHERE is_last AND is_recv AND recv_from <> '') p ON p.qid = z.qid
WHERE coalesce(z.qid, p.qid) NOT IN (SELECT qid FROM maillog_removed)`;

/** Every to= line of the night: the deliveries stored, and the content filter's hand-offs staged apart (sent). */
const NIGHT_TO_LINES = `(
  SELECT day, pos, qid, recipient, status, forwarded FROM mail_deliveries WHERE export_date = $night::DATE
  UNION ALL
  SELECT ${localDay('ms')}, pos, qid, addr, 'sent', forwarded FROM maillog_hop
)`;

const TOTALS_SQL = `
INSERT INTO mail_daily_totals
WITH r AS (
  SELECT ${localDay('ms')} AS day, count(*) AS received FROM maillog_recv WHERE kind IN (1, 2) GROUP BY 1
), t AS (
  SELECT d.day,
    count(*) FILTER (WHERE status = 'sent' AND NOT forwarded) AS delivered,
    count(*) FILTER (WHERE status = 'sent' AND forwarded) AS forwarded,
    count(*) FILTER (WHERE status = 'deferred') AS deferrals,
    count(*) FILTER (WHERE status = 'bounced') AS bounced,
    sum(CASE WHEN status = 'sent' AND NOT forwarded AND d.pos > z.t_pos THEN z.t_size ELSE 0 END) AS bytes_delivered
  FROM ${NIGHT_TO_LINES} d LEFT JOIN maillog_sized z ON z.qid = d.qid GROUP BY 1
), j AS (
  SELECT ${localDay('ms')} AS day, count(*) FILTER (WHERE kind = 5) AS rejected, count(*) FILTER (WHERE kind = 6) AS reject_warnings,
    count(*) FILTER (WHERE kind = 7) AS held, count(*) FILTER (WHERE kind = 8) AS discarded
  FROM maillog_reject GROUP BY 1
), c AS (
  SELECT day, sum(size) AS bytes_received FROM maillog_counted GROUP BY 1
), days AS (
  SELECT day FROM r UNION SELECT day FROM t UNION SELECT day FROM j UNION SELECT day FROM c
)
SELECT $night::DATE, d.day, coalesce(r.received, 0), coalesce(t.delivered, 0), coalesce(t.forwarded, 0),
  coalesce(t.deferrals, 0), coalesce(t.bounced, 0), coalesce(j.rejected, 0), coalesce(j.reject_warnings, 0),
  coalesce(j.held, 0), coalesce(j.discarded, 0), coalesce(c.bytes_received, 0), coalesce(t.bytes_delivered, 0)
FROM days d LEFT JOIN r USING (day) LEFT JOIN t USING (day) LEFT JOIN j USING (day) LEFT JOIN c USING (day)`;

const SENDERS_SQL = `
INSERT INTO mail_daily_senders
SELECT DISTINCT $night::DATE, day, pf_sender,
  CASE WHEN addr_dom IS NOT NULL THEN addr_dom WHEN rcvd = 'pickup' THEN pf_sender ELSE rcvd END
FROM (SELECT day, CASE WHEN addr = '' THEN 'from=<>' ELSE addr END AS pf_sender, addr_dom, rcvd FROM maillog_counted)`;

const RECIPIENTS_SQL = `
INSERT INTO mail_daily_recipients
SELECT DISTINCT $night::DATE, day, recipient,
  -- pflogsumm: s/^[^@]+\@// (from the first "@", when something precedes it)
  CASE WHEN strpos(recipient, '@') > 1 THEN substr(recipient, strpos(recipient, '@') + 1) ELSE recipient END
FROM ${NIGHT_TO_LINES} WHERE status = 'sent' AND NOT forwarded`;

const DEFERRED_SQL = `
INSERT INTO mail_daily_deferred
SELECT DISTINCT $night::DATE, day, qid FROM mail_deliveries WHERE export_date = $night::DATE AND status = 'deferred'`;

/** Replaces the night's rows of mail_daily_totals / _senders / _recipients / _deferred and mail_log_qid_state. */
export async function loadNightTotals(conn: DuckDBConnection, night: string): Promise<void> {
  for (const table of ['mail_daily_totals', 'mail_daily_senders', 'mail_daily_recipients', 'mail_daily_deferred', 'mail_log_qid_state']) {
    await conn.run(`DELETE FROM ${table} WHERE export_date = $night::DATE`, { night });
  }
  for (const sql of STATE_SQL) await conn.run(sql, sql.includes('$night') ? { night } : undefined);
  for (const sql of [TOTALS_SQL, SENDERS_SQL, RECIPIENTS_SQL, DEFERRED_SQL, END_STATE_SQL]) await conn.run(sql, { night });
  // states older than the window are never looked at again
  await conn.run(`DELETE FROM mail_log_qid_state WHERE export_date < $night::DATE - INTERVAL ${RETRY_NIGHTS} DAY`, { night });
}
