// Stage 2b: the night's per-message, per-recipient and per-reject facts (004 Điều 9 khoản 1: time, sender,
// recipient, client IP, size, errors). A content filter's copies are linked to their message first, in temporary
// tables, so every row is written once: messages to mail_messages, copies to mail_message_hops, and each delivery
// with the message it delivers.
import type { DuckDBConnection } from '@duckdb/node-api';
import { RETRY_NIGHTS, localDay } from './time.ts';

/** Where a copy came from: the filter's hand-off ("queued as" it, maillog_hop) or XFORWARD's orig_queue_id on its
 * first receive line. */
const PARENTS_CTES = `
hop AS (
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM maillog_hop GROUP BY next_qid
), xforward AS (
  SELECT qid, orig_qid FROM (SELECT qid, arg_min({'o': orig_qid}, pos).o AS orig_qid FROM maillog_recv
    WHERE qid IN (SELECT qid FROM maillog_recv WHERE orig_qid IS NOT NULL) GROUP BY qid)
  WHERE orig_qid IS NOT NULL
)`;

/** Every queue file of the night (a message or a filter's copy), narrow: its earliest line and where it came from. */
const QUEUE_FILES_SQL = `
CREATE OR REPLACE TEMP TABLE maillog_queue AS
WITH ${PARENTS_CTES}, q AS (
  SELECT qid, min(ms) AS ms FROM (SELECT qid, ms FROM maillog_recv UNION ALL SELECT qid, ms FROM maillog_from) GROUP BY qid
)
SELECT q.qid, q.ms, coalesce(x.orig_qid, h.parent) AS filter_parent
FROM q LEFT JOIN xforward x ON x.qid = q.qid LEFT JOIN hop h ON h.qid = q.qid`;

/**
 * The message of each copy: its parents followed up to a queue file that is no copy (Zimbra 8.8's outbound mail takes
 * two hops; six bound a cycle in a damaged log). A copy whose chain leaves the night has no row: it counts as a
 * message of its own.
 */
const ROOTS_SQL = `
CREATE OR REPLACE TEMP TABLE maillog_root AS
WITH RECURSIVE up(qid, parent, depth) AS (
  SELECT qid, filter_parent, 1 FROM maillog_queue WHERE filter_parent IS NOT NULL
  UNION ALL
  SELECT up.qid, q.filter_parent, up.depth + 1 FROM up JOIN maillog_queue q ON q.qid = up.parent
  WHERE q.filter_parent IS NOT NULL AND up.depth < 6
), top AS (
  SELECT qid, arg_max(parent, depth) AS root FROM up GROUP BY qid
)
SELECT t.qid, t.root FROM top t JOIN maillog_queue q ON q.qid = t.root AND q.filter_parent IS NULL`;

/** The messages: each queue file that is not a linked copy, from its first receive line and its first from= line. */
const MESSAGES_SQL = `
INSERT INTO mail_messages (export_date, qid, received_at, day, via, program, client_host, client_ip, sasl_username, sender,
  size, nrcpt, parent_qid)
WITH recv AS (
  SELECT qid, unnest(arg_min({'ms': ms, 'kind': kind, 'program': cmd, 'client_host': client_host, 'client_ip': client_ip,
    'sasl': sasl}, pos))
  FROM maillog_recv ANTI JOIN maillog_root USING (qid) GROUP BY qid
), frm AS (
  SELECT qid, unnest(arg_min({'ms': ms, 'sender': addr, 'size': size, 'nrcpt': nrcpt}, pos))
  FROM maillog_from ANTI JOIN maillog_root USING (qid) GROUP BY qid
), notice AS (
  SELECT next_qid AS qid, arg_min(qid, pos) AS parent FROM maillog_notice GROUP BY next_qid
), m AS (
  SELECT coalesce(r.qid, f.qid) AS qid, coalesce(r.ms, f.ms) AS ms, r.kind, r.program, r.client_host, r.client_ip, r.sasl,
    f.sender, f.size, f.nrcpt, q.filter_parent, n.parent AS notice_parent
  FROM recv r FULL JOIN frm f ON f.qid = r.qid
  JOIN maillog_queue q ON q.qid = coalesce(r.qid, f.qid)
  LEFT JOIN notice n ON n.qid = q.qid
)
SELECT $night::DATE, m.qid, to_timestamp(m.ms / 1000), ${localDay('m.ms')},
  CASE WHEN m.filter_parent IS NOT NULL OR m.kind = 10 THEN 'filter' WHEN m.kind = 1 THEN 'smtpd' WHEN m.kind = 2 THEN 'pickup'
       WHEN m.notice_parent IS NOT NULL THEN 'notice' ELSE 'local' END,
  m.program, m.client_host, m.client_ip, m.sasl, m.sender, m.size, m.nrcpt, coalesce(m.filter_parent, m.notice_parent)
FROM m`;

const HOPS_SQL = `
INSERT INTO mail_message_hops (export_date, qid, received_at, parent_qid, root_qid)
SELECT $night::DATE, q.qid, to_timestamp(q.ms / 1000), q.filter_parent, r.root
FROM maillog_queue q JOIN maillog_root r ON r.qid = q.qid`;

/** The night's to= lines from `source` (DuckDB's CSV reader over the staged files), read once, each with its
 * message when the night holds it. */
const deliveriesSql = (source: string) => `
INSERT INTO mail_deliveries (export_date, qid, time, day, recipient, orig_to, relay, program, delay, dsn, status, detail,
  forwarded, is_filter_hop, next_qid, msg_export_date, pos, message_qid)
SELECT $night::DATE, t.qid, to_timestamp(t.ms / 1000), ${localDay('t.ms')}, t.addr, t.orig_to, t.relay, t.cmd,
  TRY_CAST(t.delay AS DOUBLE), t.dsn, t.status, t.detail, t.forwarded, t.filter_hop, t.next_qid,
  CASE WHEN q.qid IS NOT NULL THEN $night::DATE END, t.pos, CASE WHEN q.qid IS NOT NULL THEN coalesce(r.root, t.qid) END
FROM ${source} t
LEFT JOIN maillog_queue q ON q.qid = t.qid
LEFT JOIN maillog_root r ON r.qid = t.qid`;


/** Deliveries of messages queued in an earlier night: the latest such night within RETRY_NIGHTS, as a message or as a
 * copy of one. Few rows, so an update. */
const EARLIER_NIGHT_SQL = `
UPDATE mail_deliveries AS d SET msg_export_date = e.export_date, message_qid = e.message_qid
FROM (
  SELECT qid, arg_max(message_qid, export_date) AS message_qid, max(export_date) AS export_date FROM (
    SELECT qid, qid AS message_qid, export_date FROM mail_messages
    WHERE export_date < $night::DATE AND export_date >= $night::DATE - INTERVAL ${RETRY_NIGHTS} DAY
    UNION ALL
    SELECT qid, root_qid, export_date FROM mail_message_hops
    WHERE export_date < $night::DATE AND export_date >= $night::DATE - INTERVAL ${RETRY_NIGHTS} DAY
  )
  WHERE qid IN (SELECT qid FROM mail_deliveries WHERE export_date = $night::DATE AND msg_export_date IS NULL)
  GROUP BY qid
) e
WHERE d.export_date = $night::DATE AND d.msg_export_date IS NULL AND d.qid = e.qid`;

const REJECTS_SQL = `
INSERT INTO mail_rejects
SELECT $night::DATE, to_timestamp(ms / 1000), ${localDay('ms')},
  CASE kind WHEN 5 THEN 'reject' WHEN 6 THEN 'reject_warning' WHEN 7 THEN 'hold' ELSE 'discard' END,
  cmd, qid, stage, client_host, client_ip, sender, addr, detail
FROM maillog_reject`;

/** Replaces the night's rows of mail_messages, mail_message_hops, mail_deliveries and mail_rejects. */
export async function loadNightFacts(
  conn: DuckDBConnection, night: string, deliveries: { sql: string; params: Record<string, string | number> },
): Promise<{ messages: number; copies: number; deliveries: number; rejects: number }> {
  for (const table of ['mail_messages', 'mail_message_hops', 'mail_deliveries', 'mail_rejects']) {
    await conn.run(`DELETE FROM ${table} WHERE export_date = $night::DATE`, { night });
  }
  await conn.run(QUEUE_FILES_SQL);
  await conn.run(ROOTS_SQL);
  const messages = await changed(conn, MESSAGES_SQL, { night });
  const copies = await changed(conn, HOPS_SQL, { night });
  const delivered = await changed(conn, deliveriesSql(deliveries.sql), { night, ...deliveries.params });
  await conn.run(EARLIER_NIGHT_SQL, { night });
  const rejects = await changed(conn, REJECTS_SQL, { night });
  return { messages, copies, deliveries: delivered, rejects };
}

async function changed(conn: DuckDBConnection, sql: string, params: Record<string, string | number>): Promise<number> {
  const result = await conn.run(sql, params);
  return Number(result.rowsChanged);
}
